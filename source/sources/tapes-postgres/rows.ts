// The columns tapedeck selects from the tapes_v1 views, and their rows as the shared model. node-postgres
// returns bigint and numeric as strings; times are selected as epoch milliseconds (microseconds kept as the
// fraction), so no Date (which drops them) is made. A bad JSON column is named and read as empty.
import {parseBlocks, parseUsage, type V1Session, type V1Span, type V1Trace} from '../tapes-v1/model.js';

const ms = (column: string) => `extract(epoch FROM ${column}) * 1000 AS ${column}_ms`;

/**
 * What a session row looks like, as one string: rollups, names and last_seen_at change without any cursor,
 * so a session the look-back names is re-read only when this differs from what was read last time.
 */
export const SESSION_SIGNATURE = "concat_ws('|', last_seen_at, display_name, derived_title, name, cwd, turn_count, total_input_tokens, " +
	"total_output_tokens, total_cost_usd, parent_session_id)";

export const SESSION_COLUMNS = [`${SESSION_SIGNATURE} AS signature`, 'id::text AS id', 'harness_id', 'harness_session_id', "coalesce(name, '') AS name", "coalesce(cwd, '') AS cwd",
	'parent_session_id::text AS parent_session_id', ms('started_at'), ms('last_seen_at'), "coalesce(display_name, '') AS display_name",
	"coalesce(derived_title, '') AS derived_title", 'total_input_tokens', 'total_output_tokens', 'total_cost_usd'].join(', ');

export const TRACE_COLUMNS = ['session_id::text AS session_id', 'trace_id', 'user_prompt', 'synthetic', ms('started_at'), 'total_cost_usd'].join(', ');

/**
 * Only an llm span's input is read: a tool span's repeats the tool_use block of the call that made it, and an
 * event's (injected context) is not shown; leaving them on the server cuts what a cold sync parses.
 */
export const SPAN_COLUMNS = ['session_id::text AS session_id', 'trace_id', 'span_id', 'parent_span_id', 'kind', 'name', 'status', 'call_kind',
	'thread_id', 'model', 'stop_reason', ms('started_at'), 'duration_ns', 'seq', "CASE WHEN kind = 'llm' THEN input END AS input", 'output',
	'usage'].join(', ');

type Row = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const num = (v: unknown) => {
	const n = typeof v === 'number' ? v : Number(v);
	return Number.isFinite(n) ? n : 0;
};

export function toSession(r: Row): V1Session {
	return {
		id: str(r['id']), harnessId: str(r['harness_id']), harnessSessionId: str(r['harness_session_id']), name: str(r['name']), cwd: str(r['cwd']),
		parentSessionId: r['parent_session_id'] ? str(r['parent_session_id']) : null, startedMs: num(r['started_at_ms']), lastSeenMs: num(r['last_seen_at_ms']),
		displayTitle: null, displayName: str(r['display_name']), derivedTitle: str(r['derived_title']),
		totalInputTokens: num(r['total_input_tokens']), totalOutputTokens: num(r['total_output_tokens']), totalCostUsd: num(r['total_cost_usd']),
	};
}

export function toTrace(r: Row): V1Trace {
	return {traceId: str(r['trace_id']), userPrompt: str(r['user_prompt']), synthetic: str(r['synthetic']), startedMs: num(r['started_at_ms']),
		costUsd: num(r['total_cost_usd'])};
}

/** A span, and the problems of its JSON columns (each names the span). */
export function toSpan(r: Row, problems: string[]): V1Span {
	const traceId = str(r['trace_id']);
	const spanId = str(r['span_id']);
	const column = <T>(name: string, parsed: T | string, empty: T): T => {
		if (typeof parsed !== 'string') return parsed;
		problems.push(`tapes_v1.spans trace ${traceId} span ${spanId}: ${name}: ${parsed}; read as empty`);
		return empty;
	};
	return {
		traceId, spanId, parentSpanId: str(r['parent_span_id']), kind: str(r['kind']), name: str(r['name']), status: str(r['status']),
		callKind: str(r['call_kind']), threadId: str(r['thread_id']), model: str(r['model']), stopReason: str(r['stop_reason']),
		startedMs: num(r['started_at_ms']), durationNs: num(r['duration_ns']), seq: num(r['seq']),
		input: column('input', parseBlocks(r['input']), []), output: column('output', parseBlocks(r['output']), []),
		usage: column('usage', parseUsage(r['usage']), {}),
	};
}
