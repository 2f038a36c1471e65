// Domain types shared by every layer. Pure data: no I/O, no UI.

/** Roles as the canonical message model (PromptKit types.Message) has them. Unknown roles are kept as text. */
export type Role = 'user' | 'assistant' | 'tool' | 'system' | (string & {});

export const STATUSES = ['completed', 'failed', 'abandoned', 'unknown'] as const;
export type Status = (typeof STATUSES)[number];

export const SOURCE_KINDS = ['tapes', 'claude-code', 'codex', 'promptkit', 'tapes-postgres', 'tapes-api'] as const;
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
	/** The user declined the call (Claude Code's "doesn't want to proceed"): friction, not a tool error. */
	declined?: boolean;
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

export const CONTENT_PART_KINDS = ['thinking', 'redacted_thinking', 'reasoning', 'aborted', 'unknown'] as const;
export type ContentPartKind = (typeof CONTENT_PART_KINDS)[number];

/**
 * What a message said besides its text, kept with its kind so nothing is silently dropped: thinking and
 * redacted thinking, Codex reasoning summaries, an aborted turn's notice, a block of a type no reader knows.
 */
export interface ContentPart {
	kind: ContentPartKind;
	/** The words (thinking, reasoning summary, notice); for an unknown block, its type. */
	text: string;
	/** Characters of what cannot be shown (redacted or encrypted data, an unknown block's JSON); absent when all is shown. */
	size?: number;
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
	/** Thinking, reasoning, notices and unknown blocks, in order (absent: none). */
	parts?: ContentPart[];
}

/** Price per 1M tokens in USD. */
export interface Pricing {
	input: number;
	output: number;
	cacheRead: number;
	cacheWrite: number;
	/** 1-hour cache write rate; defaults to 2x input when a table entry does not give it. */
	cacheWrite1h: number;
	/**
	 * Long-context rates: a request whose prompt (input including cache tokens) exceeds `threshold` is billed
	 * whole at these rates, as Anthropic and OpenAI bill it. Absent when the model has one flat rate.
	 */
	longContext?: LongContextPricing;
}

export interface LongContextPricing {
	threshold: number;
	input: number;
	output: number;
	cacheRead: number;
	cacheWrite: number;
	cacheWrite1h: number;
}

/** Which layer priced a model: the user's --pricing file, the built-in (reference) table, or the catalog. */
export type PriceLayer = 'pricing-file' | 'built-in' | 'catalog';

/** A maintained price catalog (a data package) consulted for models the tables above it lack. */
export interface PriceCatalog {
	/** Changes whenever the catalog's data does (package version, refreshed data file): stored costs follow it. */
	version: string;
	/** Where the data comes from, in words ("@pydantic/genai-prices 0.1.8 (bundled)"). */
	source: string;
	/** The data file it was opened from: how a thread opens the same catalog (a catalog cannot be sent to one). */
	dataFile?: string;
	lookup(model: string): Pricing | null;
}

export interface PricingTable {
	/** Where the prices come from, e.g. "built-in table verified 2026-11-21" or a file path. */
	source: string;
	verified: string;
	models: Record<string, Pricing>;
	/** Normalized names whose entry a --pricing file gave or changed. */
	overridden?: ReadonlySet<string>;
	/** Consulted for models `models` lacks. */
	catalog?: PriceCatalog;
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
	/**
	 * Every session `search` matches (label, project, model, ID or a message), as a JSON array of their rowids,
	 * when they were found ahead (the explorer finds them on a thread of its own, off the key's frame); absent,
	 * the query finds them itself.
	 */
	searchSessions?: string;
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
