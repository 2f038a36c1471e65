// snake_case JSON shapes of the reports, as the reference's JSON tags name them (durations in ns, times RFC 3339).
import type {SessionSummary} from '../core/types.js';
import {toJson} from './json.js';
import type {OverviewTotals, PeriodComparison} from '../core/overview.js';

/** A duration in the reference's nanoseconds. */
export const ns = (ms: number) => Math.round(ms * 1e6);
export const iso = (ms: number) => new Date(ms).toISOString();

export function sessionJson(s: SessionSummary) {
	return {
		id: s.id,
		label: s.label,
		source: s.source,
		project: s.project,
		agent_name: s.agent,
		model: s.model,
		models: s.models,
		provider: s.provider,
		status: s.status,
		start_time: iso(s.startMs),
		end_time: iso(s.endMs),
		duration_ns: ns(s.durationMs),
		message_count: s.messageCount,
		tool_calls: s.toolCalls,
		tool_errors: s.toolErrors,
		input_tokens: s.inputTokens,
		output_tokens: s.outputTokens,
		cache_read_tokens: s.cacheReadTokens,
		cache_write_tokens: s.cacheWriteTokens,
		total_tokens: s.totalTokens,
		input_cost: s.inputCost,
		output_cost: s.outputCost,
		total_cost: s.totalCost,
		cost_source: s.costSource,
		unpriced_tokens: s.unpricedTokens,
		parent_id: s.parentId,
		sub_session_count: s.subSessionCount,
	};
}

/** A session's own fields as the JSON reports write them (what session_json stored in v8 and v9; its rows now close with the transcript fields, transcript-json.ts). */
export function renderSessionJson(s: SessionSummary): string {
	return toJson(sessionJson(s));
}

export function totalsJson(t: OverviewTotals) {
	return {
		total_sessions: t.sessions,
		total_cost: t.totalCost,
		unpriced_sessions: t.unpricedSessions,
		input_tokens: t.inputTokens,
		output_tokens: t.outputTokens,
		total_tokens: t.totalTokens,
		cache_read_tokens: t.cacheReadTokens,
		cache_write_tokens: t.cacheWriteTokens,
		total_duration_ns: ns(t.durationMs),
		total_tool_calls: t.toolCalls,
		completed: t.completed,
		failed: t.failed,
		abandoned: t.abandoned,
		unknown: t.unknown,
		success_rate: t.successRate,
	};
}

export function comparisonJson(c: PeriodComparison) {
	const one = (x: PeriodComparison[keyof PeriodComparison]) => ({current: x.current, previous: x.previous, change: x.ratio, good: x.good});
	return {
		total_cost: one(c.totalCost),
		total_tokens: one(c.totalTokens),
		total_duration_ns: {...one(c.durationMs), current: ns(c.durationMs.current), previous: ns(c.durationMs.previous)},
		total_tool_calls: one(c.toolCalls),
		success_rate: one(c.successRate),
		total_sessions: one(c.sessions),
	};
}
