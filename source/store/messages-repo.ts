// Per-message facts in the index: a transcript message's whole (enough to re-summarize its session without its
// file, which the agent deletes in time), a tapes node's slim (packSlim: the rest is in the tapes file).
import type {IndexDb} from './open-index.js';
import type {MessageFacts, OutlineFacts} from '../core/message-facts.js';
import {createSearchRows, type LazyDoc} from './search-rows.js';

export interface MessageRow {
	id: string;
	parent_id: string | null;
	ts: number;
	model: string;
	facts: string;
}

/** Where a message already lives: what a child needs to join its parent's session. */
export interface MessagePlace {
	sessionId: string;
	ts: number;
	model: string;
}

// Positional layout of the `facts` column; append new fields at the end so old rows still read.
type PackedFacts = [
	role: string, provider: string, agent: string, project: string, input: number, output: number, cacheWrite: number,
	cacheWrite1h: number, cacheRead: number, total: number | null, stopReason: string, toolNames: string[],
	toolCallCount: number, toolErrorCount: number, git: 0 | 1, labelLine: string, recordedCostUsd: number | null,
	toolRejectionCount?: number, toolOutcomes?: MessageFacts['toolOutcomes'],
];

/** The `facts` column's text for a message (shared with the transcript sources' repository). */
export function pack(f: MessageFacts): string {
	const u = f.usage;
	const packed: PackedFacts = [f.role, f.provider, f.agent, f.project, u.input, u.output, u.cacheWrite, u.cacheWrite1h,
		u.cacheRead, u.total, f.stopReason, f.toolNames, f.toolCallCount, f.toolErrorCount, f.gitActivity ? 1 : 0, f.labelLine,
		f.recordedCostUsd, f.toolRejectionCount, f.toolOutcomes];
	return JSON.stringify(packed);
}

/**
 * A tapes node's `facts`: what the index's own readers need, at their places in PackedFacts (role and tool
 * names for the search filters, the tokens for a Timeline's first frame); the rest is worked out again from
 * the node in the tapes file when it is needed (sources/tapes/session-reader.ts). Full facts were 280 bytes
 * a node, most of what a cold sync wrote.
 */
export function packSlim(f: Pick<MessageFacts, 'role' | 'usage' | 'toolNames'>): string {
	const u = f.usage;
	// Joined by hand, as JSON.stringify of the array writes it (a million nodes: 0.3 s in JSON.stringify).
	return `[${JSON.stringify(f.role)},0,0,0,${num(u.input)},${num(u.output)},${num(u.cacheWrite)},${num(u.cacheWrite1h)},${num(u.cacheRead)},${num(u.total)},0,` +
		`${f.toolNames.length === 0 ? '[]' : JSON.stringify(f.toolNames)}]`;
}

/** A number as JSON writes it (null for none, NaN and the infinities). */
const num = (n: number | null): string => (n === null || !Number.isFinite(n) ? 'null' : String(n));

/** Full facts have every field up to recordedCostUsd; slim ones end at the tool names. */
const SLIM_LENGTH = 12;

/** Role and tool names of either kind of row (what a search hit shows). */
export function roleAndTools(facts: string): {role: string; toolNames: string[]} {
	const packed = JSON.parse(facts) as unknown[];
	return {role: packed[0] as string, toolNames: packed[11] as string[]};
}

/** A row's facts; a slim row has none here (the facts are in the tapes file): see factsForSession. */
export function unpack(r: MessageRow): MessageFacts {
	const facts = unpackOrSlim(r);
	if (facts === null) throw new Error(`message ${r.id}: its facts are in its tapes file, not in the index`);
	return facts;
}

/** A Timeline row's facts from either kind of row (a tapes node records no cost of its own). */
function outlineOf(r: MessageRow): OutlineFacts {
	const [role, , , , input, output, cacheWrite, cacheWrite1h, cacheRead, total, , toolNames, , , , , recordedCostUsd] = JSON.parse(r.facts) as PackedFacts;
	return {id: r.id, role, model: r.model, timestamp: r.ts, usage: {input, output, cacheWrite, cacheWrite1h, cacheRead, total}, toolNames,
		recordedCostUsd: recordedCostUsd ?? null};
}

