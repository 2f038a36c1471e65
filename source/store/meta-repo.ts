// Small key/value facts about the index itself (e.g. which pricing its stored costs were computed with).
import type {IndexDb} from './open-index.js';

export function createMetaRepo(db: IndexDb) {
	const get = db.prepare(`SELECT value FROM meta WHERE key = ?`).pluck();
	const remove = db.prepare(`DELETE FROM meta WHERE key = ?`);
	const set = db.prepare(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
	return {
		get(key: string): string | undefined {
			return get.get(key) as string | undefined;
		},
		set(key: string, value: string): void {
			set.run(key, value);
		},
		delete(key: string): void {
			remove.run(key);
		},
	};
}

export type MetaRepo = ReturnType<typeof createMetaRepo>;
