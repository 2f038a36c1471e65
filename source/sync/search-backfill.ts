// Indexes, for search, the messages a source had before its search index existed (an index made by an
// older tapedeck, or a source turned back on with --search-index). It runs before the source's sync, in
// chunked transactions with progress, and resumes where it stopped: a source's `done_to` moves with each
// chunk. Transcript bodies are in the index; tapes bodies are read back from the tapes file by hash.
import type {IndexStore} from '../store/index-store.js';
import type {TapesSource} from '../sources/tapes/reader.js';
import type {SearchableMessage} from '../core/search-text.js';
import {searchDoc} from '../core/search-text.js';
import {decodeBody} from '../store/message-body.js';
import {writeTransaction} from '../store/write-transaction.js';
import {yieldToLoop, type SyncProgress} from './tapes-sync.js';

const CHUNK = 2_000;

/**
 * The bodies of a batch, from the tapes file. A tapes message's `seq` is its row in the file, and sync stores
 * rows in file order, so a batch is usually one dense run of rows: read in order (a walk, not a hash lookup
 * per message); a sparse batch, or what the run missed, is looked up by hash.
 */
function tapesBodies(tapes: TapesSource, rows: ReadonlyArray<{id: string; seq: number}>): Map<string, SearchableMessage> {
	let lo = Infinity;
	let hi = -Infinity;
	for (const r of rows) {
		lo = Math.min(lo, r.seq);
		hi = Math.max(hi, r.seq);
	}
	const out = new Map<string, SearchableMessage>();
	if (hi - lo < 2 * rows.length) for (const {message} of tapes.readAfter(lo - 1, hi - lo + 1).messages) out.set(message.id, message);
	const missing = rows.filter((r) => !out.has(r.id)).map((r) => r.id);
	if (missing.length > 0) for (const {message} of tapes.readByIds(missing).messages) out.set(message.id, message);
	return out;
}

/** Returns how many messages were indexed. */
export async function backfillSearch(
	store: IndexStore,
	sourceId: number,
	label: string,
	tapes: TapesSource | null,
	onProgress: (p: SyncProgress & {unit: 'messages'}) => void = () => {},
	signal?: AbortSignal,
): Promise<number> {
	const state = store.search.state(sourceId);
	if (!state.on || !state.pending) return 0;
	let {after} = state.pending;
	const {to} = state.pending;
	const total = store.search.waiting(sourceId, after, to);
	let read = 0;
	// Said at once: what came before (a cold load's session list) is complete and final from here.
	if (total > 0) onProgress({source: `${label} (search index)`, read, total, unit: 'messages'});
	while (!signal?.aborted) {
		const rows = store.search.batch(sourceId, after, to, CHUNK);
		if (rows.length === 0) break;
		let bodies: Map<string, SearchableMessage> | null = null;
		if (tapes) bodies = tapesBodies(tapes, rows);
		writeTransaction(store.db, () => {
			for (const row of rows) {
				const message = bodies ? bodies.get(row.id) : decodeBody(row.body);
				const doc = message ? searchDoc(message) : null;
				if (doc) store.search.add(row.rowid, doc);
			}
			after = rows[rows.length - 1]!.rowid;
			store.search.markDone(sourceId, rows.length < CHUNK ? to : after);
		})();
		read += rows.length;
		onProgress({source: `${label} (search index)`, read, total, unit: 'messages'});
		await yieldToLoop();
	}
	return read;
}
