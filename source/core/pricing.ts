// The built-in price table and price lookup. Prices are USD per 1M tokens.

import {isAnthropicModel, normalizeModel, swapClaudeNameOrder} from './models.js';
import type {PriceLayer, Pricing, PricingTable} from './types.js';

/**
 * Date the prices added on top of the reference table were taken from the published pages:
 * Anthropic https://www.anthropic.com/pricing (and docs.anthropic.com "Pricing"),
 * OpenAI https://platform.openai.com/docs/pricing, DeepSeek https://api-docs.deepseek.com/quick_start/pricing.
 */
export const PRICING_VERIFIED = '2026-11-21';

type Row = readonly [names: readonly string[], input: number, output: number, cacheRead: number, cacheWrite: number];

// Anthropic: cache reads 0.1x input, 5-minute writes 1.25x, 1-hour writes 2x (derived below).
const ANTHROPIC: readonly Row[] = [
	[['claude-opus-4.6', 'claude-opus-4.5'], 5, 25, 0.5, 6.25],
	[['claude-opus-4.1', 'claude-opus-4', 'claude-3-opus'], 15, 75, 1.5, 18.75],
	[['claude-sonnet-4.6', 'claude-sonnet-4.5', 'claude-sonnet-4', 'claude-sonnet-3.7', 'claude-3.5-sonnet'], 3, 15, 0.3, 3.75],
	[['claude-haiku-4.5', 'claude-haiku-4.6'], 1, 5, 0.1, 1.25],
	[['claude-3.5-haiku'], 0.8, 4, 0.08, 1],
	[['claude-3-haiku'], 0.25, 1.25, 0.03, 0.3],
];

// OpenAI: caching is automatic and writes cost plain input, so cacheWrite (and the 1-hour rate) = input.
// Models without a cache discount (gpt-4, gpt-4-turbo, gpt-3.5-turbo) read cache at the input rate.
const OPENAI: readonly Row[] = [
	[['gpt-4o'], 2.5, 10, 1.25, 2.5],
	[['gpt-4o-mini'], 0.15, 0.6, 0.075, 0.15],
	[['gpt-4.1'], 2, 8, 0.5, 2],
	[['gpt-4.1-mini'], 0.4, 1.6, 0.1, 0.4],
	[['gpt-4.1-nano'], 0.1, 0.4, 0.025, 0.1],
	[['o3'], 2, 8, 0.5, 2],
	[['o3-mini', 'o1-mini'], 1.1, 4.4, 0.55, 1.1],
	[['o4-mini'], 1.1, 4.4, 0.275, 1.1],
	[['o1'], 15, 60, 7.5, 15],
	[['gpt-5.4'], 2.5, 15, 0.25, 2.5],
	[['gpt-5.3-codex', 'gpt-5.2-codex', 'gpt-5.2'], 1.75, 14, 0.175, 1.75],
	[['gpt-5.1-codex', 'gpt-5-codex', 'gpt-5.1-codex-max', 'gpt-5', 'gpt-5.1'], 1.25, 10, 0.125, 1.25],
	[['gpt-5-mini', 'gpt-5.1-codex-mini'], 0.25, 2, 0.025, 0.25],
	[['gpt-5-nano'], 0.05, 0.4, 0.005, 0.05],
	[['codex-mini-latest'], 1.5, 6, 0.375, 1.5],
	[['gpt-4-turbo'], 10, 30, 10, 10],
	[['gpt-4'], 30, 60, 30, 30],
	[['gpt-3.5-turbo'], 0.5, 1.5, 0.5, 0.5],
];

// DeepSeek bills cache misses at input and hits at cacheRead; it reports no cache writes (rate 0).
const DEEPSEEK: readonly Row[] = [[['deepseek-r1'], 0.55, 2.19, 0.14, 0]];

/** Snapshot names that keep their 4-digit suffix after normalization, mapped to the priced model. */
const ALIASES: Readonly<Record<string, string>> = {
	'gpt-4-1106-preview': 'gpt-4-turbo',
	'gpt-4-0125-preview': 'gpt-4-turbo',
	'gpt-4-turbo-preview': 'gpt-4-turbo',
	'gpt-4-0613': 'gpt-4',
	'gpt-4-0314': 'gpt-4',
	'gpt-3.5-turbo-0125': 'gpt-3.5-turbo',
	'gpt-3.5-turbo-1106': 'gpt-3.5-turbo',
};

/** The built-in table: the reference's models plus current ones it lacked. */
export function defaultPricing(): PricingTable {
	const models: Record<string, Pricing> = {};
	const add = (rows: readonly Row[], oneHour: (input: number, cacheWrite: number) => number) => {
		for (const [names, input, output, cacheRead, cacheWrite] of rows) {
			for (const name of names) {
				models[name] = {input, output, cacheRead, cacheWrite, cacheWrite1h: oneHour(input, cacheWrite)};
			}
		}
	};
	add(ANTHROPIC, (input) => input * 2);
	add(OPENAI, (input) => input);
	add(DEEPSEEK, (_input, cacheWrite) => cacheWrite);
	return {source: 'built-in table', verified: PRICING_VERIFIED, models};
}

/** Names to try for a model, most specific first. */
function lookupKeys(model: string): string[] {
	const normalized = normalizeModel(model);
	const withoutLatest = normalized.endsWith('-latest') ? normalized.slice(0, -'-latest'.length) : '';
	const keys = [
		normalized,
		swapClaudeNameOrder(normalized),
		withoutLatest,
		swapClaudeNameOrder(withoutLatest),
		model.trim().toLowerCase(),
		ALIASES[normalized] ?? '',
	];
	return keys.filter((key) => key !== '');
}

