// Tokens and cost fall on each message's own day, week or month in the zone; a session counts once, where it starts.
import {describe, expect, it} from 'vitest';
import {periodKey, usageByPeriod} from '../../source/core/usage-periods.js';
import {activityByDay} from '../../source/core/analytics.js';
import {bucketStart, type UsageBucket} from '../../source/core/usage-buckets.js';

const bucket = (ms: number, model: string, input: number, output: number, cost: number | null): UsageBucket =>
	({startMs: bucketStart(ms), model, input, output, cacheRead: 0, cacheWrite: 0, cost, cacheSaving: 0, messages: 1});

// A session from 23:30 to 00:30 UTC on 2026-03-01/02 (a Sunday, then a Monday).
const start = Date.UTC(2026, 2, 1, 23, 30);
const buckets = [bucket(start, 'claude-opus-4.7', 1000, 100, 0.5), bucket(start + 45 * 60_000, 'claude-opus-4.7', 3000, 300, 1.5), bucket(start + 50 * 60_000, 'mystery', 10, 0, null)];

describe('usage by period', () => {
	it('daily splits a session across midnight by message time and counts it once, on its start day', () => {
		const rows = usageByPeriod(buckets, [start], 'daily', 'UTC');
		expect(rows.map((r) => [r.key, r.sessions, r.input + r.output, r.cost, r.unpricedTokens])).toEqual([
			['2026-03-01', 1, 1100, 0.5, 0],
			['2026-03-02', 0, 3310, 1.5, 10],
		]);
		expect(rows[1]!.models).toEqual({'claude-opus-4.7': {tokens: 3300, cost: 1.5}, mystery: {tokens: 10, cost: null}});
	});

	it('the zone decides the day: an hour east both halves are on the 2nd', () => {
		expect(usageByPeriod(buckets, [start], 'daily', 'Europe/Berlin').map((r) => r.key)).toEqual(['2026-03-02']);
		// Kathmandu is 5:45 ahead: quarter-hour buckets still fall on whole local days.
		expect(usageByPeriod(buckets, [start], 'daily', 'Asia/Kathmandu').map((r) => r.key)).toEqual(['2026-03-02']);
	});

	it('weeks start on Monday and months are calendar months', () => {
		expect(usageByPeriod(buckets, [start], 'weekly', 'UTC').map((r) => r.key)).toEqual(['2026-02-23', '2026-03-02']);
		expect(usageByPeriod(buckets, [start], 'monthly', 'UTC').map((r) => [r.key, r.input + r.output])).toEqual([['2026-03', 4410]]);
		expect(periodKey('2026-01-01', 3, 'weekly')).toBe('2025-12-29');
	});

	it('activity by day uses the same message days (the sparkline and analytics agree with daily)', () => {
		const days = activityByDay([{startMs: start, totalCost: 2, totalTokens: 4410}], {fromMs: null, toMs: null}, start + 2 * 3_600_000, 'UTC', buckets);
		expect(days).toEqual([
			{day: '2026-03-01', sessions: 1, cost: 0.5, tokens: 1100},
			{day: '2026-03-02', sessions: 0, cost: 1.5, tokens: 3310},
		]);
	});
});
