// Messages of the transcript sources. All sources of one kind (say two Claude Code roots) share one ID
// space, so a message copied into another root or file (a resumed or forked transcript) is stored once.
import type {IndexDb} from './open-index.js';
import type {CanonicalMessage} from '../core/types.js';
import type {MessageFacts} from '../core/message-facts.js';
import {decodeBody} from './message-body.js';
import {pack, unpack, type MessageRow} from './messages-repo.js';
import {createSearchRows, type LazyDoc} from './search-rows.js';

interface FullRow extends MessageRow {
	source_id: number;
	session_id: string;
	body: string | null;
}

/** A stored message with where it lives. */
export interface StoredMessage {
	sourceId: number;
	sessionId: string;
	message: CanonicalMessage;
}

/** A message as the index holds it: its packed facts and its body. */
export function storedMessage(r: MessageRow, body: string | null): CanonicalMessage {
	const f = unpack(r);
	return {
		id: f.id, parentId: f.parentId, role: f.role, model: f.model, provider: f.provider, agent: f.agent, project: f.project,
		timestamp: f.timestamp, usage: f.usage, stopReason: f.stopReason, ...decodeBody(body),
	};
}

/** `kindSourceIds`: every source of the kind being synced (integers, so they are written into the SQL). */
export function createFileMessagesRepo(db: IndexDb, kindSourceIds: readonly number[]) {
	const inKind = `source_id IN (${kindSourceIds.map((id) => Math.trunc(id)).join(', ') || 'NULL'})`;
	const find = db.prepare(`SELECT source_id, session_id, id, parent_id, ts, model, facts, body FROM messages WHERE ${inKind} AND id = ? LIMIT 1`);
	const sibling = db.prepare(`SELECT 1 FROM messages WHERE ${inKind} AND id >= ? AND id < ? AND id <> ? LIMIT 1`).pluck();
	const insert = db.prepare(`INSERT OR IGNORE INTO messages (source_id, id, session_id, parent_id, seq, ts, model, facts, body)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
	const update = db.prepare(`UPDATE messages SET ts = ?, model = ?, facts = ?, body = ? WHERE source_id = ? AND id = ? RETURNING rowid`).pluck();
	const search = createSearchRows(db);
	const dropSession = db.prepare(`DELETE FROM messages WHERE source_id = ? AND session_id = ?`);
	const dropPrefix = db.prepare(`DELETE FROM messages WHERE source_id = ? AND id >= ? AND id < ? AND session_id = ?`);
	const inSession = db.prepare(`SELECT count(*) FROM messages WHERE session_id = ?`).pluck();
	const factsOf = db.prepare(`SELECT id, parent_id, ts, model, facts FROM messages WHERE session_id = ? ORDER BY ts, seq`);

	function insertPacked(sourceId: number, sessionId: string, seq: number, r: MessageRow, body: string, doc: LazyDoc = null, indexedTo?: number): boolean {
		const done = insert.run(sourceId, r.id, sessionId, r.parent_id, seq, r.ts, r.model, r.facts, body);
		if (done.changes === 0) return false;
		if (doc) search.added(sourceId, done.lastInsertRowid, doc, indexedTo);
		return true;
	}

	return {
		find(id: string): StoredMessage | undefined {
			const row = find.get(id) as FullRow | undefined;
			return row ? {sourceId: row.source_id, sessionId: row.session_id, message: storedMessage(row, row.body)} : undefined;
		},
		/** True when a message whose ID starts with `prefix` exists, other than `exceptId`. */
		hasSibling(prefix: string, exceptId: string): boolean {
			// Every ID with the prefix sorts between the prefix and the prefix followed by U+FFFF.
			return sibling.get(prefix, `${prefix}\uffff`, exceptId) !== undefined;
		},
		/**
		 * `doc`: the message's words for the search index (null when its source is not indexed). `indexedTo`: the
		 * source's search `doneTo`, read once per transaction by a caller inserting many rows (a query per row otherwise).
		 */
		insert(sourceId: number, sessionId: string, seq: number, f: MessageFacts, body: string, doc: LazyDoc = null, indexedTo?: number): boolean {
			return insertPacked(sourceId, sessionId, seq, {id: f.id, parent_id: f.parentId, ts: f.timestamp, model: f.model, facts: pack(f)}, body, doc, indexedTo);
		},
		/** insert() with the facts packed already (a tapes server's reader thread packs them). */
		insertPacked,
		/** The source's search `doneTo` (see search-rows.ts): constant within a write transaction. */
		searchDoneTo(sourceId: number): number {
			return search.doneTo(sourceId);
		},
		/** Rewrites a stored message's facts and body in place (it keeps its session and order), and its words. */
		update(sourceId: number, f: MessageFacts, body: string, doc: LazyDoc = null): void {
			const rowid = update.get(f.timestamp, f.model, pack(f), body, sourceId, f.id) as number | undefined;
			if (rowid === undefined) return;
			search.rewritten(sourceId, rowid, doc);
		},
		/** A session's facts in order, rows unpacked one at a time (a session can hold half a million). */
		factsForSession(sessionId: string): MessageFacts[] {
			const out: MessageFacts[] = [];
			for (const row of factsOf.iterate(sessionId) as IterableIterator<MessageRow>) out.push(unpack(row));
			return out;
		},
		countSession(sessionId: string): number {
			return inSession.get(sessionId) as number;
		},
		deleteSession(sourceId: number, sessionId: string): number {
			search.removeSession(sourceId, sessionId);
			return dropSession.run(sourceId, sessionId).changes;
		},
		/** Drops a session's messages whose ID starts with `prefix` (every such ID sorts below prefix + U+FFFF). */
		deletePrefix(sourceId: number, sessionId: string, prefix: string): number {
			search.removePrefix(sourceId, sessionId, prefix);
			return dropPrefix.run(sourceId, prefix, `${prefix}\uffff`, sessionId).changes;
		},
	};
}

export type FileMessagesRepo = ReturnType<typeof createFileMessagesRepo>;
