// Overview totals of a set of sessions and their change against the previous period.

export interface OverviewTotals {
	sessions: number;
	/** Sum of the priced part of every session's cost. */
	totalCost: number;
	/** Sessions with tokens but no price at all (their cost is not in totalCost). */
	unpricedSessions: number;
	inputTokens: number;
	outputTokens: number;
	totalTokens: number;
	cacheReadTokens: number;
	cacheWriteTokens: number;
	durationMs: number;
	toolCalls: number;
	completed: number;
	failed: number;
	abandoned: number;
	unknown: number;
	/** completed / sessions (0 when there are none). */
	successRate: number;
}

export const EMPTY_TOTALS: OverviewTotals = {
	sessions: 0,
	totalCost: 0,
	unpricedSessions: 0,
	inputTokens: 0,
	outputTokens: 0,
	totalTokens: 0,
	cacheReadTokens: 0,
	cacheWriteTokens: 0,
	durationMs: 0,
	toolCalls: 0,
	completed: 0,
	failed: 0,
	abandoned: 0,
	unknown: 0,
	successRate: 0,
};

export interface Change {
	current: number;
	previous: number;
	/** (current - previous) / previous; null when the previous period had nothing to compare with. */
	ratio: number | null;
	/** Whether the change is good news: lower cost is good, more of everything else is good. */
	good: boolean | null;
}

export interface PeriodComparison {
	totalCost: Change;
	totalTokens: Change;
	durationMs: Change;
	toolCalls: Change;
	successRate: Change;
	sessions: Change;
}

function change(current: number, previous: number, lowerIsBetter: boolean): Change {
	const ratio = previous === 0 ? null : (current - previous) / previous;
	const good = ratio === null || ratio === 0 ? null : lowerIsBetter ? ratio < 0 : ratio > 0;
	return {current, previous, ratio, good};
}

export function comparePeriods(current: OverviewTotals, previous: OverviewTotals): PeriodComparison {
	return {
		totalCost: change(current.totalCost, previous.totalCost, true),
		totalTokens: change(current.totalTokens, previous.totalTokens, false),
		durationMs: change(current.durationMs, previous.durationMs, false),
		toolCalls: change(current.toolCalls, previous.toolCalls, false),
		successRate: change(current.successRate, previous.successRate, false),
		sessions: change(current.sessions, previous.sessions, false),
	};
}
