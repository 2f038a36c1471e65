import {describe, expect, it} from 'vitest';
import {buildAnalytics} from '../../source/core/analytics-model.js';
import {costBuckets, durationBuckets, hourOfWeekHeatmap} from '../../source/core/analytics.js';
import {zonedClock} from '../../source/core/zoned-clock.js';
import {dayStart} from '../../source/core/time.js';
import type {SessionSummary} from '../../source/core/types.js';
import {EMPTY_TOTALS} from '../../source/core/overview.js';

const s = (over: Partial<SessionSummary>): SessionSummary => ({
	id: 'x', source: 'tapes', label: '', project: '', agent: '', model: 'gpt-4o', models: ['gpt-4o'], provider: 'openai',
	status: 'completed', startMs: 0, endMs: 0, durationMs: 0, messageCount: 1, toolCalls: 0, toolErrors: 0, inputTokens: 0,
	outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, totalTokens: 0, inputCost: 0, outputCost: 0, totalCost: 0,
	costSource: 'computed', unpricedTokens: 0, parentId: null, subSessionCount: 0, ...over,
});

describe('bucket edges', () => {
	it('duration buckets are exclusive upper bounds in minutes', () => {
		const m = 60_000;
		expect(durationBuckets([0, m - 1, m, 5 * m - 1, 5 * m, 15 * m, 30 * m, 60 * m - 1, 60 * m]).map((b) => b.count)).toEqual([2, 2, 1, 1, 2, 1]);
	});

	it('cost buckets leave unpriced sessions out instead of calling them cheap', () => {
		expect(costBuckets([0, 0.0099, 0.01, 0.1, 0.5, 0.99, 1, 5, null]).map((b) => b.count)).toEqual([2, 1, 1, 2, 1, 1]);
	});
});

describe('zoned clock and heatmap', () => {
	it('matches Intl across a daylight-saving change', () => {
		const clock = zonedClock('America/New_York');
		// 2026-03-08 02:00 local is the spring change in New York.
		expect(clock(Date.UTC(2026, 2, 8, 6, 30))).toEqual({day: '2026-03-08', hour: 1, weekday: 6});
		expect(clock(Date.UTC(2026, 2, 8, 7, 30))).toEqual({day: '2026-03-08', hour: 3, weekday: 6});
	});

	it('puts a session in the hour of the week of the chosen zone', () => {
		const t = Date.UTC(2026, 10, 20, 23, 30); // Friday 23:30 UTC = Saturday 08:30 in Tokyo
		expect(hourOfWeekHeatmap([{startMs: t}], 'UTC')[4]![23]).toBe(1);
		expect(hourOfWeekHeatmap([{startMs: t}], 'Asia/Tokyo')[5]![8]).toBe(1);
	});
});

describe('buildAnalytics', () => {
	const tz = 'Europe/Berlin';
	const from = dayStart('2026-11-01', tz);
	const to = dayStart('2026-11-08', tz);
	const model = buildAnalytics({
		sessions: [
			s({startMs: from + 3_600_000, totalCost: 1, totalTokens: 100}),
			s({startMs: from + 2 * 86_400_000 + 3_600_000, totalCost: 3, totalTokens: 50}),
			s({startMs: from + 2 * 86_400_000 + 7_200_000, totalCost: null, totalTokens: 10}),
		],
		tools: [{tool: 'Read', calls: 4, errors: 1, sessions: 2}, {tool: 'Bash', calls: 9, errors: 0, sessions: 1}],
		cache: {inputTokens: 1000, readTokens: 250, savedUsd: 0.5},
		previous: {...EMPTY_TOTALS, sessions: 6, totalCost: 2, totalTokens: 320},
		window: {fromMs: from, toMs: to}, now: to, timeZone: tz,
	});

	it('has every day of the window, with the peak day and the change against the previous period', () => {
		expect(model.days).toHaveLength(7);
		expect(model.series.cost).toEqual({total: 4, peakDay: '2026-11-03', peakValue: 3, change: 1});
		expect(model.series.sessions.change).toBe(-0.5);
		expect(model.series.tokens.change).toBeCloseTo(160 / 320 - 1, 12);
	});

	it('averages cost over priced sessions only and computes the cache hit rate', () => {
		expect(model.avgCost).toBe(2);
		expect(model.cache.hitRate).toBe(0.25);
		expect(model.tools.map((t) => t.name)).toEqual(['Bash', 'Read']);
		expect(model.heatmapMax).toBe(1);
	});
});
