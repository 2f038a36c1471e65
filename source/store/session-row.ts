// The sessions table's row type and its mapping to the domain's SessionSummary.
import type {CostSource, SessionSummary, SourceKind, Status} from '../core/types.js';

export interface SessionRow {
	id: string;
	source_id: number;
	source: SourceKind;
	label: string;
	project: string;
	agent: string;
	model: string;
	models: string;
	provider: string;
	status: Status;
	start_ms: number;
	end_ms: number;
	duration_ms: number;
	message_count: number;
	tool_calls: number;
	tool_errors: number;
	input_tokens: number;
	output_tokens: number;
	cache_read_tokens: number;
	cache_write_tokens: number;
	total_tokens: number;
	input_cost: number;
	output_cost: number;
	total_cost: number | null;
	cost_source: CostSource;
	unpriced_tokens: number;
	parent_id: string | null;
	sub_session_count: number;
	leaf_id: string;
	updated_ms: number;
}

export const SESSION_COLUMNS = `id, source_id, source, label, project, agent, model, models, provider, status, start_ms, end_ms,
	duration_ms, message_count, tool_calls, tool_errors, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens,
	total_tokens, input_cost, output_cost, total_cost, cost_source, unpriced_tokens, parent_id, sub_session_count, leaf_id, updated_ms`;

/** Maps a positional row (statement.raw(), SESSION_COLUMNS order): lists of 100k rows skip the driver's objects. */
export function rawToSummary(r: unknown[]): SessionSummary {
	return {
		id: r[0] as string,
		source: r[2] as SessionSummary['source'],
		label: r[3] as string,
		project: r[4] as string,
		agent: r[5] as string,
		model: r[6] as string,
		models: JSON.parse(r[7] as string) as string[],
		provider: r[8] as string,
		status: r[9] as SessionSummary['status'],
		startMs: r[10] as number,
		endMs: r[11] as number,
		durationMs: r[12] as number,
		messageCount: r[13] as number,
		toolCalls: r[14] as number,
		toolErrors: r[15] as number,
		inputTokens: r[16] as number,
		outputTokens: r[17] as number,
		cacheReadTokens: r[18] as number,
		cacheWriteTokens: r[19] as number,
		totalTokens: r[20] as number,
		inputCost: r[21] as number,
		outputCost: r[22] as number,
		totalCost: r[23] as number | null,
		costSource: r[24] as SessionSummary['costSource'],
		unpricedTokens: r[25] as number,
		parentId: r[26] as string | null,
		subSessionCount: r[27] as number,
	};
}

export function toSummary(r: SessionRow): SessionSummary {
	return {
		id: r.id,
		source: r.source,
		label: r.label,
		project: r.project,
		agent: r.agent,
		model: r.model,
		models: JSON.parse(r.models) as string[],
		provider: r.provider,
		status: r.status,
		startMs: r.start_ms,
		endMs: r.end_ms,
		durationMs: r.duration_ms,
		messageCount: r.message_count,
		toolCalls: r.tool_calls,
		toolErrors: r.tool_errors,
		inputTokens: r.input_tokens,
		outputTokens: r.output_tokens,
		cacheReadTokens: r.cache_read_tokens,
		cacheWriteTokens: r.cache_write_tokens,
		totalTokens: r.total_tokens,
		inputCost: r.input_cost,
		outputCost: r.output_cost,
		totalCost: r.total_cost,
		costSource: r.cost_source,
		unpricedTokens: r.unpriced_tokens,
		parentId: r.parent_id,
		subSessionCount: r.sub_session_count,
	};
}

export function toRow(s: SessionSummary, sourceId: number, leafId: string, updatedMs: number): SessionRow {
	return {
		id: s.id,
		source_id: sourceId,
		source: s.source,
		label: s.label,
		project: s.project,
		agent: s.agent,
		model: s.model,
		models: JSON.stringify(s.models),
		provider: s.provider,
		status: s.status,
		start_ms: s.startMs,
		end_ms: s.endMs,
		duration_ms: s.durationMs,
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
		leaf_id: leafId,
		updated_ms: updatedMs,
	};
}
