import {describe, expect, it} from 'vitest';
import {
	addUsage,
	baseInputTokens,
	cacheSavingUsd,
	costForTokens,
	costForTokensWithCache,
	costOfModelUsage,
	costOfUsage,
	emptyModelUsage,
	mergeModelUsage,
	messageCost,
} from '../../source/core/cost.js';
import type {Pricing} from '../../source/core/types.js';
import {usage} from './build-message.js';

const sonnet: Pricing = {input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75, cacheWrite1h: 6};
const deepseek: Pricing = {input: 0.55, output: 2.19, cacheRead: 0.14, cacheWrite: 0, cacheWrite1h: 0};

describe('costForTokens (acceptance 8)', () => {
	it('prices 1M in and 500k out at 3/15', () => {
		const c = costForTokens(sonnet, 1_000_000, 500_000);
		expect(c.input).toBeCloseTo(3, 12);
		expect(c.output).toBeCloseTo(7.5, 12);
		expect(c.total).toBeCloseTo(10.5, 12);
	});
});

describe('costForTokensWithCache (acceptance 9)', () => {
	it.each([
		// input, output, cacheWrite, cacheRead, want input cost, want output cost
		[1_000_000, 0, 500_000, 0, 3.375, 0],
		[1_000_000, 0, 0, 800_000, 0.84, 0],
		[1_000_000, 100_000, 300_000, 500_000, 1.875, 1.5],
		[100_000, 0, 200_000, 50_000, 0.75 + 0.015, 0],
	])('sonnet in %d out %d cw %d cr %d', (input, output, cw, cr, wantIn, wantOut) => {
		const c = costForTokensWithCache(sonnet, input, output, cw, cr);
		expect(c.input).toBeCloseTo(wantIn, 12);
		expect(c.output).toBeCloseTo(wantOut, 12);
		expect(c.total).toBeCloseTo(wantIn + wantOut, 12);
	});

	it('prices DeepSeek (0.55/2.19, cr 0.14, cw 0)', () => {
		const c = costForTokensWithCache(deepseek, 1_000_000, 500_000, 100_000, 200_000);
		expect(c.input).toBeCloseTo(0.413, 12);
		expect(c.output).toBeCloseTo(1.095, 12);
	});

	it('prices 1-hour cache writes at cacheWrite1h and subtracts them from the base', () => {
		// base 1M - 200k - 300k = 500k at 3, 200k at 3.75, 300k at 6
		const c = costForTokensWithCache(sonnet, 1_000_000, 0, 200_000, 0, 300_000);
		expect(c.input).toBeCloseTo(1.5 + 0.75 + 1.8, 12);
	});

	it('equals the plain formula without cache tokens', () => {
		expect(costForTokensWithCache(sonnet, 1234, 567, 0, 0)).toEqual(costForTokens(sonnet, 1234, 567));
	});
});

describe('baseInputTokens', () => {
	it.each([
		[usage({input: 1000, cacheWrite: 100, cacheWrite1h: 200, cacheRead: 300}), 400],
		[usage({input: 100, cacheRead: 500}), 0],
		[usage({input: 100}), 100],
	])('%o → %d', (u, want) => {
		expect(baseInputTokens(u)).toBe(want);
	});
});

describe('costOfModelUsage', () => {
	it('equals the sum of per-message costs (linearity)', () => {
		const messages = [
			usage({input: 1_000_000, output: 10_000, cacheWrite: 200_000, cacheRead: 700_000}),
			usage({input: 50_000, output: 2_000, cacheRead: 80_000}), // base floors at 0 per message
			usage({input: 3_000, output: 400, cacheWrite1h: 1_000}),
			usage({input: 700, output: 90}),
		];
		const mu = emptyModelUsage('claude-sonnet-4.5');
		for (const u of messages) addUsage(mu, u);
		const perMessage = messages.reduce((sum, u) => sum + costOfUsage(sonnet, u).total, 0);
		expect(mu.messages).toBe(4);
		expect(mu.baseInput).toBe(100_000 + 0 + 2_000 + 700);
		expect(Math.abs(costOfModelUsage(sonnet, mu).total - perMessage)).toBeLessThan(1e-12);
	});
});

describe('mergeModelUsage', () => {
	it('sums per model in first-appearance order without mutating inputs', () => {
		const a = addUsage(emptyModelUsage('a'), usage({input: 10, output: 1}));
		const b = addUsage(emptyModelUsage('b'), usage({input: 5, output: 5, cacheRead: 2}));
		const a2 = addUsage(emptyModelUsage('a'), usage({input: 20, output: 2, cacheWrite: 4}));
		const merged = mergeModelUsage([[a, b], [a2]]);
		expect(merged.map((m) => [m.model, m.input, m.output, m.baseInput, m.messages])).toEqual([
			['a', 30, 3, 26, 2],
			['b', 5, 5, 3, 1],
		]);
		expect(a.input).toBe(10);
	});
});

describe('cacheSavingUsd', () => {
	it.each<[string, Pricing, number, number]>([
		['sonnet: 1M cache reads at 0.30 instead of 3', sonnet, 1_000_000, 2.7],
		['deepseek: 1M at 0.14 instead of 0.55', deepseek, 1_000_000, 0.41],
		['no reads, no saving', sonnet, 0, 0],
		['a cache read dearer than input saves nothing rather than a negative amount', {...sonnet, cacheRead: 4}, 1_000_000, 0],
	])('%s', (_name, p, cacheRead, want) => {
		expect(cacheSavingUsd(p, usage({input: cacheRead + 500, cacheRead, cacheWrite: 200}))).toBeCloseTo(want, 12);
	});
});

describe('messageCost', () => {
	const none = {input: 0, output: 0, cacheWrite: 0, cacheWrite1h: 0, cacheRead: 0, total: null};
	const some = {...none, input: 1_000_000, output: 1_000_000};
	const price: Pricing = {input: 3, output: 15, cacheWrite: 3.75, cacheWrite1h: 6, cacheRead: 0.3};
	it('is zero for a message without tokens, priced or not, and null only when tokens have no price', () => {
		expect(messageCost(null, none)).toEqual({input: 0, output: 0, total: 0});
		expect(messageCost(price, none)).toEqual({input: 0, output: 0, total: 0});
		expect(messageCost(null, some)).toBeNull();
		expect(messageCost(price, some)).toEqual({input: 3, output: 15, total: 18});
		expect(messageCost(null, {...none, cacheRead: 5})).toBeNull();
	});
});
