// Everything the Analytics screen draws and `analytics --json` prints, computed once from index rows.
import type {SessionSummary} from './types.js';
import type {OverviewTotals} from './overview.js';
import {
	activityByDay, costBuckets, durationBuckets, hourOfWeekHeatmap, modelPerformance, mostCommonBucket, providerBreakdown,
	topTools, type Bucket, type DayActivity, type DayUsage, type ModelPerformance, type ProviderShare, type ToolMetric,
} from './analytics.js';
import {maxOf} from './numbers.js';

export interface SeriesStats {
	total: number;
	peakDay: string | null;
	peakValue: number;
	/** Change against the previous period of equal length; null when there is none (all time) or it was 0. */
	change: number | null;
}

export interface AnalyticsModel {
	timeZone: string;
	sessions: number;
	avgCost: number | null;
	avgDurationMs: number;
	days: DayActivity[];
	series: {sessions: SeriesStats; cost: SeriesStats; tokens: SeriesStats};
	/** heatmap[weekday][hour]: sessions started then (weekday 0 = Monday). */
	heatmap: number[][];
	heatmapMax: number;
	durationBuckets: Bucket[];
	costBuckets: Bucket[];
	mostCommonDuration: Bucket | null;
	mostCommonCost: Bucket | null;
	tools: ToolMetric[];
	models: ModelPerformance[];
	providers: ProviderShare[];
	cache: {inputTokens: number; readTokens: number; hitRate: number; savedUsd: number};
}

export interface AnalyticsInput {
	sessions: SessionSummary[];
	tools: Array<{tool: string; calls: number; errors: number; sessions: number}>;
	/** Per-model cache reads and what they saved (priced models only). */
	cache: {inputTokens: number; readTokens: number; savedUsd: number};
	previous: OverviewTotals | null;
	/** Usage by quarter hour of each message: per-day tokens and cost follow the messages. */
	usage?: readonly DayUsage[];
	window: {fromMs: number | null; toMs: number | null};
	now: number;
	timeZone: string;
}

function stats(days: DayActivity[], pick: (d: DayActivity) => number, previousTotal: number | null): SeriesStats {
	let total = 0;
	let peakDay: string | null = null;
	let peakValue = 0;
	for (const d of days) {
		const v = pick(d);
		total += v;
		if (v > peakValue) [peakDay, peakValue] = [d.day, v];
	}
	const change = previousTotal === null || previousTotal === 0 ? null : (total - previousTotal) / previousTotal;
	return {total, peakDay, peakValue, change};
}

export function buildAnalytics(input: AnalyticsInput): AnalyticsModel {
	const {sessions, timeZone, now} = input;
	const days = activityByDay(sessions, input.window, now, timeZone, input.usage ?? null);
	const heatmap = hourOfWeekHeatmap(sessions, timeZone);
	const priced = sessions.filter((s) => s.totalCost !== null);
	const durations = durationBuckets(sessions.map((s) => s.durationMs));
	const costs = costBuckets(sessions.map((s) => s.totalCost));
	const prev = input.previous;
	return {
		timeZone,
		sessions: sessions.length,
		avgCost: priced.length ? priced.reduce((a, s) => a + (s.totalCost ?? 0), 0) / priced.length : null,
		avgDurationMs: sessions.length ? sessions.reduce((a, s) => a + s.durationMs, 0) / sessions.length : 0,
		days,
		series: {
			sessions: stats(days, (d) => d.sessions, prev ? prev.sessions : null),
			cost: stats(days, (d) => d.cost, prev ? prev.totalCost : null),
			tokens: stats(days, (d) => d.tokens, prev ? prev.totalTokens : null),
		},
		heatmap,
		heatmapMax: maxOf(heatmap.flat(), 0),
		durationBuckets: durations,
		costBuckets: costs,
		mostCommonDuration: mostCommonBucket(durations),
		mostCommonCost: mostCommonBucket(costs),
		tools: topTools(input.tools),
		models: modelPerformance(sessions),
		providers: providerBreakdown(sessions),
		cache: {...input.cache, hitRate: input.cache.inputTokens ? input.cache.readTokens / input.cache.inputTokens : 0},
	};
}
