// The full-text index's rows (see migrations-search.ts), read by the search queries. Sync writes a source's
// messages, sessions and summaries first; their words are added after, by the fill (sync/search-backfill.ts),
// from what is pending: a source's messages with a rowid above its `done_to`. So the session list is final
// before the search index is, and a sync killed mid-fill resumes the fill next time (rows at or below
// `done_to` are indexed, rows above are not: nothing is indexed twice).
// `backfill_to` = -1 marks that scheme. A row from before it (backfill_to >= 0: rowids in (done_to,
// backfill_to] wait, later ones were indexed as they were stored) keeps being indexed inline until its
// backfill completes, which moves it to the new scheme (search-backfill.ts).
import type {IndexDb} from './open-index.js';
import type {SearchDoc} from '../core/search-text.js';
import {writeTransaction} from './write-transaction.js';

export type SearchState = {on: true; pending: {after: number; to: number} | null} | {on: false};
/** A message's words, or how to get them (only called when the row is indexed as it is written). */
export type LazyDoc = SearchDoc | null | (() => SearchDoc | null);
type Row = {state: string; backfill_to: number; done_to: number};

export function createSearchRows(db: IndexDb) {
	const add = db.prepare(`INSERT INTO message_search (rowid, text, thinking, tool) VALUES (?, ?, ?, ?)`);
	const remove = db.prepare(`DELETE FROM message_search WHERE rowid = ?`);
	// Only rows the index holds (at or below done_to) are deleted from it; `+source_id` keeps the planner on rowid ranges.
	const removeSession = db.prepare(`DELETE FROM message_search WHERE rowid IN
		(SELECT rowid FROM messages WHERE source_id = ? AND session_id = ? AND rowid <= ?)`);
	const removePrefix = db.prepare(`DELETE FROM message_search WHERE rowid IN
		(SELECT rowid FROM messages WHERE source_id = ? AND id >= ? AND id < ? AND session_id = ? AND rowid <= ?)`);
	const removeSource = db.prepare(`DELETE FROM message_search WHERE rowid IN (SELECT rowid FROM messages WHERE source_id = ? AND rowid <= ?)`);
	const state = db.prepare(`SELECT state, backfill_to, done_to FROM search_sources WHERE source_id = ?`);
	const ensure = db.prepare(`INSERT OR IGNORE INTO search_sources (source_id, state, backfill_to, done_to) VALUES (?, 'on', -1, 0)`);
	const turnOff = db.prepare(`UPDATE search_sources SET state = 'off', backfill_to = -1, done_to = 0 WHERE source_id = ?`);
	// Turned back on: every message it has waits to be indexed again.
	const turnOn = db.prepare(`UPDATE search_sources SET state = 'on', done_to = 0, backfill_to = -1 WHERE source_id = ? AND state = 'off'`);
	const done = db.prepare(`UPDATE search_sources SET done_to = ?, backfill_to = ? WHERE source_id = ?`);
	const maxRowid = db.prepare(`SELECT coalesce(max(rowid), 0) FROM messages`).pluck();
	const anyAfter = db.prepare(`SELECT 1 FROM messages WHERE rowid > ? AND rowid <= ? AND +source_id = ? LIMIT 1`).pluck();
	const waiting = db.prepare(`SELECT count(*) FROM messages WHERE rowid > ? AND rowid <= ? AND +source_id = ?`).pluck();
	const batch = db.prepare(`SELECT rowid, id, seq, body FROM messages WHERE rowid > ? AND rowid <= ? AND +source_id = ? ORDER BY rowid LIMIT ?`);
	const isEmpty = db.prepare('SELECT 1 FROM message_search_docsize LIMIT 1').pluck();
	const read = (sourceId: number): Row | undefined => state.get(sourceId) as Row | undefined;
	/** Rows at or below this are indexed (a row written there now is indexed as it is written); -1 when off. */
	const doneTo = (sourceId: number): number => {
		const row = read(sourceId);
		if (!row || row.state === 'off') return row ? -1 : Infinity;
		return row.backfill_to >= 0 ? Infinity : row.done_to;
	};
	const addDoc = (rowid: number | bigint, doc: LazyDoc) => {
		const words = typeof doc === 'function' ? doc() : doc;
		if (words) add.run(rowid, words.text, words.thinking, words.tool);
	};

	return {
		/** Rows at or below this are indexed as they are written (Infinity: all; -1: the source is off). Constant within a write transaction. */
		doneTo,
		add(rowid: number | bigint, doc: SearchDoc): void {
			add.run(rowid, doc.text, doc.thinking, doc.tool);
		},
		/** A message just stored: indexed now only when its rowid falls where the fill has already passed (a reused rowid). */
		added(sourceId: number, rowid: number | bigint, doc: LazyDoc, to = doc ? doneTo(sourceId) : -1): void {
			if (doc && Number(rowid) <= to) addDoc(rowid, doc);
		},
		/** A stored message rewritten: its words are replaced if the index holds them (a pending row is filled later, as it is then). */
		rewritten(sourceId: number, rowid: number, doc: LazyDoc): void {
			if (rowid > doneTo(sourceId)) return;
			remove.run(rowid);
			if (doc) addDoc(rowid, doc);
		},
		remove(rowid: number | bigint): void {
			remove.run(rowid);
		},
		/** Call before the session's messages are deleted: the rows are found through them (a stale row would
		 * match whatever message later takes its rowid). */
		removeSession(sourceId: number, sessionId: string): void {
			const to = doneTo(sourceId);
			if (to >= 0) removeSession.run(sourceId, sessionId, Number.isFinite(to) ? to : Number.MAX_SAFE_INTEGER);
		},
		/** Call before a session's messages whose IDs start with `prefix` are deleted. */
		removePrefix(sourceId: number, sessionId: string, prefix: string): void {
			const to = doneTo(sourceId);
			if (to >= 0) removePrefix.run(sourceId, prefix, `${prefix}\uffff`, sessionId, Number.isFinite(to) ? to : Number.MAX_SAFE_INTEGER);
		},
		/** Whether a source is indexed, and what of it still waits (a source first seen now has all its messages waiting). */
		state(sourceId: number): SearchState {
			ensure.run(sourceId);
			const row = read(sourceId)!;
			if (row.state === 'off') return {on: false};
			const to = row.backfill_to >= 0 ? row.backfill_to : (maxRowid.get() as number);
			const pending = row.done_to < to && anyAfter.get(row.done_to, to, sourceId) !== undefined;
			return {on: true, pending: pending ? {after: row.done_to, to} : null};
		},
		/** Read-only: whether a source is indexed, and how many of its messages wait (no row written for a source not seen yet). */
		status(sourceId: number): {on: boolean; waiting: number} {
			const row = read(sourceId);
			if (!row) return {on: true, waiting: 0};
			if (row.state === 'off') return {on: false, waiting: 0};
			const to = row.backfill_to >= 0 ? row.backfill_to : (maxRowid.get() as number);
			return {on: true, waiting: row.done_to < to ? (waiting.get(row.done_to, to, sourceId) as number) : 0};
		},
		/** True when rows of other sources were written above this source's done_to. */
		behind(sourceId: number): boolean {
			const row = read(sourceId);
			return row !== undefined && row.state === 'on' && row.done_to < (maxRowid.get() as number);
		},
		/** True when a source's row predates the fill-behind scheme (see the top of this file). */
		legacy(sourceId: number): boolean {
			const row = read(sourceId);
			return row !== undefined && row.state === 'on' && row.backfill_to >= 0;
		},
		/** `--no-search-index` (false) drops a source's rows; `--search-index` (true) brings them back. */
		setOn(sourceId: number, on: boolean): void {
			ensure.run(sourceId);
			writeTransaction(db, () => {
				if (on) turnOn.run(sourceId);
				else {
					const to = doneTo(sourceId);
					if (to >= 0) removeSource.run(sourceId, Number.isFinite(to) ? to : Number.MAX_SAFE_INTEGER);
					turnOff.run(sourceId);
				}
			})();
		},
		waiting(sourceId: number, after: number, to: number): number {
			return waiting.get(after, to, sourceId) as number;
		},
		/** The next messages waiting to be indexed, in rowid order (a walk over a rowid range: linear over the whole fill). */
		batch(sourceId: number, after: number, to: number, limit: number): Array<{rowid: number; id: string; seq: number; body: string | null}> {
			return batch.all(after, to, sourceId, limit) as Array<{rowid: number; id: string; seq: number; body: string | null}>;
		},
		/** Rows at or below `doneTo` are indexed; `finished`: nothing of the source waits (a legacy row moves to the new scheme). */
		markDone(sourceId: number, doneTo: number, finished = false): void {
			const row = read(sourceId);
			if (!row) return;
			if (finished) done.run(Math.max(doneTo, maxRowid.get() as number), -1, sourceId);
			else done.run(doneTo, row.backfill_to, sourceId);
		},
		/** True while the full-text table holds no row at all (of any source). */
		empty(): boolean {
			return isEmpty.get() === undefined;
		},
		maxRowid(): number {
			return maxRowid.get() as number;
		},
	};
}

export type SearchRows = ReturnType<typeof createSearchRows>;
