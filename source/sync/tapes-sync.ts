// Incremental sync of one tapes database into the index: reads only rows after the cursor, in chunked transactions.
import {yieldToLoop} from './slicer.js';
import type {IndexStore} from '../store/index-store.js';
import type {TapesSource} from '../sources/tapes/reader.js';
import type {PricingTable} from '../core/types.js';
import type {MessageFacts} from '../core/message-facts.js';
import {resummarize, type ApplyContext} from './apply-batch.js';
import {WarningTally} from '../core/warning-tally.js';
import {writeTransaction} from '../store/write-transaction.js';
import {loadDue, saveDue} from './summaries-due.js';
import {loadOrphans, saveOrphans} from './tapes-late-parents.js';
import {beginBulkLoad, BULK_CACHE_KIB, ensureMessageKey, inBulkLoad, unsynced, withCache} from '../store/bulk-load.js';
import {createNodePlaces} from './tapes-node-places.js';
import {bulkLoadDue} from './tapes-due.js';
import {finishTapesSync} from './tapes-finish.js';
import {readerFor, readHere, type NodesRead} from './tapes-node-reads.js';
import {placeNodes} from './tapes-place-nodes.js';
import type {SyncProgress, SyncSummary} from './sync-summary.js';

export {SESSION_GAP_MS, sessionIdFor} from './tapes-node-places.js';
const CHUNK_ROWS = 5_000;
/**
 * A cold load's chunk. With slim nodes and no key its commits are cheap, and what a chunk holds until its
 * sessions are summarized is promoted to the old heap when the chunk outlives a few scavenges: 10,000-row
 * chunks peaked a 1M-node load at 338–376 MB, 2,500-row ones at 315–341 MB, in the same time.
 */
const BULK_CHUNK_ROWS = 2_500;
/** Rows read from the source at a time, within a chunk's transaction. */
const PIECE_ROWS = 2_500;
const RECENT_LIMIT = 50_000;

export interface TapesSyncDeps {
	store: IndexStore;
	source: TapesSource;
	sourceId: number;
	pricing: PricingTable;
	now: () => number;
	/** Rows from which a first sync loads in bulk (tests lower it); BULK_LOAD_ROWS (tapes-due.ts) by default. */
	bulkFrom?: number;
	/** Nodes kept in the recent map before it is emptied (RECENT_LIMIT; 0 keeps none: tests look every parent up). */
	recentLimit?: number;
	/**
	 * A bulk load returns when its session list is final, and the caller builds next what only writes and reports
	 * read, while the search index fills in on its own thread: the messages' key and session index (endBulkLoad's
	 * `later`) and the sessions' JSON rows (workspace/session-json-fill.ts).
	 */
	listFirst?: boolean;
	/** The built tapes reading thread (tapes-reader-thread.ts): a bulk load reads and maps its rows there, not on this thread. */
	readerThread?: URL | null;
}

/**
 * A tapes node joins its parent's session unless it comes more than an hour after that session's last
 * message; otherwise it starts a session whose ID is its own hash. So IDs stay put while a session grows,
 * a node shared by branches is stored (and counted) once, and a conversation reusing an old identical root
 * does not drag its start time back days (reference §7).
 */
export async function syncTapes(
	deps: TapesSyncDeps,
	onProgress: (p: SyncProgress) => void = () => {},
	signal?: AbortSignal,
): Promise<SyncSummary> {
	const {store, sourceId} = deps;
	let bulk = inBulkLoad(store.meta, sourceId);
	// Only a load begun now places parents without the key: nothing of the source is stored yet.
	let keyless = false;
	if (!bulk && bulkLoadDue(deps)) {
		keyless = deps.source.rowidOf !== null;
		writeTransaction(store.db, () => beginBulkLoad(store.db, store.meta, sourceId, {messages: true, key: keyless}))();
		bulk = true;
	}
	if (!bulk) return syncChunks(deps, false, false, onProgress, signal);
	return unsynced(store.db, () => withCache(store.db, BULK_CACHE_KIB, () => syncChunks(deps, true, keyless, onProgress, signal)));
}

