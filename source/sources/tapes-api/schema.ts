// The JSON tapes' read API answers with (SessionItem, TraceDetail, SpanItem; reference §9), as the shared model.
import {z} from 'zod';
import {contentBlockSchema, timeMs, usageSchema, type V1Session, type V1SessionRead, type V1Span, type V1Trace} from '../tapes-v1/model.js';

const time = z.string().refine((t) => Number.isFinite(timeMs(t)), 'not an RFC 3339 time');

export const sessionItemSchema = z.object({
	id: z.string(),
	harness_id: z.string().default(''),
	harness_session_id: z.string().default(''),
	cwd: z.string().optional(),
	parent_session_id: z.string().optional(),
	started_at: time,
	last_seen_at: time,
	name: z.string().optional(),
	display_name: z.string().optional(),
	display_title: z.string().optional(),
	rollup: z.object({
		title: z.string().optional(),
		status: z.string().optional(),
		turn_count: z.number().default(0),
		usage: z.object({input_tokens: z.number().default(0), output_tokens: z.number().default(0), cost_usd: z.number().default(0)}).loose().optional(),
	}).loose().optional(),
}).loose();
export type SessionItem = z.infer<typeof sessionItemSchema>;

export const sessionsPageSchema = z.object({items: z.array(z.unknown()), next_cursor: z.string().optional()});

const spanItemSchema = z.object({
	trace_id: z.string(),
	span_id: z.string(),
	parent_span_id: z.string().optional(),
	seq: z.number(),
	kind: z.string(),
	name: z.string().default(''),
	status: z.string().default('ok'),
	started_at: time,
	duration_ns: z.number().default(0),
	call_kind: z.string().default(''),
	model: z.string().default(''),
	stop_reason: z.string().default(''),
	thread_id: z.string().default(''),
	input: z.array(contentBlockSchema).nullable().default([]),
	output: z.array(contentBlockSchema).nullable().default([]),
	usage: usageSchema.nullable().default({}),
}).loose();

const traceItemSchema = z.object({
	trace_id: z.string(),
	user_prompt: z.string().default(''),
	synthetic: z.string().optional(),
	started_at: time,
	ended_at: z.string().optional(),
	duration_ns: z.number().optional(),
	span_count: z.number().optional(),
	usage: z.object({cost_usd: z.number().default(0)}).loose().optional(),
}).loose();
type TraceItem = z.infer<typeof traceItemSchema>;

export const traceDetailSchema = z.object({trace: traceItemSchema, spans: z.array(spanItemSchema).default([])}).loose();
type TraceDetail = z.infer<typeof traceDetailSchema>;

export const sessionTracesSchema = z.object({traces: z.array(traceDetailSchema).default([])}).loose();
export const traceListSchema = z.object({items: z.array(traceItemSchema).default([])}).loose();

/** What a trace's header says that changes whenever its spans do (reference §7's HTTP advice). */
export function traceSignature(t: TraceItem): string {
	return JSON.stringify([t.span_count ?? 0, t.ended_at ?? '', t.duration_ns ?? 0, t.usage ?? null]);
}

export function toSession(s: SessionItem): V1Session {
	return {
		id: s.id, harnessId: s.harness_id, harnessSessionId: s.harness_session_id, name: s.name ?? '', cwd: s.cwd ?? '',
		parentSessionId: s.parent_session_id ?? null, startedMs: timeMs(s.started_at), lastSeenMs: timeMs(s.last_seen_at),
		displayTitle: s.display_title || null, displayName: s.display_name ?? '', derivedTitle: s.rollup?.title ?? '',
		totalInputTokens: s.rollup?.usage?.input_tokens ?? 0, totalOutputTokens: s.rollup?.usage?.output_tokens ?? 0,
		totalCostUsd: s.rollup?.usage?.cost_usd ?? 0,
	};
}

/** A session from its trace headers (all of them) and the details of those read in full. */
export function toRead(session: V1Session, items: readonly TraceItem[], details: readonly TraceDetail[]): V1SessionRead {
	const traces: V1Trace[] = items.map((t) => ({traceId: t.trace_id, userPrompt: t.user_prompt, synthetic: t.synthetic ?? '',
		startedMs: timeMs(t.started_at), costUsd: t.usage?.cost_usd ?? 0}));
	const spans: V1Span[] = [];
	for (const d of details) {
		for (const s of d.spans) {
			spans.push({traceId: s.trace_id, spanId: s.span_id, parentSpanId: s.parent_span_id ?? '', kind: s.kind, name: s.name, status: s.status,
				callKind: s.call_kind, threadId: s.thread_id, model: s.model, stopReason: s.stop_reason, startedMs: timeMs(s.started_at),
				durationNs: s.duration_ns, seq: s.seq, input: s.input ?? [], output: s.output ?? [], usage: s.usage ?? {}});
		}
	}
	traces.sort((a, b) => a.startedMs - b.startedMs);
	return {session, traces, spans};
}

/** What the sessions list says about a session that changes whenever its traces do. */
export function signatureOf(s: SessionItem): string {
	return JSON.stringify([s.last_seen_at, s.display_title ?? '', s.rollup?.turn_count ?? 0, s.rollup?.status ?? '', s.rollup?.usage ?? null]);
}

/** The first problem zod found, as "field: message". */
export function issueOf(error: z.ZodError): string {
	const issue = error.issues[0];
	return issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'invalid';
}
