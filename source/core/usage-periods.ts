// Usage by calendar day, week (Monday first) or month in a zone, from usage buckets: what `daily`,
// `weekly` and `monthly` print. Tokens and cost fall on each message's own day; a session counts once,
// in the period it starts in. Periods without any usage or session are left out, as ccusage does.
import {zonedClock} from './zoned-clock.js';
import type {UsageBucket} from './usage-buckets.js';

export const USAGE_PERIODS = ['daily', 'weekly', 'monthly'] as const;
export type UsagePeriod = (typeof USAGE_PERIODS)[number];

export interface ModelShare {
	tokens: number;
	/** null when the model had no price. */
	cost: number | null;
}

export interface PeriodUsage {
	/** YYYY-MM-DD (a day, or the Monday a week starts on) or YYYY-MM. */
	key: string;
	sessions: number;
	/** Input including cache reads and writes, as tapedeck counts input everywhere. */
	input: number;
	output: number;
	cacheRead: number;
	cacheWrite: number;
	cost: number;
	/** Tokens on models without a price (in the token figures, not in the cost). */
	unpricedTokens: number;
	models: Record<string, ModelShare>;
}

const DAY_MS = 86_400_000;

/** The period key of a local day: the day itself, the Monday of its week, or its month. */
export function periodKey(day: string, weekday: number, period: UsagePeriod): string {
	if (period === 'monthly') return day.slice(0, 7);
	if (period === 'daily' || weekday === 0) return day;
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(y, m - 1, d) - weekday * DAY_MS).toISOString().slice(0, 10);
}

export function usageByPeriod(
	buckets: readonly UsageBucket[],
	sessionStarts: readonly number[],
	period: UsagePeriod,
	timeZone: string,
): PeriodUsage[] {
	const clock = zonedClock(timeZone);
	const rows = new Map<string, PeriodUsage>();
	const rowOf = (ms: number): PeriodUsage => {
		const local = clock(ms);
		const key = periodKey(local.day, local.weekday, period);
		let row = rows.get(key);
		if (!row) {
			row = {key, sessions: 0, input: 0, output: 0, cacheRead: 0, cacheWrite: 0, cost: 0, unpricedTokens: 0, models: {}};
			rows.set(key, row);
		}
		return row;
	};
	for (const start of sessionStarts) rowOf(start).sessions++;
	for (const b of buckets) {
		const row = rowOf(b.startMs);
		const tokens = b.input + b.output;
		row.input += b.input;
		row.output += b.output;
		row.cacheRead += b.cacheRead;
		row.cacheWrite += b.cacheWrite;
		row.cost += b.cost ?? 0;
		if (b.cost === null) row.unpricedTokens += tokens;
		const share = (row.models[b.model || '(no model)'] ??= {tokens: 0, cost: null});
		share.tokens += tokens;
		if (b.cost !== null) share.cost = (share.cost ?? 0) + b.cost;
	}
	return [...rows.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
