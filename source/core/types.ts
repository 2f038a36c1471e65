// Domain types shared by every layer. Pure data: no I/O, no UI.

/** Roles as the canonical message model (PromptKit types.Message) has them. Unknown roles are kept as text. */
export type Role = 'user' | 'assistant' | 'tool' | 'system' | (string & {});

export const STATUSES = ['completed', 'failed', 'abandoned', 'unknown'] as const;
export type Status = (typeof STATUSES)[number];

export const SOURCE_KINDS = ['tapes', 'claude-code', 'codex', 'promptkit'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * Token usage of one message. `input` includes the cache tokens (the tapes proxy's prompt_tokens does),
 * so the uncached part is `input - cacheWrite - cacheWrite1h - cacheRead` (floored at 0).
 */
export interface Usage {
	input: number;
	output: number;
	/** Cache writes priced at the 5-minute rate (1.25x input for Anthropic). */
	cacheWrite: number;
	/** Cache writes priced at the 1-hour rate (2x input). */
	cacheWrite1h: number;
	cacheRead: number;
	/** total_tokens as recorded, when the source has it. */
	total: number | null;
}

export interface ToolCall {
	id: string;
	name: string;
	/** Parsed JSON arguments (object, array, string...) or null. */
	args: unknown;
}

export interface ToolResult {
	/** ID of the tool call this result answers ('' when unknown). */
	id: string;
	name: string;
	content: string;
	/** Error text ('' when none). */
	error: string;
	isError: boolean;
	latencyMs: number | null;
}

export interface Validation {
	validator: string;
	passed: boolean;
	details: Record<string, unknown> | null;
}

/** A cost the source recorded itself (PromptKit cost_info). It wins over a computed cost. */
export interface RecordedCost {
	inputUsd: number;
	outputUsd: number;
	cachedUsd: number;
	totalUsd: number;
}

/** The canonical message every reader yields. */
export interface CanonicalMessage {
	/** Stable ID within its source (tapes: node hash). */
	id: string;
	parentId: string | null;
	role: Role;
	/** Model name as the source wrote it ('' when absent). */
	model: string;
	provider: string;
	agent: string;
	project: string;
	/** Epoch milliseconds (fractional part kept when the source is finer). */
	timestamp: number;
	/** Text of the text blocks only, joined with '\n' (no tool output). */
	text: string;
	toolCalls: ToolCall[];
	toolResults: ToolResult[];
	usage: Usage;
	stopReason: string;
	latencyMs: number | null;
	recordedCost: RecordedCost | null;
	validations: Validation[];
	meta: Record<string, unknown> | null;
}

/** Price per 1M tokens in USD. */
export interface Pricing {
	input: number;
	output: number;
	cacheRead: number;
	cacheWrite: number;
	/** 1-hour cache write rate; defaults to 2x input when a table entry does not give it. */
	cacheWrite1h: number;
}

export interface PricingTable {
	/** Where the prices come from, e.g. "built-in table verified 2026-11-21" or a file path. */
	source: string;
	verified: string;
	models: Record<string, Pricing>;
}

export interface CostBreakdown {
	input: number;
	output: number;
	total: number;
}

/** Token sums of one session for one (normalized) model; cost is linear in these. */
export interface ModelUsage {
	model: string;
	/** Uncached input: input minus cache tokens, floored at 0 per message. */
	baseInput: number;
	input: number;
	output: number;
	cacheWrite: number;
	cacheWrite1h: number;
	cacheRead: number;
	messages: number;
}

/** How a session's cost figure was obtained. */
export type CostSource = 'computed' | 'recorded' | 'partial' | 'unpriced' | 'none';

export interface SessionSummary {
	id: string;
	source: SourceKind;
	label: string;
	project: string;
	agent: string;
	/** Dominant model (largest cost, else most tokens, else first seen). */
	model: string;
	models: string[];
	provider: string;
	status: Status;
	startMs: number;
	endMs: number;
	durationMs: number;
	messageCount: number;
	toolCalls: number;
	toolErrors: number;
	inputTokens: number;
	outputTokens: number;
	cacheReadTokens: number;
	cacheWriteTokens: number;
	totalTokens: number;
	inputCost: number;
	outputCost: number;
	/** null when nothing in the session could be priced (shown as "unpriced", never $0). */
	totalCost: number | null;
	costSource: CostSource;
	/** Tokens on models without a price (counted in the token totals, left out of the cost). */
	unpricedTokens: number;
	parentId: string | null;
	subSessionCount: number;
}

export const SORT_KEYS = [
	'date',
	'label',
	'project',
	'agent',
	'model',
	'status',
	'duration',
	'messages',
	'tools',
	'tokens',
	'cost',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

/** Filters as the user gives them; the time window is resolved to epoch ms. */
export interface Filters {
	/** Inclusive start of the window (epoch ms), null = open. */
	fromMs: number | null;
	/** Exclusive end of the window (epoch ms), null = open. */
	toMs: number | null;
	model: string;
	status: Status | '';
	project: string;
	agent: string;
	source: SourceKind | '';
	search: string;
	sort: SortKey;
	sortDir: SortDir;
	/**
	 * Only sessions that are not a subagent of another session in the index (the explorer's list, whose
	 * subagents open under their parent). Absent: every session.
	 */
	topLevel?: boolean;
}

export const DEFAULT_FILTERS: Filters = {
	fromMs: null,
	toMs: null,
	model: '',
	status: '',
	project: '',
	agent: '',
	source: '',
	search: '',
	sort: 'cost',
	sortDir: 'desc',
};

export interface Warning {
	/** File, table or flag the problem is in. */
	where: string;
	message: string;
	/** How many rows or lines had this problem. */
	count: number;
}
