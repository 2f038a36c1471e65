// Sources tapedeck reads (one row per kind + path), when each was last synced and what went wrong.
import type {IndexDb} from './open-index.js';
import type {SourceKind, Warning} from '../core/types.js';
import {writeTransaction} from './write-transaction.js';

export interface SourceRecord {
	id: number;
	kind: SourceKind;
	path: string;
	lastSyncMs: number | null;
	lastError: string | null;
	warnings: Warning[];
}

interface SourceRow {
	id: number;
	kind: SourceKind;
	path: string;
	last_sync_ms: number | null;
	last_error: string | null;
	warnings: string;
}

const toRecord = (r: SourceRow): SourceRecord => ({
	id: r.id,
	kind: r.kind,
	path: r.path,
	lastSyncMs: r.last_sync_ms,
	lastError: r.last_error,
	warnings: JSON.parse(r.warnings) as Warning[],
});

export function createSourcesRepo(db: IndexDb) {
	const insert = db.prepare(`INSERT OR IGNORE INTO sources (kind, path) VALUES (?, ?)`);
	const byKey = db.prepare(`SELECT * FROM sources WHERE kind = ? AND path = ?`);
	const all = db.prepare(`SELECT * FROM sources ORDER BY id`);
	const finish = db.prepare(`UPDATE sources SET last_sync_ms = ?, last_error = ?, warnings = ? WHERE id = ?`);
	// Written after every sync, so it waits for (and retries around) another process's write like any other.
	const record = writeTransaction(db, (id: number, atMs: number, error: string | null, warnings: string) => {
		finish.run(atMs, error, warnings, id);
	});
	return {
		ensure(kind: SourceKind, path: string): SourceRecord {
			// A source already known costs no write: another process may hold the write lock for a while.
			const known = byKey.get(kind, path) as SourceRow | undefined;
			if (known) return toRecord(known);
			insert.run(kind, path);
			return toRecord(byKey.get(kind, path) as SourceRow);
		},
		list(): SourceRecord[] {
			return (all.all() as SourceRow[]).map(toRecord);
		},
		recordSync(id: number, atMs: number, error: string | null, warnings: Warning[]): void {
			record(id, atMs, error, JSON.stringify(warnings));
		},
	};
}

export type SourcesRepo = ReturnType<typeof createSourcesRepo>;
