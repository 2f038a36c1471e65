// Fills a source's search index behind its sync: the sync writes messages, sessions and summaries, and this
// indexes what is pending after (search-rows.ts: the source's rows above its `done_to`). It commits in
// slices of about 400 ms, each moving `done_to` with the rows it indexed, so readers see the session list
// final first, a killed fill resumes where it stopped, and nothing is indexed twice. The walk is over rowid
// ranges (each slice starts where the last ended): linear however big the index. Transcript bodies are in
// the index; tapes bodies are read back from the tapes file by hash.
import type {IndexStore} from '../store/index-store.js';
import type {TapesSource} from '../sources/tapes/reader.js';
import type {SearchableMessage} from '../core/search-text.js';
import {searchDoc} from '../core/search-text.js';
import {decodeBody} from '../store/message-body.js';
import {writeTransaction} from '../store/write-transaction.js';
import type {SyncProgress} from './sync-summary.js';
import {yieldToLoop} from './slicer.js';

const CHUNK = 2_000;
const SLICE_MS = 400;

/**
 * The bodies of a batch, from the tapes file. A tapes message's `seq` is its row in the file, and sync stores
 * rows in file order, so a batch is usually one dense run of rows: read in order (a walk, not a hash lookup
 * per message); a sparse batch, or what the run missed, is looked up by hash.
 */
export function tapesBodies(tapes: TapesSource, rows: ReadonlyArray<{id: string; seq: number}>): Map<string, SearchableMessage> {
	let lo = Infinity;
	let hi = -Infinity;
	for (const r of rows) {
		lo = Math.min(lo, r.seq);
		hi = Math.max(hi, r.seq);
	}
	// A dense run is read for its content alone (no row mapped whole): most of a fill's reading.
	const out: Map<string, SearchableMessage> = hi - lo < 2 * rows.length ? tapes.readContents(lo, hi) : new Map();
	const missing = rows.filter((r) => !out.has(r.id)).map((r) => r.id);
	if (missing.length > 0) for (const {message} of tapes.readByIds(missing).messages) out.set(message.id, message);
	return out;
}

/**
 * Returns how many messages were indexed. `legacyOnly`: only finish a backfill begun by an older tapedeck
 * (run before the source's sync, whose rows are then indexed inline until it is done).
 */
export async function backfillSearch(
	store: IndexStore,
	sourceId: number,
	label: string,
	tapes: TapesSource | null,
	onProgress: (p: SyncProgress & {unit: 'messages'}) => void = () => {},
	signal?: AbortSignal,
	legacyOnly = false,
): Promise<number> {
	if (legacyOnly && !store.search.legacy(sourceId)) return 0;
	const state = store.search.state(sourceId);
	if (!state.on) return 0;
	if (!state.pending) {
		// Nothing of this source waits: done_to moves up to the last row (other sources' rows included), so a
		// status read walks only this source's rows (and a legacy row moves to the new scheme).
		if (store.search.legacy(sourceId) || store.search.behind(sourceId)) {
			writeTransaction(store.db, () => {
				const now = store.search.state(sourceId);
				if (now.on && !now.pending) store.search.markDone(sourceId, 0, true);
			})();
		}
		return 0;
	}
	const total = store.search.waiting(sourceId, state.pending.after, state.pending.to);
	let read = 0;
	let finished = false;
	// Said at once: what came before (the session list) is complete and final from here.
	if (total > 0) onProgress({source: `${label} (search index)`, read, total, unit: 'messages'});
	while (!finished && !signal?.aborted) {
		// Each slice reads where the fill stands inside its own write transaction: another process's fill or sync cannot interleave.
		writeTransaction(store.db, () => {
			const now = store.search.state(sourceId);
			if (!now.on || !now.pending) {
				finished = true;
				if (now.on && store.search.legacy(sourceId)) store.search.markDone(sourceId, 0, true);
				return;
			}
			let {after} = now.pending;
			const {to} = now.pending;
			const start = Date.now();
			while (Date.now() - start < SLICE_MS) {
				const rows = store.search.batch(sourceId, after, to, CHUNK);
				let bodies: Map<string, SearchableMessage> | null = null;
				if (tapes && rows.length > 0) bodies = tapesBodies(tapes, rows);
				for (const row of rows) {
					const message = bodies ? bodies.get(row.id) : decodeBody(row.body);
					const doc = message ? searchDoc(message) : null;
					if (doc) store.search.add(row.rowid, doc);
				}
				read += rows.length;
				if (rows.length > 0) after = rows[rows.length - 1]!.rowid;
				if (rows.length < CHUNK) {
					finished = true;
					store.search.markDone(sourceId, to, true);
					return;
				}
				store.search.markDone(sourceId, after);
			}
		})();
		onProgress({source: `${label} (search index)`, read: Math.min(read, total), total, unit: 'messages'});
		await yieldToLoop();
	}
	return read;
}

/** How many of a source's messages wait for the search index (0 when it is off or complete). */
export function searchWaiting(store: IndexStore, sourceId: number): number {
	return store.search.status(sourceId).waiting;
}
