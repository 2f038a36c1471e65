// The full-text index's rows (see migrations-search.ts): written by the message repositories in the same
// statements' transaction as the messages they describe, and read by the search queries.
import type {IndexDb} from './open-index.js';
import type {SearchDoc} from '../core/search-text.js';
import {writeTransaction} from './write-transaction.js';

export type SearchState = {on: true; pending: {after: number; to: number} | null} | {on: false};

export function createSearchRows(db: IndexDb) {
	const add = db.prepare(`INSERT INTO message_search (rowid, text, thinking, tool) VALUES (?, ?, ?, ?)`);
	const remove = db.prepare(`DELETE FROM message_search WHERE rowid = ?`);
	const removeSession = db.prepare(`DELETE FROM message_search WHERE rowid IN (SELECT rowid FROM messages WHERE source_id = ? AND session_id = ?)`);
	const removePrefix = db.prepare(`DELETE FROM message_search WHERE rowid IN
		(SELECT rowid FROM messages WHERE source_id = ? AND id >= ? AND id < ? AND session_id = ?)`);
	const removeSource = db.prepare(`DELETE FROM message_search WHERE rowid IN (SELECT rowid FROM messages WHERE source_id = ?)`);
	const state = db.prepare(`SELECT state, backfill_to, done_to FROM search_sources WHERE source_id = ?`);
	const ensure = db.prepare(`INSERT OR IGNORE INTO search_sources (source_id, state, backfill_to, done_to) VALUES (?, 'on', 0, 0)`);
	const turnOff = db.prepare(`UPDATE search_sources SET state = 'off', backfill_to = 0, done_to = 0 WHERE source_id = ?`);
	// Turned back on: every message it has waits to be indexed again; later ones are indexed by sync.
	const turnOn = db.prepare(`UPDATE search_sources SET state = 'on', done_to = 0,
		backfill_to = (SELECT coalesce(max(rowid), 0) FROM messages WHERE source_id = @id) WHERE source_id = @id AND state = 'off'`);
	const done = db.prepare(`UPDATE search_sources SET done_to = ? WHERE source_id = ?`);
	const defer = db.prepare(`UPDATE search_sources SET backfill_to = max(backfill_to, (SELECT coalesce(max(rowid), 0) FROM messages))
		WHERE source_id = ? AND state = 'on'`);
	// `+source_id`: a walk of the rowid range; through the (source_id, id) key each batch re-sorted the whole source.
	const waiting = db.prepare(`SELECT count(*) FROM messages WHERE +source_id = ? AND rowid > ? AND rowid <= ?`).pluck();
	const batch = db.prepare(`SELECT rowid, id, seq, body FROM messages WHERE +source_id = ? AND rowid > ? AND rowid <= ? ORDER BY rowid LIMIT ?`);

	return {
		add(rowid: number | bigint, doc: SearchDoc): void {
			add.run(rowid, doc.text, doc.thinking, doc.tool);
		},
		remove(rowid: number | bigint): void {
			remove.run(rowid);
		},
		/** Call before the session's messages are deleted: the rows are found through them. */
		removeSession(sourceId: number, sessionId: string): void {
			removeSession.run(sourceId, sessionId);
		},
		/** Call before a session's messages whose IDs start with `prefix` are deleted (a stale row would match
		 * whatever message later takes its rowid). */
		removePrefix(sourceId: number, sessionId: string, prefix: string): void {
			removePrefix.run(sourceId, prefix, `${prefix}\uffff`, sessionId);
		},
		/** Whether a source is indexed, and what of it still waits (a source first seen now is indexed as it syncs). */
		state(sourceId: number): SearchState {
			ensure.run(sourceId);
			const row = state.get(sourceId) as {state: string; backfill_to: number; done_to: number};
			if (row.state === 'off') return {on: false};
			return {on: true, pending: row.done_to < row.backfill_to ? {after: row.done_to, to: row.backfill_to} : null};
		},
		/** `--no-search-index` (false) drops a source's rows; `--search-index` (true) brings them back. */
		setOn(sourceId: number, on: boolean): void {
			ensure.run(sourceId);
			writeTransaction(db, () => {
				if (on) turnOn.run({id: sourceId});
				else {
					removeSource.run(sourceId);
					turnOff.run(sourceId);
				}
			})();
		},
		waiting(sourceId: number, after: number, to: number): number {
			return waiting.get(sourceId, after, to) as number;
		},
		/** The next messages waiting to be indexed, in rowid order. */
		batch(sourceId: number, after: number, to: number, limit: number): Array<{rowid: number; id: string; seq: number; body: string | null}> {
			return batch.all(sourceId, after, to, limit) as Array<{rowid: number; id: string; seq: number; body: string | null}>;
		},
		markDone(sourceId: number, doneTo: number): void {
			done.run(doneTo, sourceId);
		},
		/** The source's messages stored so far without their words (a cold load) wait for the backfill behind it. */
		defer(sourceId: number): void {
			defer.run(sourceId);
		},
	};
}

export type SearchRows = ReturnType<typeof createSearchRows>;
