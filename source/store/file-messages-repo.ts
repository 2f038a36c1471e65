// Messages of the transcript sources. All sources of one kind (say two Claude Code roots) share one ID
// space, so a message copied into another root or file (a resumed or forked transcript) is stored once.
import type {IndexDb} from './open-index.js';
import type {CanonicalMessage} from '../core/types.js';
import type {MessageFacts} from '../core/message-facts.js';
import {decodeBody} from './message-body.js';

interface FactsRow {
	id: string;
	parent_id: string | null;
	role: string;
	model: string;
	provider: string;
	agent: string;
	project: string;
	ts: number;
	input: number;
	output: number;
	cache_write: number;
	cache_write_1h: number;
	cache_read: number;
	total: number | null;
	stop_reason: string;
	tool_names: string;
	tool_calls: number;
	tool_errors: number;
	git: number;
	label_line: string;
	recorded_cost: number | null;
}

interface FullRow extends FactsRow {
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

const FACT_COLUMNS = `id, parent_id, role, model, provider, agent, project, ts, input, output, cache_write, cache_write_1h,
	cache_read, total, stop_reason, tool_names, tool_calls, tool_errors, git, label_line, recorded_cost`;

const usageOf = (r: FactsRow) => ({input: r.input, output: r.output, cacheWrite: r.cache_write, cacheWrite1h: r.cache_write_1h, cacheRead: r.cache_read, total: r.total});

function toFacts(r: FactsRow): MessageFacts {
	return {
		id: r.id, parentId: r.parent_id, role: r.role, model: r.model, provider: r.provider, agent: r.agent, project: r.project,
		timestamp: r.ts, usage: usageOf(r), stopReason: r.stop_reason, toolNames: JSON.parse(r.tool_names) as string[],
		toolCallCount: r.tool_calls, toolErrorCount: r.tool_errors, gitActivity: r.git === 1, labelLine: r.label_line,
		recordedCostUsd: r.recorded_cost,
	};
}

function toMessage(r: FullRow): CanonicalMessage {
	return {
		id: r.id, parentId: r.parent_id, role: r.role, model: r.model, provider: r.provider, agent: r.agent, project: r.project,
		timestamp: r.ts, usage: usageOf(r), stopReason: r.stop_reason, ...decodeBody(r.body),
	};
}

/** `kindSourceIds`: every source of the kind being synced (integers, so they are written into the SQL). */
export function createFileMessagesRepo(db: IndexDb, kindSourceIds: readonly number[]) {
	const inKind = `source_id IN (${kindSourceIds.map((id) => Math.trunc(id)).join(', ') || 'NULL'})`;
	const find = db.prepare(`SELECT source_id, session_id, body, ${FACT_COLUMNS} FROM messages WHERE ${inKind} AND id = ? LIMIT 1`);
	const sibling = db.prepare(`SELECT 1 FROM messages WHERE ${inKind} AND id >= ? AND id < ? AND id <> ? LIMIT 1`).pluck();
	const insert = db.prepare(`INSERT OR IGNORE INTO messages (source_id, id, session_id, parent_id, seq, role, model, provider,
		agent, project, ts, input, output, cache_write, cache_write_1h, cache_read, total, stop_reason, tool_names, tool_calls,
		tool_errors, git, label_line, recorded_cost, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
	const update = db.prepare(`UPDATE messages SET ts = ?, model = ?, input = ?, output = ?, cache_write = ?, cache_write_1h = ?,
		cache_read = ?, total = ?, stop_reason = ?, tool_names = ?, tool_calls = ?, tool_errors = ?, git = ?, label_line = ?,
		recorded_cost = ?, body = ? WHERE source_id = ? AND id = ?`);
	const dropSession = db.prepare(`DELETE FROM messages WHERE source_id = ? AND session_id = ?`);
	const facts = db.prepare(`SELECT ${FACT_COLUMNS} FROM messages WHERE session_id = ? ORDER BY ts, seq`);

	return {
		find(id: string): StoredMessage | undefined {
			const row = find.get(id) as FullRow | undefined;
			return row ? {sourceId: row.source_id, sessionId: row.session_id, message: toMessage(row)} : undefined;
		},
		/** True when a message whose ID starts with `prefix` exists, other than `exceptId`. */
		hasSibling(prefix: string, exceptId: string): boolean {
			// Every ID with the prefix sorts between the prefix and the prefix followed by U+FFFF.
			return sibling.get(prefix, `${prefix}\uffff`, exceptId) !== undefined;
		},
		insert(sourceId: number, sessionId: string, seq: number, f: MessageFacts, body: string): boolean {
			const u = f.usage;
			return insert.run(sourceId, f.id, sessionId, f.parentId, seq, f.role, f.model, f.provider, f.agent, f.project, f.timestamp,
				u.input, u.output, u.cacheWrite, u.cacheWrite1h, u.cacheRead, u.total, f.stopReason, JSON.stringify(f.toolNames),
				f.toolCallCount, f.toolErrorCount, f.gitActivity ? 1 : 0, f.labelLine, f.recordedCostUsd, body).changes > 0;
		},
		/** Rewrites a stored message's facts and body in place (it keeps its session and order). */
		update(sourceId: number, f: MessageFacts, body: string): void {
			const u = f.usage;
			update.run(f.timestamp, f.model, u.input, u.output, u.cacheWrite, u.cacheWrite1h, u.cacheRead, u.total, f.stopReason,
				JSON.stringify(f.toolNames), f.toolCallCount, f.toolErrorCount, f.gitActivity ? 1 : 0, f.labelLine, f.recordedCostUsd,
				body, sourceId, f.id);
		},
		deleteSession(sourceId: number, sessionId: string): number {
			return dropSession.run(sourceId, sessionId).changes;
		},
		/** A session's message facts in order, without reading the bodies. */
		factsForSession(sessionId: string): MessageFacts[] {
			return (facts.all(sessionId) as FactsRow[]).map(toFacts);
		},
	};
}

export type FileMessagesRepo = ReturnType<typeof createFileMessagesRepo>;
