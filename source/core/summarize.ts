// One session's summary from its messages' facts. Works on facts, not bodies, so re-summarizing after a
// pricing change or a new message is cheap.

import {addUsage, cacheSavingUsd, costOfUsage, emptyModelUsage} from './cost.js';
import {buildLabel} from './labels.js';
import type {MessageFacts} from './message-facts.js';
import {normalizeModel} from './models.js';
import {priceLookup, type PriceHit} from './pricing.js';
import {sessionStatus} from './session-status.js';
import type {CostSource, ModelUsage, PriceLayer, PricingTable, SessionSummary, SourceKind} from './types.js';
import {createBucketCollector, type UsageBucket} from './usage-buckets.js';

export interface SummarizeInput {
	id: string;
	source: SourceKind;
	/** The session's own messages, deduplicated by the caller (duplicates by ID are dropped here too). */
	messages: readonly MessageFacts[];
	/** Chronological user label lines of the whole chain; defaults to the messages' own. */
	labelLines?: readonly string[];
	pricing: PricingTable;
	parentId?: string | null;
	subSessionCount?: number;
}

export interface SummarizeResult {
	summary: SessionSummary;
	/** Per-model token sums in order of first appearance; models without a price are included. */
	modelUsage: ModelUsage[];
	/** Tokens and cost by the quarter hour of each message (what per-day figures add up). */
	buckets: UsageBucket[];
	/** The price layers that priced its messages, in the order PRICE_LAYERS gives ('' when none did). */
	priceSource: string;
	/** Why it got its status, in words. */
	statusReason: string;
	/** Tool calls the user declined. */
	rejections: number;
}

const PRICE_LAYERS: readonly PriceLayer[] = ['pricing-file', 'built-in', 'catalog'];

export interface ModelCost {
	model: string;
	/** null when the model has no price and no recorded cost. */
	cost: number | null;
	tokens: number;
}

/**
 * The model that dominates a session: largest cost (ties: more tokens, then name); when nothing has a
 * positive cost, the most tokens (ties: name); when nothing has tokens, the first model listed.
 */
export function dominantModel(entries: readonly ModelCost[]): string {
	const byName = (a: ModelCost, b: ModelCost) => (a.model < b.model ? -1 : a.model > b.model ? 1 : 0);
	const costed = entries.filter((e) => e.cost !== null && e.cost > 0);
	if (costed.length > 0) {
		return [...costed].sort((a, b) => (b.cost ?? 0) - (a.cost ?? 0) || b.tokens - a.tokens || byName(a, b))[0]!.model;
	}
	const used = entries.filter((e) => e.tokens > 0);
	if (used.length > 0) return [...used].sort((a, b) => b.tokens - a.tokens || byName(a, b))[0]!.model;
	return entries.find((e) => e.model !== '')?.model ?? '';
}

interface ModelAcc {
	usage: ModelUsage;
	cost: number;
	costKnown: boolean;
}

interface CostFacts {
	totalTokens: number;
	pricedTokens: number;
	unpricedTokens: number;
	anyRecorded: boolean;
	/** Recorded costs plus costs computed from prices. */
	knownCost: number;
}

/** How the session's cost was obtained, and the figure to show (null = unpriced, never $0). */
function costOutcome(f: CostFacts): {costSource: CostSource; totalCost: number | null} {
	if (f.totalTokens === 0 && !f.anyRecorded) return {costSource: 'none', totalCost: 0};
	if (f.unpricedTokens > 0 && f.pricedTokens === 0 && !f.anyRecorded) return {costSource: 'unpriced', totalCost: null};
	if (f.unpricedTokens > 0) return {costSource: 'partial', totalCost: f.knownCost};
	return {costSource: f.anyRecorded ? 'recorded' : 'computed', totalCost: f.knownCost};
}

function firstNonEmpty(values: readonly string[]): string {
	return values.find((v) => v !== '') ?? '';
}

/**
 * Summarize a session. Start and end are the earliest and latest of its own messages' timestamps (the
 * reference used chain order and so could inherit a days-old shared root). Cost rules:
 * - a message with a recorded cost counts that cost; otherwise its model's price (cache-aware);
 * - a message whose model has no price (or that has no model) adds its tokens to `unpricedTokens`;
 * - costSource: 'none' without tokens or recorded costs (total 0); 'unpriced' when nothing could be
 *   priced (total null); 'partial' when some tokens are unpriced (total = what could be priced);
 *   'recorded' when any message carried a recorded cost; else 'computed'.
 * inputCost and outputCost cover the computed part only (a recorded cost has no split in the facts).
 */
