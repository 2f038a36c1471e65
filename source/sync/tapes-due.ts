// What a tapes sync will do, asked before its modules load: whether there is anything after the cursor, and
// whether it is a bulk load. A warm run with nothing new then loads none of the sync (workspace/sync-tapes-source.ts).
import type {IndexStore} from '../store/index-store.js';
import type {TapesSource} from '../sources/tapes/reader.js';
import {inBulkLoad} from '../store/bulk-load.js';

/** A first sync of at least this many rows is a bulk load (see store/bulk-load.ts). */
export const BULK_LOAD_ROWS = 20_000;

export interface TapesDueDeps {
	store: IndexStore;
	source: Pick<TapesSource, 'maxRowid'>;
	sourceId: number;
	/** Rows from which a first sync loads in bulk (tests lower it); BULK_LOAD_ROWS by default. */
	bulkFrom?: number;
}

/** A first sync of a large source, or one a killed bulk load left: indexes after, no fsync until done. */
export function bulkLoadDue(deps: TapesDueDeps): boolean {
	if (inBulkLoad(deps.store.meta, deps.sourceId)) return true;
	const cursor = deps.store.cursors.get(deps.sourceId, 'nodes');
	return (cursor?.lastRowid ?? 0) === 0 && deps.source.maxRowid() >= (deps.bulkFrom ?? BULK_LOAD_ROWS);
}

/** Nothing after the cursor and no bulk load to finish: what syncTapes would find before it reads a row. */
export function upToDate(store: IndexStore, sourceId: number, maxRowid: number): boolean {
	const cursor = store.cursors.get(sourceId, 'nodes');
	return cursor !== undefined && cursor.lastRowid === maxRowid && !inBulkLoad(store.meta, sourceId);
}
