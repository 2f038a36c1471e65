// Sessions whose summaries a transcript sync put off while reading a file longer than one batch, saved in
// the same transaction as their messages: if the process dies before the file is done, the next sync
// still summarizes them (the rest of the file may never touch them again).
import type {IndexStore} from '../store/index-store.js';

const key = (sourceId: number) => `summaries-due:${Math.trunc(sourceId)}`;

export function loadDue(store: IndexStore, sourceId: number): string[] {
	const saved = store.meta.get(key(sourceId));
	if (!saved) return [];
	try {
		const ids = JSON.parse(saved) as unknown;
		return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
	} catch {
		return [];
	}
}

/** Call inside the batch's transaction; writes nothing when there was and is nothing due. */
export function saveDue(store: IndexStore, sourceId: number, ids: ReadonlySet<string>): void {
	if (ids.size === 0 && (store.meta.get(key(sourceId)) ?? '[]') === '[]') return;
	store.meta.set(key(sourceId), JSON.stringify([...ids]));
}
