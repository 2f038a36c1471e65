// One tapes database's sync within a workspace sync: its search fill, its rows (and, for a cold load, the
// search index built beside them), then its warnings recorded. A run with nothing new reads the cursor and
// the source's last rowid and loads none of the sync's own modules.
import type {TapesSyncDeps} from '../sync/tapes-sync.js';
import type {SyncSummary} from '../sync/sync-summary.js';
import {upToDate} from '../sync/tapes-due.js';
import {WarningTally} from '../core/warning-tally.js';
import {backfillSearch} from '../sync/search-backfill.js';
import {fillSessionJson} from './session-json-fill.js';
import type {SourceInUse} from './open-workspace.js';
import type {SyncTarget, WorkspaceProgress} from './sync-workspace.js';

export async function syncTapesSource(ws: SyncTarget, s: SourceInUse, now: () => number, onProgress?: (p: WorkspaceProgress) => void, signal?: AbortSignal): Promise<SyncSummary | string> {
	const {openTapesSource} = await import('../sources/tapes/reader.js');
	const opened = openTapesSource(s.path);
	if (!opened.ok) return opened.error;
	try {
		await backfillSearch(ws.store, s.id, s.path, opened.source, onProgress, signal, true);
		const deps = {store: ws.store, source: opened.source, sourceId: s.id, pricing: ws.pricing, now};
		const maxRowid = opened.source.maxRowid();
		const summary: SyncSummary = upToDate(ws.store, s.id, maxRowid)
			? {source: s.path, newMessages: 0, sessionsTouched: 0, warnings: [], fromStart: maxRowid === 0}
			: await syncTapesRows(ws, s, deps, onProgress, signal);
		summary.readMode = opened.source.mode;
		await backfillSearch(ws.store, s.id, s.path, opened.source, onProgress, signal);
		// Each row is read once, so the source's problems are the ones stored before plus this run's.
		const before = summary.fromStart ? [] : ws.store.sources.list().find((r) => r.id === s.id)?.warnings ?? [];
		const tally = new WarningTally();
		tally.addAll(before);
		tally.addAll(summary.warnings);
		ws.store.sources.recordSync(s.id, now(), null, tally.list());
		return summary;
	} finally {
		opened.source.close();
	}
}

async function syncTapesRows(ws: SyncTarget, s: SourceInUse, deps: TapesSyncDeps, onProgress?: (p: WorkspaceProgress) => void, signal?: AbortSignal): Promise<SyncSummary> {
	const [{syncTapes}, {besideJobFor, tryStartBeside}, {createDocReader}, {withCache, BULK_CACHE_KIB, endBulkLoad, inBulkLoad}, {writeTransaction},
		{tapesReaderProgram}, {releaseHeap}] = await Promise.all([import('../sync/tapes-sync.js'), import('../sync/search-beside-thread.js'),
		import('../sync/search-beside-docs.js'), import('../store/bulk-load.js'), import('../store/write-transaction.js'), import('../sync/tapes-reader-thread.js'),
		import('../sync/heap-release.js')]);
	// A cold load's words are indexed on a thread of their own (search-beside.ts). Until its session list is final
	// the other core reads and maps the load's rows (tapes-reader-thread.ts), and the words wait. With both threads
	// beside the sync at once, the list of 1M nodes came 19% sooner but the search index 23% later, and the peak
	// went over 400 MB; one after the other, and this thread helping the search thread once its own work is
	// done, the list 45% sooner (16.9 → 9.2 s, medians of three) with the search index as soon (21.4 → 20.1 s).
	// TAPEDECK_READER_THREAD=off keeps the reading here, as it does a server's and a transcript import's; then
	// the words are indexed while the rows are read, as before.
	const job = besideJobFor(deps, ws.indexPath);
	const readerThread = process.env['TAPEDECK_READER_THREAD'] === 'off' ? null : tapesReaderProgram();
	const early = job && !readerThread ? tryStartBeside(job) : null;
	let summary: SyncSummary;
	try {
		summary = await syncTapes({...deps, listFirst: true, readerThread}, onProgress, signal);
	} catch (error) {
		await early?.stop();
		throw error;
	}
	// What the load's chunks left in the heap goes before the search thread and the indexes' sorts come (heap-release.ts).
	if (!signal?.aborted && inBulkLoad(ws.store.meta, s.id)) releaseHeap();
	const beside = early ?? (job && !signal?.aborted ? tryStartBeside(job) : null);
	// The session list is final now; what only writes and reports read is built behind it (TapesSyncDeps.listFirst).
	const endLoad = (onRendered?: (rendered: number) => void) => {
		if (signal?.aborted || !inBulkLoad(ws.store.meta, s.id)) return;
		writeTransaction(ws.store.db, () => endBulkLoad(ws.store.db, ws.store.meta, s.id))();
		fillSessionJson(ws.store, onRendered);
	};
	if (beside && signal?.aborted) await beside.stop();
	else if (beside) {
		// Still with the load's cache: counting what waits reads every message row, which the index's own would keep.
		await withCache(ws.store.db, BULK_CACHE_KIB, async () => {
			const label = `${s.path} (search index)`;
			const total = ws.store.search.status(s.id).waiting;
			onProgress?.({source: label, read: 0, total, unit: 'messages'});
			// Built here while the search thread indexes on the other core; then this thread reads the words
			// that are left and the search thread only writes them (FTS5's inserts are most of its work).
			const read = createDocReader(ws.store.db, deps.source, s.id);
			await beside.finish((indexed) => onProgress?.({source: label, read: Math.min(indexed, total), total, unit: 'messages'}), signal,
				{first: () => endLoad(), read});
		});
	} else if (!signal?.aborted && inBulkLoad(ws.store.meta, s.id)) {
		// Without it the list is final here too, and a count of another unit says so (the explorer re-reads its
		// screens when the unit turns): the sessions' JSON rows come next, after the messages' key and index.
		const label = `${s.path} (finishing sessions)`;
		const total = summary.sessionsTouched;
		onProgress?.({source: label, read: 0, total, unit: 'sessions'});
		endLoad((rendered) => onProgress?.({source: label, read: Math.min(rendered, total), total, unit: 'sessions'}));
	}
	return summary;
}
