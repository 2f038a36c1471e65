// KPI figures and their change, the sparkline, and cost per day in a zone.
import {describe, expect, it} from 'vitest';
import {dailyCost, kpiCells, sparkline} from '../../../source/core/screens/kpi.js';
import {EMPTY_TOTALS, comparePeriods, type OverviewTotals} from '../../../source/core/overview.js';

const totals = (over: Partial<OverviewTotals>): OverviewTotals => ({...EMPTY_TOTALS, ...over});

describe('kpi cells', () => {
	it('shows each figure with its change, coloured by whether it is good news', () => {
		const now = totals({sessions: 10, totalCost: 5, inputTokens: 2000, outputTokens: 500, totalTokens: 2500, durationMs: 90 * 60_000, toolCalls: 1234, completed: 7, successRate: 0.7, unpricedSessions: 2});
		const before = totals({sessions: 8, totalCost: 10, totalTokens: 2000, durationMs: 60 * 60_000, toolCalls: 1234, completed: 4, successRate: 0.5});
		const [spend, tokens, time, tools, success] = kpiCells(now, comparePeriods(now, before));
		expect(spend).toEqual({label: 'SPEND', value: '$5.00 +2 unpriced', narrow: '$5.00 +2?', change: {arrow: '▼', text: '50%', good: true}});
		expect(tokens).toMatchObject({value: '2.0K / 500', change: {arrow: '▲', text: '25%', good: true}});
		expect(time).toMatchObject({value: '1h30m', change: {arrow: '▲', text: '50%', good: true}});
		expect(tools).toMatchObject({value: '1,234', change: {arrow: '→', good: null}});
		expect(success).toMatchObject({value: '70%', change: {arrow: '▲', text: '20 pts', good: true}});
	});

	it('counts more spend as bad news, and has no change without a previous period', () => {
		const up = kpiCells(totals({totalCost: 2}), comparePeriods(totals({totalCost: 2}), totals({totalCost: 1})));
		expect(up[0]!.change).toEqual({arrow: '▲', text: '100%', good: false});
		const fromZero = kpiCells(totals({totalCost: 2}), comparePeriods(totals({totalCost: 2}), totals({})));
		expect(fromZero[0]!.change).toEqual({arrow: '▲', text: 'new', good: false});
		expect(kpiCells(totals({}), null).every((c) => c.change === null)).toBe(true);
		expect(kpiCells(totals({}), null)[4]!.value).toBe('—');
	});
});

describe('sparkline', () => {
	it('scales to the largest value, zero as a space', () => {
		expect(sparkline([0, 1, 2, 4, 8], 10)).toEqual({text: ' ▁▂▄█', perChar: 1, max: 8});
		expect(sparkline([], 10)).toEqual({text: '', perChar: 1, max: 0});
	});

	it('sums runs of values, counted from the newest, when there are more than the width; max is the largest run', () => {
		// Runs: [1, 1] [1, 1, 2] [2, 0, 0]: the newest run is the last three days, the short one the oldest.
		const {text, perChar, max} = sparkline([1, 1, 1, 1, 2, 2, 0, 0], 3);
		expect(perChar).toBe(3);
		expect(text).toBe('▄█▄');
		expect(max).toBe(4);
		expect(max).toBeGreaterThan(Math.max(1, 1, 1, 1, 2, 2, 0, 0));
	});

	it('prints billions of tokens as B, and costs of $10,000 and more without cents', async () => {
		const {formatTokens, formatCostShort} = await import('../../../source/core/format.js');
		expect(formatTokens(16_915_500_000)).toBe('16.9B');
		expect(formatTokens(999_960_000)).toBe('1.0B');
		expect(formatTokens(999_900_000)).toBe('999.9M');
		expect(formatCostShort(10_615.33)).toBe('$10,615');
		expect(formatCostShort(9_999.5)).toBe('$9999.50');
	});
});

describe('dailyCost', () => {
	const HOUR = 3_600_000;
	it('puts 15-minute buckets on their calendar day in the zone, every day present', () => {
		const base = Date.UTC(2026, 2, 28, 0, 0); // Berlin switches to summer time on 2026-03-29
		const buckets = [
			{startMs: base + 22 * HOUR + 45 * 60_000, cost: 1}, // 23:45 Berlin on the 28th
			{startMs: base + 23 * HOUR, cost: 2}, // 00:00 Berlin on the 29th
			{startMs: base + 2 * 24 * HOUR + 22 * HOUR, cost: 4}, // 00:00 Berlin on the 31st (UTC+2)
		];
		const days = dailyCost(buckets, {fromMs: null, toMs: null}, base + 3 * 24 * HOUR, 'Europe/Berlin');
		expect(days).toEqual([
			{day: '2026-03-28', cost: 1}, {day: '2026-03-29', cost: 2}, {day: '2026-03-30', cost: 0}, {day: '2026-03-31', cost: 4},
		]);
	});

	it('covers a window with no spend', () => {
		const now = Date.UTC(2026, 0, 10, 12);
		expect(dailyCost([], {fromMs: now - 2 * 24 * HOUR, toMs: null}, now, 'UTC').map((d) => d.cost)).toEqual([0, 0, 0]);
	});
});
