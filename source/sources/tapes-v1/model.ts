// tapes' read contract (`tapes_v1`, tapes >= v0.35) as both its readers see it: the PostgreSQL views and the
// HTTP API carry the same sessions, traces (turns) and spans, under different names. Each reader parses its
// rows into these shapes (zod, at the edge); the mapping to canonical messages (messages.ts) is shared.
import {z} from 'zod';

/** A tapes ContentBlock: `type` always, every other key omitted when empty. */
export const contentBlockSchema = z.object({
	type: z.string(),
	text: z.string().optional(),
	thinking: z.string().optional(),
	tool_use_id: z.string().optional(),
	tool_name: z.string().optional(),
	tool_input: z.unknown().optional(),
	tool_result_id: z.string().optional(),
	tool_output: z.string().optional(),
	is_error: z.boolean().optional(),
	content: z.unknown().optional(),
}).loose();
export type ContentBlock = z.infer<typeof contentBlockSchema>;

/** llm.Usage: omitempty ints; prompt_tokens includes the cache tokens. */
export const usageSchema = z.object({
	prompt_tokens: z.number().optional(),
	completion_tokens: z.number().optional(),
	total_tokens: z.number().optional(),
	cache_creation_input_tokens: z.number().optional(),
	cache_read_input_tokens: z.number().optional(),
	total_duration_ns: z.number().optional(),
}).loose();
export type SpanUsage = z.infer<typeof usageSchema>;

export interface V1Session {
	id: string;
	harnessId: string;
	harnessSessionId: string;
	name: string;
	cwd: string;
	parentSessionId: string | null;
	startedMs: number;
	lastSeenMs: number;
	/** The API's display_title, when the reader has it; otherwise it is derived (displayTitle in messages.ts). */
	displayTitle: string | null;
	displayName: string;
	derivedTitle: string;
	/** tapes' own totals (cache included in input; shadow calls and subagents included), for comparison. */
	totalInputTokens: number;
	totalOutputTokens: number;
	totalCostUsd: number;
}

export interface V1Trace {
	traceId: string;
	userPrompt: string;
	synthetic: string;
	startedMs: number;
	/** USD as recorded by tapes' deriver (rounded to 4 places). */
	costUsd: number;
}

export interface V1Span {
	traceId: string;
	spanId: string;
	parentSpanId: string;
	kind: string;
	name: string;
	status: string;
	callKind: string;
	threadId: string;
	model: string;
	stopReason: string;
	startedMs: number;
	durationNs: number;
	seq: number;
	input: ContentBlock[];
	output: ContentBlock[];
	usage: SpanUsage;
}

/** One session as read: its row, its traces (started_at order) and their spans. */
export interface V1SessionRead {
	session: V1Session;
	traces: V1Trace[];
	spans: V1Span[];
}

const blocksSchema = z.array(contentBlockSchema).nullable().optional();

const BLOCK_STRINGS = ['text', 'thinking', 'tool_use_id', 'tool_name', 'tool_result_id', 'tool_output'] as const;
const USAGE_NUMBERS = ['prompt_tokens', 'completion_tokens', 'total_tokens', 'cache_creation_input_tokens', 'cache_read_input_tokens', 'total_duration_ns'] as const;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What the schemas accept, checked in place: a cold sync parses a million spans, and zod copies every block
 * it checks. Only a value this turns down goes through zod, for its message.
 */
function isBlockList(value: unknown): value is ContentBlock[] {
	if (!Array.isArray(value)) return false;
	for (const b of value) {
		if (!isRecord(b) || typeof b['type'] !== 'string') return false;
		for (const key of BLOCK_STRINGS) if (b[key] !== undefined && typeof b[key] !== 'string') return false;
		if (b['is_error'] !== undefined && typeof b['is_error'] !== 'boolean') return false;
	}
	return true;
}

function isUsage(value: unknown): value is SpanUsage {
	if (!isRecord(value)) return false;
	for (const key of USAGE_NUMBERS) if (value[key] !== undefined && !Number.isFinite(value[key])) return false;
	return true;
}

/** Parses a JSON column (input, output, usage) that may be NULL; a bad one is named by the caller. */
export function parseBlocks(value: unknown): ContentBlock[] | string {
	if (value === null || value === undefined) return [];
	if (isBlockList(value)) return value;
	const parsed = blocksSchema.safeParse(value);
	return parsed.success ? (parsed.data ?? []) : `not a list of content blocks (${parsed.error.issues[0]?.message ?? 'invalid'})`;
}

export function parseUsage(value: unknown): SpanUsage | string {
	if (value === null || value === undefined) return {};
	if (isUsage(value)) return value;
	const parsed = usageSchema.safeParse(value);
	return parsed.success ? parsed.data : `usage is not an object of token counts (${parsed.error.issues[0]?.message ?? 'invalid'})`;
}

/** RFC 3339 (or PostgreSQL's text form) to epoch ms, keeping microseconds as the fraction. NaN when unreadable. */
export function timeMs(text: string): number {
	const m = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d(?::?\d\d)?)$/i.exec(text.trim());
	if (!m) return Number.NaN;
	let zone = m[4]!.toUpperCase();
	if (zone !== 'Z' && zone.length === 3) zone += ':00';
	else if (zone !== 'Z' && !zone.includes(':')) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
	const whole = Date.parse(`${m[1]}T${m[2]}${zone}`);
	const fraction = m[3] ? Number(`0.${m[3]}`) * 1000 : 0;
	return whole + fraction;
}