export interface PriceHit {
	price: Pricing;
	layer: PriceLayer;
	/** The table key or normalized name that matched. */
	key: string;
}

/**
 * A model's price and the layer it comes from: the --pricing file and the built-in table first (their
 * keys share one map), then the catalog. null when no layer has it (the cost is unknown, never $0).
 */
export function priceLookup(table: PricingTable, model: string): PriceHit | null {
	// A sync prices every message of a million: the answer per table and model name is computed once.
	let memo = PRICE_MEMO.get(table);
	if (!memo || memo.models !== table.models || memo.catalog !== table.catalog || memo.overridden !== table.overridden) {
		memo = {models: table.models, catalog: table.catalog, overridden: table.overridden, hits: new Map()};
		PRICE_MEMO.set(table, memo);
	}
	let hit = memo.hits.get(model);
	if (hit === undefined) {
		hit = lookUpPrice(table, model);
		if (memo.hits.size < PRICE_MEMO_MODELS) memo.hits.set(model, hit);
	}
	return hit;
}

/** Tables are built whole, never changed in place; the parts are kept to tell if one was all the same. */
interface PriceMemo {
	models: PricingTable['models'];
	catalog: PricingTable['catalog'];
	overridden: PricingTable['overridden'];
	hits: Map<string, PriceHit | null>;
}
const PRICE_MEMO = new WeakMap<PricingTable, PriceMemo>();
/** Model names seen are few; a bound keeps a source of made-up names from growing it without end. */
const PRICE_MEMO_MODELS = 10_000;

function lookUpPrice(table: PricingTable, model: string): PriceHit | null {
	for (const key of lookupKeys(model)) {
		const hit = Object.hasOwn(table.models, key) ? table.models[key] : undefined;
		if (!hit) continue;
		if (table.overridden?.has(key)) return {price: hit, layer: 'pricing-file', key};
		return {price: withCatalogTier(hit, table, model), layer: 'built-in', key};
	}
	const fromCatalog = model.trim() === '' ? null : table.catalog?.lookup(model) ?? null;
	return fromCatalog ? {price: fromCatalog, layer: 'catalog', key: normalizeModel(model)} : null;
}

const LAYER_WORDS: Readonly<Record<PriceLayer, string>> = {'pricing-file': '--pricing file', 'built-in': 'built-in table', catalog: 'catalog'};

/** The layers that priced a session (stored as 'built-in, catalog'), in words; `fallback` when none are stored. */
export function describePriceLayers(layers: string, fallback: string): string {
	const named = layers.split(',').map((l) => LAYER_WORDS[l.trim() as PriceLayer]).filter(Boolean);
	return named.length ? named.join(' + ') : fallback;
}

/**
 * The built-in table has one rate per model; the catalog knows which models bill a long prompt higher. A
 * built-in entry takes the catalog's long-context rates when both agree on the base rates (the same model).
 */
function withCatalogTier(p: Pricing, table: PricingTable, model: string): Pricing {
	if (p.longContext || !table.catalog) return p;
	const c = table.catalog.lookup(model);
	return c?.longContext && c.input === p.input && c.output === p.output ? {...p, longContext: c.longContext} : p;
}

/** The price of a model, or null when no layer has one. */
export function pricingForModel(table: PricingTable, model: string): Pricing | null {
	return priceLookup(table, model)?.price ?? null;
}

/**
 * Apply per-model overrides (a `--pricing` file) field by field.
 *
 * A model the base table prices keeps every field the override leaves out. A model new to the table
 * fills missing fields from its input price so nothing silently becomes $0: output = input,
 * cacheWrite = input, cacheRead = input (no discount assumed), cacheWrite1h = 2x input for Claude
 * models and = cacheWrite otherwise. Keys are normalized; an empty key is ignored.
 */
export function mergePricing(
	base: PricingTable,
	overrides: Record<string, Partial<Pricing>>,
	source: string,
): PricingTable {
	const models: Record<string, Pricing> = {...base.models};
	const overridden = new Set(base.overridden);
	for (const [rawKey, override] of Object.entries(overrides)) {
		const key = normalizeModel(rawKey);
		if (key === '') continue;
		const given = definedFields(override);
		const existing = Object.hasOwn(models, key) ? models[key] : pricingForModel(base, rawKey);
		// A price the user gives is flat: long-context rates of the layer below would not match it.
		const {longContext: _below, ...flat} = existing ?? {longContext: undefined};
		models[key] = existing ? {...(flat as Pricing), ...given} : newEntry(key, given);
		overridden.add(key);
	}
	return {source, verified: base.verified, models, overridden, ...(base.catalog ? {catalog: base.catalog} : {})};
}

function definedFields(override: Partial<Pricing>): Partial<Pricing> {
	const out: Partial<Pricing> = {};
	for (const field of ['input', 'output', 'cacheRead', 'cacheWrite', 'cacheWrite1h'] as const) {
		const value = override[field];
		if (typeof value === 'number' && Number.isFinite(value)) out[field] = value;
	}
	return out;
}

function newEntry(key: string, given: Partial<Pricing>): Pricing {
	const input = given.input ?? 0;
	const cacheWrite = given.cacheWrite ?? input;
	return {
		input,
		output: given.output ?? input,
		cacheRead: given.cacheRead ?? input,
		cacheWrite,
		cacheWrite1h: given.cacheWrite1h ?? (isAnthropicModel(key) ? input * 2 : cacheWrite),
	};
}