async function syncChunks(
	deps: TapesSyncDeps,
	bulk: boolean,
	keyless: boolean,
	onProgress: (p: SyncProgress) => void,
	signal?: AbortSignal,
): Promise<SyncSummary> {
	const {store, source, sourceId} = deps;
	const fileKey = 'nodes';
	const tally = new WarningTally();
	const cursor = store.cursors.get(sourceId, fileKey) ?? {
		sourceId, file: fileKey, size: 0, mtimeMs: 0, ino: 0, offset: 0, lastRowid: 0, rows: 0,
	};
	const maxRowid = source.maxRowid();
	// A VACUUM can renumber rowids; start over then (inserts are idempotent, so nothing doubles).
	if (maxRowid < cursor.lastRowid) cursor.lastRowid = 0;
	const summary: SyncSummary = {source: source.path, newMessages: 0, sessionsTouched: 0, warnings: [], fromStart: cursor.lastRowid === 0};
	// A bulk load stopped after its last chunk still has its end to run (indexes, orphans, deferred summaries).
	if (maxRowid === cursor.lastRowid && !bulk) return summary;
	// What this sync has to read, by rowid: count(*) walks the file's smallest index, 18 ms on 1M nodes when it is
	// in the page cache and 1.5–2.4 s when it is not, before the first row. Rows deleted leave gaps, so the last
	// progress says the true count.
	const total = maxRowid - cursor.lastRowid;
	// The body stays in the source; its words are indexed behind the sync (search-backfill.ts), once the
	// session list is complete (worked out here only for a row the fill has already passed: search-rows.ts).
	const indexed = store.search.state(sourceId).on;

	const places = createNodePlaces({store, source, sourceId, keyless, total, recentLimit: deps.recentLimit ?? RECENT_LIMIT});
	const allTouched = new Set<string>();
	// Sessions that already existed when a chunk touched them are summarized once, after the last chunk:
	// re-reading a growing session's every message per chunk made a long chain quadratic. They are saved as
	// due with each chunk, so a sync that dies midway still has them summarized by the next one.
	const deferred = new Set<string>(loadDue(store, sourceId));
	const earlierDue = deferred.size;
	const orphans = loadOrphans(store, sourceId);
	const earlierOrphans = orphans.length;
	let read = 0;
	const reader = bulk ? readerFor(deps.readerThread, source.path, cursor.lastRowid, BULK_CHUNK_ROWS) : null;
	try {
		while (!signal?.aborted) {
			const ctx: ApplyContext = {store, sourceId, kind: 'tapes', pricing: deps.pricing, now: deps.now(), renderJson: !(bulk && deps.listFirst)};
			const from = cursor.lastRowid;
			let readNow = 0;
			// A bulk load's chunk is read in pieces inside its one transaction: its commit is as large as before,
			// the rows and bodies in hand at a time a quarter (the sync's heap peaked at 220 MB with 10,000). An
			// incremental sync reads its chunk before it takes the write lock, which other processes wait on.
			const rows = bulk ? BULK_CHUNK_ROWS : CHUNK_ROWS;
			const piece = bulk ? PIECE_ROWS : CHUNK_ROWS;
			// The reading thread's pieces are a chunk each (BULK_CHUNK_ROWS), taken before the chunk's transaction.
			const before: NodesRead | null = reader ? await reader.next() : bulk ? null : readHere(source.readAfter(cursor.lastRowid, piece));
			const fromRows = cursor.rows;
			const placed = places.mark();
			writeTransaction(store.db, () => {
				// From where this chunk began, should the transaction be run again.
				cursor.lastRowid = from;
				cursor.rows = fromRows;
				places.rewind(placed);
				readNow = 0;
				// Duplicates are ignored by the key, which a bulk load elsewhere (or one killed) may have left out.
				if (!keyless) ensureMessageKey(store.db);
				const touched = new Map<string, MessageFacts[]>();
				// Where the search fill has passed does not move within the transaction: read once, not per row.
				const indexedTo = indexed ? store.search.doneTo(sourceId) : -1;
				for (let asked = 0; asked < rows; asked += piece) {
					const batch = asked === 0 && before ? before : readHere(source.readAfter(cursor.lastRowid, Math.min(piece, rows - asked)));
					tally.addAll(batch.warnings);
					if (batch.nodes.length === 0 && batch.lastRowid === cursor.lastRowid) break;
					summary.newMessages += placeNodes({store, source, sourceId, places, orphans, indexed, indexedTo}, batch.nodes, touched);
					cursor.lastRowid = batch.lastRowid;
					cursor.rows += batch.nodes.length;
					readNow += batch.nodes.length;
					// One piece is the whole chunk: the thread reads on from where it ended.
					if (reader) break;
				}
				if (cursor.lastRowid === from) return;
				for (const [sessionId, fresh] of touched) {
					// A session first seen in this chunk has all its messages in hand; an older one waits for the end.
					if (!deferred.has(sessionId) && store.sessions.endOf(sessionId) === undefined) resummarize(ctx, sessionId, fresh);
					else deferred.add(sessionId);
					allTouched.add(sessionId);
				}
				saveDue(store, sourceId, deferred);
				store.cursors.put(cursor);
			})();
			if (cursor.lastRowid === from) break;
			read += readNow;
			onProgress({source: source.path, read, total});
			places.chunkDone();
			await yieldToLoop();
		}
	} finally {
		await reader?.stop();
	}
	if (read < total && !signal?.aborted) onProgress({source: source.path, read, total: read});
	if (bulk && signal?.aborted) {
		// Stopped midway, the load goes on next time in the same mode (its sessions due and its orphans kept).
		writeTransaction(store.db, () => saveOrphans(store, sourceId, orphans))();
		summary.sessionsTouched = allTouched.size;
		summary.warnings = tally.list();
		return summary;
	}
	// Second pass: children read before their parents join them now; then every deferred session is summarized.
	finishTapesSync({store, source, sourceId, pricing: deps.pricing, now: deps.now(), bulk, listFirst: deps.listFirst ?? false,
		placedRows: places.placedRows}, {orphans, earlierOrphans, deferred, allTouched, tally, earlierDue});
	summary.sessionsTouched = allTouched.size;
	summary.warnings = tally.list();
	return summary;
}
