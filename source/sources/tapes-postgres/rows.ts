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

const SESSION = [`${SESSION_SIGNATURE} AS signature`, 'id::text AS id', 'harness_id', 'harness_session_id', "coalesce(name, '') AS name", "coalesce(cwd, '') AS cwd",
	'parent_session_id::text AS parent_session_id', ms('started_at'), ms('last_seen_at'), "coalesce(display_name, '') AS display_name",
	"coalesce(derived_title, '') AS derived_title", 'total_input_tokens', 'total_output_tokens', 'total_cost_usd'];
export const SESSION_COLUMNS = SESSION.join(', ');

const TRACE = ['session_id::text AS session_id', 'trace_id', 'user_prompt', 'synthetic', ms('started_at'), 'total_cost_usd'];
export const TRACE_COLUMNS = TRACE.join(', ');

/**
 * Only an llm span's input is read: a tool span's repeats the tool_use block of the call that made it, and an
 * event's (injected context) is not shown; leaving them on the server cuts what a cold sync parses.
 */
const SPAN = ['session_id::text AS session_id', 'trace_id', 'span_id', 'parent_span_id', 'kind', 'name', 'status', 'call_kind',
	'thread_id', 'model', 'stop_reason', ms('started_at'), 'duration_ns', 'seq', "CASE WHEN kind = 'llm' THEN input END AS input", 'output',
	'usage'];
export const SPAN_COLUMNS = SPAN.join(', ');

export type Row = readonly unknown[];

/** Each selected column's position, by the name it is selected as (rows are arrays: no object per row). */
function positions(columns: readonly string[]): Record<string, number> {
	return Object.fromEntries(columns.map((c, i) => [/ AS (\w+)$/.exec(c)?.[1] ?? c, i]));
}
const S = positions(SESSION);
const T = positions(TRACE);
const P = positions(SPAN);
/** Where the join finds a session row's ID and signature, and a trace or span row's session. */
export const AT = {signature: S['signature']!, traceSession: T['session_id']!, spanSession: P['session_id']!};

const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const num = (v: unknown) => {
	const n = typeof v === 'number' ? v : Number(v);
	return Number.isFinite(n) ? n : 0;
};

export function toSession(r: Row): V1Session {
	return {
		id: str(r[S['id']!]), harnessId: str(r[S['harness_id']!]), harnessSessionId: str(r[S['harness_session_id']!]), name: str(r[S['name']!]), cwd: str(r[S['cwd']!]),
		parentSessionId: r[S['parent_session_id']!] ? str(r[S['parent_session_id']!]) : null, startedMs: num(r[S['started_at_ms']!]), lastSeenMs: num(r[S['last_seen_at_ms']!]),
		displayTitle: null, displayName: str(r[S['display_name']!]), derivedTitle: str(r[S['derived_title']!]),
		totalInputTokens: num(r[S['total_input_tokens']!]), totalOutputTokens: num(r[S['total_output_tokens']!]), totalCostUsd: num(r[S['total_cost_usd']!]),
	};
}

export function toTrace(r: Row): V1Trace {
	return {traceId: str(r[T['trace_id']!]), userPrompt: str(r[T['user_prompt']!]), synthetic: str(r[T['synthetic']!]), startedMs: num(r[T['started_at_ms']!]),
		costUsd: num(r[T['total_cost_usd']!])};
}

/** A span, and the problems of its JSON columns (each names the span). */
export function toSpan(r: Row, problems: string[]): V1Span {
	const traceId = str(r[P['trace_id']!]);
	const spanId = str(r[P['span_id']!]);
	const column = <V>(name: string, parsed: V | string, empty: V): V => {
		if (typeof parsed !== 'string') return parsed;
		problems.push(`tapes_v1.spans trace ${traceId} span ${spanId}: ${name}: ${parsed}; read as empty`);
		return empty;
	};
	return {
		traceId, spanId, parentSpanId: str(r[P['parent_span_id']!]), kind: str(r[P['kind']!]), name: str(r[P['name']!]), status: str(r[P['status']!]),
		callKind: str(r[P['call_kind']!]), threadId: str(r[P['thread_id']!]), model: str(r[P['model']!]), stopReason: str(r[P['stop_reason']!]),
		startedMs: num(r[P['started_at_ms']!]), durationNs: num(r[P['duration_ns']!]), seq: num(r[P['seq']!]),
		input: column('input', parseBlocks(r[P['input']!]), []), output: column('output', parseBlocks(r[P['output']!]), []),
		usage: column('usage', parseUsage(r[P['usage']!]), {}),
	};
}
