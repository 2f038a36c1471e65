import {describe, expect, it} from 'vitest';
import {defaultPricing, mergePricing, PRICING_VERIFIED, pricingForModel} from '../../source/core/pricing.js';

const table = defaultPricing();

describe('defaultPricing', () => {
	it('names its source and date', () => {
		expect(table.source).toBe('built-in table');
		expect(table.verified).toBe(PRICING_VERIFIED);
		expect(PRICING_VERIFIED).toBe('2026-11-21');
	});

	it.each([
		// model, input, output, cacheRead, cacheWrite, cacheWrite1h
		['claude-opus-4.6', 5, 25, 0.5, 6.25, 10],
		['claude-opus-4', 15, 75, 1.5, 18.75, 30],
		['claude-sonnet-3.7', 3, 15, 0.3, 3.75, 6],
		['claude-3.5-haiku', 0.8, 4, 0.08, 1, 1.6],
		['claude-3-haiku', 0.25, 1.25, 0.03, 0.3, 0.5],
		['gpt-4o', 2.5, 10, 1.25, 2.5, 2.5],
		['o4-mini', 1.1, 4.4, 0.275, 1.1, 1.1],
		['gpt-5.4', 2.5, 15, 0.25, 2.5, 2.5],
		['gpt-5.2-codex', 1.75, 14, 0.175, 1.75, 1.75],
		['codex-mini-latest', 1.5, 6, 0.375, 1.5, 1.5],
		['deepseek-r1', 0.55, 2.19, 0.14, 0, 0],
		// added to the reference table
		['gpt-5', 1.25, 10, 0.125, 1.25, 1.25],
		['gpt-5-mini', 0.25, 2, 0.025, 0.25, 0.25],
		['gpt-5-nano', 0.05, 0.4, 0.005, 0.05, 0.05],
		['gpt-5.1', 1.25, 10, 0.125, 1.25, 1.25],
		['gpt-5.2', 1.75, 14, 0.175, 1.75, 1.75],
		['gpt-4-turbo', 10, 30, 10, 10, 10],
		['gpt-4', 30, 60, 30, 30, 30],
		['o1-mini', 1.1, 4.4, 0.55, 1.1, 1.1],
		['gpt-3.5-turbo', 0.5, 1.5, 0.5, 0.5, 0.5],
	])('%s', (model, input, output, cacheRead, cacheWrite, cacheWrite1h) => {
		expect(table.models[model]).toEqual({input, output, cacheRead, cacheWrite, cacheWrite1h});
	});

	it('returns a fresh table each call', () => {
		const a = defaultPricing();
		a.models['gpt-4o']!.input = 99;
		expect(defaultPricing().models['gpt-4o']!.input).toBe(2.5);
	});
});

describe('pricingForModel', () => {
	it.each([
		// acceptance 11
		['claude-opus-4.6', 5],
		['claude-sonnet-4-5-20250514', 3],
		['gpt-4.1-2025-04-14', 2],
		['claude-opus-4-6', 5],
		['claude-sonnet-3-7-20250219', 3],
		['claude-3-haiku', 0.25],
		['claude-haiku-4-6-20260219', 1],
		// real IDs and snapshots the reference left unpriced
		['claude-3-7-sonnet-20250219', 3],
		['claude-3-5-haiku-20241022', 0.8],
		['claude-3-5-sonnet-latest', 3],
		['gpt-4-1106-preview', 10],
		['gpt-5-mini-2025-08-07', 0.25],
		['anthropic/claude-opus-4-1', 15],
		['CODEX-MINI-LATEST', 1.5],
	])('%s → input %d', (model, input) => {
		expect(pricingForModel(table, model)?.input).toBe(input);
	});

	it('finds deepseek-r1 cache read and claude-haiku-4.6 in/out (acceptance 11)', () => {
		expect(pricingForModel(table, 'deepseek-r1')?.cacheRead).toBe(0.14);
		const haiku = pricingForModel(table, 'claude-haiku-4.6');
		expect([haiku?.input, haiku?.output]).toEqual([1, 5]);
	});

	it('returns null for an unknown model, an empty name and prototype keys', () => {
		expect(pricingForModel(table, 'totally-unknown-model')).toBeNull();
		expect(pricingForModel(table, '')).toBeNull();
		expect(pricingForModel(table, 'constructor')).toBeNull();
	});
});

describe('mergePricing', () => {
	it('prices by each table, however many lookups went before', () => {
		const table = defaultPricing();
		const before = pricingForModel(table, 'claude-sonnet-4-5');
		const merged = mergePricing(table, {'claude-sonnet-4-5': {output: 99}}, 'prices.json');
		expect(pricingForModel(merged, 'claude-sonnet-4-5')?.output).toBe(99);
		expect(pricingForModel(table, 'claude-sonnet-4-5')).toEqual(before);
		expect(pricingForModel(table, 'claude-sonnet-4-5')?.output).not.toBe(99);
	});

	it('fixes reference: a partial override keeps the fields it leaves out', () => {
		const merged = mergePricing(table, {'claude-sonnet-4-5': {output: 20}}, 'prices.json');
		expect(merged.models['claude-sonnet-4.5']).toEqual({input: 3, output: 20, cacheRead: 0.3, cacheWrite: 3.75, cacheWrite1h: 6});
		expect(merged.source).toBe('prices.json');
		expect(merged.verified).toBe(PRICING_VERIFIED);
	});

	it('does not change the base table', () => {
		mergePricing(table, {'gpt-4o': {input: 1}}, 'x');
		expect(table.models['gpt-4o']!.input).toBe(2.5);
	});

	it('starts an aliased model from the price it resolves to', () => {
		const merged = mergePricing(table, {'claude-3-7-sonnet-20250219': {input: 4}}, 'x');
		expect(merged.models['claude-3.7-sonnet']).toEqual({input: 4, output: 15, cacheRead: 0.3, cacheWrite: 3.75, cacheWrite1h: 6});
		expect(pricingForModel(merged, 'claude-3-7-sonnet-20250219')?.input).toBe(4);
		expect(pricingForModel(merged, 'claude-sonnet-3.7')?.input).toBe(3);
	});

	it.each([
		['my-local-model', {input: 2}, {input: 2, output: 2, cacheRead: 2, cacheWrite: 2, cacheWrite1h: 2}],
		['my-local-model', {input: 2, output: 8, cacheWrite: 3}, {input: 2, output: 8, cacheRead: 2, cacheWrite: 3, cacheWrite1h: 3}],
		['claude-next-5', {input: 4, output: 20}, {input: 4, output: 20, cacheRead: 4, cacheWrite: 4, cacheWrite1h: 8}],
	])('a new model %s fills missing fields from its input price, never 0', (key, override, want) => {
		const merged = mergePricing(table, {[key]: override}, 'x');
		expect(pricingForModel(merged, key)).toEqual(want);
	});

	it('normalizes keys and ignores empty ones', () => {
		const merged = mergePricing(table, {'  GPT-4.1-2025-04-14 ': {input: 9}, ' ': {input: 1}}, 'x');
		expect(merged.models['gpt-4.1']?.input).toBe(9);
		expect(Object.keys(merged.models)).toHaveLength(Object.keys(table.models).length);
	});
});