export function summarizeSession(input: SummarizeInput): SummarizeResult {
	const byId = new Map<string, MessageFacts>();
	for (const m of input.messages) if (!byId.has(m.id)) byId.set(m.id, m);
	const messages = [...byId.values()].sort(
		(a, b) => a.timestamp - b.timestamp || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
	);

	// One price lookup per model, not per message.
	const prices = new Map<string, PriceHit | null>();
	const priceOf = (model: string): PriceHit | null => {
		if (model === '') return null;
		if (!prices.has(model)) prices.set(model, priceLookup(input.pricing, model));
		return prices.get(model) ?? null;
	};
	const buckets = createBucketCollector();
	const layers = new Set<PriceLayer>();
	const perModel = new Map<string, ModelAcc>();
	let carried = '';
	let inputTokens = 0, outputTokens = 0, cacheRead = 0, cacheWrite = 0;
	let inputCost = 0, outputCost = 0, recorded = 0, anyRecorded = false;
	let pricedTokens = 0, unpricedTokens = 0, toolCalls = 0, toolErrors = 0;

	for (const m of messages) {
		const model = normalizeModel(m.model) || carried;
		carried = model;
		const tokens = m.usage.input + m.usage.output;
		inputTokens += m.usage.input;
		outputTokens += m.usage.output;
		cacheRead += m.usage.cacheRead;
		cacheWrite += m.usage.cacheWrite + m.usage.cacheWrite1h;
		toolCalls += m.toolCallCount;
		toolErrors += m.toolErrorCount;

		let acc: ModelAcc | undefined;
		if (model !== '') {
			acc = perModel.get(model) ?? {usage: emptyModelUsage(model), cost: 0, costKnown: false};
			perModel.set(model, acc);
			addUsage(acc.usage, m.usage);
		}
		const hit = priceOf(model);
		const price = hit?.price ?? null;
		let messageCost: number | null = null;
		if (m.recordedCostUsd !== null) {
			messageCost = m.recordedCostUsd;
			anyRecorded = true;
			recorded += m.recordedCostUsd;
			pricedTokens += tokens;
			if (acc) {
				acc.cost += m.recordedCostUsd;
				acc.costKnown = true;
			}
		} else if (price) {
			const c = costOfUsage(price, m.usage);
			messageCost = c.total;
			if (tokens > 0) layers.add(hit!.layer);
			inputCost += c.input;
			outputCost += c.output;
			pricedTokens += tokens;
			if (acc) {
				acc.cost += c.total;
				acc.costKnown = true;
			}
		} else {
			unpricedTokens += tokens;
		}
		if (tokens > 0 || m.recordedCostUsd !== null) {
			buckets.add(m.timestamp, model, m.usage, messageCost, price ? cacheSavingUsd(price, m.usage) : 0);
		}
	}

	const totalTokens = inputTokens + outputTokens;
	const {costSource, totalCost} = costOutcome({
		totalTokens,
		pricedTokens,
		unpricedTokens,
		anyRecorded,
		knownCost: inputCost + outputCost + recorded,
	});

	const accs = [...perModel.values()];
	const model = dominantModel(
		accs.map((a) => ({model: a.usage.model, cost: a.costKnown ? a.cost : null, tokens: a.usage.input + a.usage.output})),
	);
	const leaf = messages.at(-1);
	// Sorted by time, so the first and last messages hold the min and max timestamps.
	const startMs = messages[0]?.timestamp ?? 0;
	const endMs = leaf?.timestamp ?? 0;
	const labelLines = input.labelLines ?? messages.map((m) => m.labelLine);
	const verdict = leaf ? sessionStatus(input.source, messages) : {status: 'unknown' as const, reason: 'no messages', rejections: 0};

	const summary: SessionSummary = {
		id: input.id,
		source: input.source,
		label: buildLabel(labelLines, input.id),
		project: firstNonEmpty(messages.map((m) => m.project)),
		agent: firstNonEmpty(messages.map((m) => m.agent)),
		model,
		models: accs.map((a) => a.usage.model),
		provider: firstNonEmpty(messages.map((m) => m.provider)),
		status: verdict.status,
		startMs,
		endMs,
		durationMs: endMs - startMs,
		messageCount: messages.length,
		toolCalls,
		toolErrors,
		inputTokens,
		outputTokens,
		cacheReadTokens: cacheRead,
		cacheWriteTokens: cacheWrite,
		totalTokens,
		inputCost,
		outputCost,
		totalCost,
		costSource,
		unpricedTokens,
		parentId: input.parentId ?? null,
		subSessionCount: input.subSessionCount ?? 0,
	};
	const priceSource = PRICE_LAYERS.filter((l) => layers.has(l)).join(', ');
	return {summary, modelUsage: accs.map((a) => a.usage), buckets: buckets.list(), priceSource,
		statusReason: verdict.reason, rejections: verdict.rejections};
}