function unpackOrSlim(r: MessageRow): MessageFacts | null {
	const packed = JSON.parse(r.facts) as PackedFacts;
	if (packed.length <= SLIM_LENGTH) return null;
	const [role, provider, agent, project, input, output, cacheWrite, cacheWrite1h, cacheRead, total, stopReason, toolNames,
		toolCallCount, toolErrorCount, git, labelLine, recordedCostUsd, toolRejectionCount, toolOutcomes] = packed;
	return {
		id: r.id, parentId: r.parent_id, role, model: r.model, provider, agent, project, timestamp: r.ts,
		usage: {input, output, cacheWrite, cacheWrite1h, cacheRead, total},
		stopReason, toolNames, toolCallCount, toolErrorCount, gitActivity: git === 1, labelLine, recordedCostUsd,
		...(toolRejectionCount !== undefined ? {toolRejectionCount} : {}), ...(toolOutcomes !== undefined ? {toolOutcomes} : {}),
	};
}

export function createMessagesRepo(db: IndexDb) {
	const insert = db.prepare(`INSERT OR IGNORE INTO messages (source_id, id, session_id, parent_id, seq, ts, model, facts, body)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
	const place = db.prepare(`SELECT session_id AS sessionId, ts, model FROM messages WHERE source_id = ? AND id = ?`);
	const bySession = db.prepare(`SELECT id, parent_id, ts, model, facts FROM messages WHERE session_id = ? ORDER BY ts, seq`);
	const bodies = db.prepare(`SELECT id, body FROM messages WHERE session_id = ? ORDER BY ts, seq`);
	const seqs = db.prepare(`SELECT source_id AS sourceId, seq, id FROM messages WHERE session_id = ?`);
	const count = db.prepare(`SELECT count(*) FROM messages WHERE source_id = ?`).pluck();
	const exists = db.prepare(`SELECT 1 FROM messages WHERE source_id = ? AND id = ?`).pluck();
	const search = createSearchRows(db);
	const move = db.prepare(`UPDATE messages SET session_id = ? WHERE source_id = ? AND session_id = ?`);

	return {
		/**
		 * Inserts one message; returns false when it was already there (sync is idempotent). `doc`: its words
		 * for the search index, used only when the row lands where the search fill has already passed (the fill
		 * indexes the rest after the sync's messages and sessions are written: search-rows.ts). `indexedTo`: the
		 * source's search doneTo when the caller read it once for its transaction (a query per row cost a cold
		 * sync of a million nodes 0.8 s).
		 */
		insert(sourceId: number, sessionId: string, seq: number, f: MessageFacts, body: string | null, doc: LazyDoc = null, indexedTo?: number, slim = false): boolean {
			const done = insert.run(sourceId, f.id, sessionId, f.parentId, seq, f.timestamp, f.model, slim ? packSlim(f) : pack(f), body);
			if (done.changes === 0) return false;
			if (doc) search.added(sourceId, done.lastInsertRowid, doc, indexedTo);
			return true;
		},
		place(sourceId: number, id: string): MessagePlace | undefined {
			return place.get(sourceId, id) as MessagePlace | undefined;
		},
		exists(sourceId: number, id: string): boolean {
			return exists.get(sourceId, id) !== undefined;
		},
		/**
		 * A session's facts in its order, or null when the index keeps them slim (a tapes session: read them from
		 * the file, sources/tapes/session-reader.ts).
		 */
		factsForSession(sessionId: string): MessageFacts[] | null {
			// Row by row: a session of a million messages never holds its rows and its facts at once.
			const out: MessageFacts[] = [];
			for (const row of bySession.iterate(sessionId) as IterableIterator<MessageRow>) {
				const facts = unpackOrSlim(row);
				if (facts === null) return null;
				out.push(facts);
			}
			return out;
		},
		/** A session's Timeline rows in its order, from the index alone (slim rows too: no file is read). */
		outlineForSession(sessionId: string): OutlineFacts[] {
			const out: OutlineFacts[] = [];
			for (const row of bySession.iterate(sessionId) as IterableIterator<MessageRow>) out.push(outlineOf(row));
			return out;
		},
		bodiesForSession(sessionId: string): Array<{id: string; body: string | null}> {
			return bodies.all(sessionId) as Array<{id: string; body: string | null}>;
		},
		/** Where a session's messages came from: each one's source and its row there (a tapes rowid). */
		rowsForSession(sessionId: string): Array<{sourceId: number; seq: number; id: string}> {
			return seqs.all(sessionId) as Array<{sourceId: number; seq: number; id: string}>;
		},
		/** Moves every message of one session into another (a late parent took its children in). */
		moveSession(sourceId: number, from: string, to: string): number {
			return move.run(to, sourceId, from).changes;
		},
		count(sourceId: number): number {
			return count.get(sourceId) as number;
		},
	};
}

export type MessagesRepo = ReturnType<typeof createMessagesRepo>;
