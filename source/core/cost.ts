// Cost formulas. Every cost is linear in (base input, cache writes, 1-hour cache writes, cache reads,
// output), so pricing the per-session sums gives the same figure as summing per-message costs.

import type {CostBreakdown, CostSource, ModelUsage, Pricing, Usage} from './types.js';

const PER_MILLION = 1_000_000;

function breakdown(input: number, output: number): CostBreakdown {
	return {input, output, total: input + output};
}

/** Plain cost: every input token at the input rate. */
export function costForTokens(p: Pricing, input: number, output: number): CostBreakdown {
	return breakdown((input * p.input) / PER_MILLION, (output * p.output) / PER_MILLION);
}

/**
 * Cache-aware cost. `input` includes the cache tokens, so the uncached part is
 * `max(input − cacheWrite − cacheWrite1h − cacheRead, 0)`; 5-minute writes are priced at
 * `p.cacheWrite`, 1-hour writes at `p.cacheWrite1h` and reads at `p.cacheRead`.
 */
export function costForTokensWithCache(
	p: Pricing,
	input: number,
	output: number,
	cacheWrite: number,
	cacheRead: number,
	cacheWrite1h = 0,
): CostBreakdown {
	if (cacheWrite === 0 && cacheRead === 0 && cacheWrite1h === 0) return costForTokens(p, input, output);
	const base = Math.max(input - cacheWrite - cacheWrite1h - cacheRead, 0);
	const inputCost = (base * p.input + cacheWrite * p.cacheWrite + cacheWrite1h * p.cacheWrite1h + cacheRead * p.cacheRead) / PER_MILLION;
	return breakdown(inputCost, (output * p.output) / PER_MILLION);
}

/** Uncached input tokens of one message (floored at 0 per message, as the formula above does). */
export function baseInputTokens(u: Usage): number {
	return Math.max(u.input - u.cacheWrite - u.cacheWrite1h - u.cacheRead, 0);
}

/** What reading from the cache saved against paying the full input price for the same tokens. */
export function cacheSavingUsd(p: Pricing, u: Usage): number {
	return (u.cacheRead * Math.max(0, p.input - p.cacheRead)) / PER_MILLION;
}

/** Where a session's cost figure comes from, in the words the Timeline and the Markdown export use. */
export const COST_SOURCE_NOTES: Readonly<Record<CostSource, string>> = {
	computed: 'computed from prices', recorded: 'recorded by the source', partial: 'computed; some models unpriced',
	unpriced: 'no price for its models', none: 'no tokens to price',
};

/**
 * Cost of one message's usage. A prompt above the model's long-context threshold (input including cache
 * tokens) is billed whole at the long-context rates, as the vendors bill such a request.
 */
export function costOfUsage(p: Pricing, u: Usage): CostBreakdown {
	const rates = p.longContext && u.input > p.longContext.threshold ? p.longContext : p;
	return costForTokensWithCache(rates, u.input, u.output, u.cacheWrite, u.cacheRead, u.cacheWrite1h);
}

/**
 * Cost of one message at its model's price (null: no price). A message with no tokens at all (a prompt, a
 * tool result, a system line) costs nothing whatever its model, so it never reads as "unpriced".
 */
export function messageCost(p: Pricing | null, u: Usage): CostBreakdown | null {
	if (u.input === 0 && u.output === 0 && u.cacheWrite === 0 && u.cacheWrite1h === 0 && u.cacheRead === 0) return breakdown(0, 0);
	return p ? costOfUsage(p, u) : null;
}

/** Cost of a model's summed usage; equals the sum of costOfUsage over the same messages. */
export function costOfModelUsage(p: Pricing, mu: ModelUsage): CostBreakdown {
	const inputCost =
		(mu.baseInput * p.input + mu.cacheWrite * p.cacheWrite + mu.cacheWrite1h * p.cacheWrite1h + mu.cacheRead * p.cacheRead) /
		PER_MILLION;
	return breakdown(inputCost, (mu.output * p.output) / PER_MILLION);
}

export function emptyModelUsage(model: string): ModelUsage {
	return {model, baseInput: 0, input: 0, output: 0, cacheWrite: 0, cacheWrite1h: 0, cacheRead: 0, messages: 0};
}

/** Add one message's usage to a model's sums (mutates and returns `mu`, which the caller owns). */
export function addUsage(mu: ModelUsage, u: Usage): ModelUsage {
	mu.baseInput += baseInputTokens(u);
	mu.input += u.input;
	mu.output += u.output;
	mu.cacheWrite += u.cacheWrite;
	mu.cacheWrite1h += u.cacheWrite1h;
	mu.cacheRead += u.cacheRead;
	mu.messages += 1;
	return mu;
}

/**
 * Merge per-model usage lists (e.g. every session of a period) into one list, keeping the order in
 * which models first appear. Inputs are not mutated.
 */
export function mergeModelUsage(lists: readonly (readonly ModelUsage[])[]): ModelUsage[] {
	const byModel = new Map<string, ModelUsage>();
	for (const list of lists) {
		for (const mu of list) {
			const acc = byModel.get(mu.model) ?? emptyModelUsage(mu.model);
			acc.baseInput += mu.baseInput;
			acc.input += mu.input;
			acc.output += mu.output;
			acc.cacheWrite += mu.cacheWrite;
			acc.cacheWrite1h += mu.cacheWrite1h;
			acc.cacheRead += mu.cacheRead;
			acc.messages += mu.messages;
			byModel.set(mu.model, acc);
		}
	}
	return [...byModel.values()];
}
