// Session rows as the transcript sync needs them: who owns a session, dropping one that lost its messages,
// and the subagent roll-up (each parent's children summed at read time, so it never goes stale).
import type {IndexDb} from './open-index.js';
import {summaryDrops} from './sessions-repo.js';

export interface SubagentTotals {
	sessions: number;
	inputTokens: number;
	outputTokens: number;
	totalTokens: number;
	/** Sum of the priced children's cost; null when no child could be priced. */
	totalCost: number | null;
	/** Children with tokens but no price. */
	unpricedSessions: number;
}

interface RollupRow {
	parent_id: string;
	sessions: number;
	input: number;
	output: number;
	total: number;
	cost: number | null;
	unpriced: number;
}

export function createFileSessionsRepo(db: IndexDb) {
	const owner = db.prepare(`SELECT source_id FROM sessions WHERE id = ?`).pluck();
	const drops = summaryDrops(db);
	const rollup = db.prepare(`SELECT parent_id, count(*) AS sessions, sum(input_tokens) AS input, sum(output_tokens) AS output,
		sum(total_tokens) AS total, sum(total_cost) AS cost, sum(total_cost IS NULL AND total_tokens > 0) AS unpriced
		FROM sessions WHERE parent_id IN (SELECT value FROM json_each(?)) GROUP BY parent_id`);
	return {
		ownerOf(sessionId: string): number | undefined {
			return owner.get(sessionId) as number | undefined;
		},
		/** Removes the summary of a session with no messages left (its only file was replaced by an empty one: SUMMARY_ROWS); notes stay. */
		drop(sessionId: string): void {
			for (const st of drops) st.run(sessionId);
		},
		/** Subagent totals per parent, for the parents among `ids` that have any. */
		subagentTotals(ids: readonly string[]): Map<string, SubagentTotals> {
			if (ids.length === 0) return new Map();
			const rows = rollup.all(JSON.stringify(ids)) as RollupRow[];
			return new Map(rows.map((r) => [r.parent_id, {sessions: r.sessions, inputTokens: r.input, outputTokens: r.output,
				totalTokens: r.total, totalCost: r.cost, unpricedSessions: r.unpriced}]));
		},
	};
}

export type FileSessionsRepo = ReturnType<typeof createFileSessionsRepo>;
