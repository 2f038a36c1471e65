// Per-message facts in the index: enough to re-summarize a session without re-reading its source.
import type {IndexDb} from './open-index.js';
import type {MessageFacts} from '../core/message-facts.js';

interface MessageRow {
	id: string;
	parent_id: string | null;
	session_id: string;
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

export interface StoredMessage {
	sessionId: string;
	facts: MessageFacts;
}

/** Where a message already lives: what a child needs to join its parent's session. */
export interface MessagePlace {
	sessionId: string;
	ts: number;
	model: string;
}

function toFacts(r: MessageRow): MessageFacts {
	return {
		id: r.id,
		parentId: r.parent_id,
		role: r.role,
		model: r.model,
		provider: r.provider,
		agent: r.agent,
		project: r.project,
		timestamp: r.ts,
		usage: {
			input: r.input,
			output: r.output,
			cacheWrite: r.cache_write,
			cacheWrite1h: r.cache_write_1h,
			cacheRead: r.cache_read,
			total: r.total,
		},
		stopReason: r.stop_reason,
		toolNames: JSON.parse(r.tool_names) as string[],
		toolCallCount: r.tool_calls,
		toolErrorCount: r.tool_errors,
		gitActivity: r.git === 1,
		labelLine: r.label_line,
		recordedCostUsd: r.recorded_cost,
	};
}

export function createMessagesRepo(db: IndexDb) {
	const insert = db.prepare(`INSERT OR IGNORE INTO messages (source_id, id, session_id, parent_id, seq, role, model, provider,
		agent, project, ts, input, output, cache_write, cache_write_1h, cache_read, total, stop_reason, tool_names, tool_calls,
		tool_errors, git, label_line, recorded_cost, body)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
	const place = db.prepare(`SELECT session_id AS sessionId, ts, model FROM messages WHERE source_id = ? AND id = ?`);
	const bySession = db.prepare(`SELECT * FROM messages WHERE session_id = ? ORDER BY ts, seq`);
	const bodies = db.prepare(`SELECT id, body FROM messages WHERE session_id = ? ORDER BY ts, seq`);
	const count = db.prepare(`SELECT count(*) FROM messages WHERE source_id = ?`).pluck();
	const exists = db.prepare(`SELECT 1 FROM messages WHERE source_id = ? AND id = ?`).pluck();

	return {
		/** Inserts one message; returns false when it was already there (sync is idempotent). */
		insert(sourceId: number, sessionId: string, seq: number, f: MessageFacts, body: string | null): boolean {
			const u = f.usage;
			const info = insert.run(sourceId, f.id, sessionId, f.parentId, seq, f.role, f.model, f.provider, f.agent, f.project,
				f.timestamp, u.input, u.output, u.cacheWrite, u.cacheWrite1h, u.cacheRead, u.total, f.stopReason,
				JSON.stringify(f.toolNames), f.toolCallCount, f.toolErrorCount, f.gitActivity ? 1 : 0, f.labelLine,
				f.recordedCostUsd, body);
			return info.changes > 0;
		},
		place(sourceId: number, id: string): MessagePlace | undefined {
			return place.get(sourceId, id) as MessagePlace | undefined;
		},
		exists(sourceId: number, id: string): boolean {
			return exists.get(sourceId, id) !== undefined;
		},
		factsForSession(sessionId: string): MessageFacts[] {
			return (bySession.all(sessionId) as MessageRow[]).map(toFacts);
		},
		bodiesForSession(sessionId: string): Array<{id: string; body: string | null}> {
			return bodies.all(sessionId) as Array<{id: string; body: string | null}>;
		},
		count(sourceId: number): number {
			return count.get(sourceId) as number;
		},
	};
}

export type MessagesRepo = ReturnType<typeof createMessagesRepo>;
