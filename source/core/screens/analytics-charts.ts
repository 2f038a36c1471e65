// The Analytics screen's pictures as text: sparkline and heatmap glyphs, bar lengths, the heatmap legend,
// the provider split and the model table's sort. Pure; the views colour what these return.
import type {ModelPerformance} from '../analytics.js';
import type {SeriesStats} from '../analytics-model.js';
import type {SortDir} from '../types.js';
import {maxOf} from '../numbers.js';

const LEVELS = '▁▂▃▄▅▆▇█';
/** A day with nothing still has a cell, so "every day" is visible: a dot, never a blank. */
export const ZERO_GLYPH = '·';

/** One glyph per value, scaled to the largest; zero is a dot. */
export function sparkGlyphs(values: readonly number[]): string[] {
	const max = maxOf(values, 0);
	return values.map((v) => (v <= 0 || max <= 0 ? ZERO_GLYPH : LEVELS[Math.min(7, Math.max(0, Math.ceil((v / max) * 8) - 1))]!));
}

export const HEAT_GLYPHS = ['░', '▒', '▓', '█'] as const;

/** 0 none; then low (< 30% of the busiest hour), medium (< 70%), high, as the reference draws it. */
export function heatLevel(n: number, max: number): 0 | 1 | 2 | 3 {
	if (n <= 0 || max <= 0) return 0;
	const r = n / max;
	return r >= 0.7 ? 3 : r >= 0.3 ? 2 : 1;
}

/** What each glyph means in sessions per hour, e.g. ░ 0 · ▒ 1 · ▓ 2 · █ 3–4; levels no count reaches are left out. */
export function heatLegend(max: number): Array<{glyph: string; text: string}> {
	const out: Array<{glyph: string; text: string}> = [{glyph: HEAT_GLYPHS[0], text: '0'}];
	for (const level of [1, 2, 3] as const) {
		let lo = 0;
		let hi = 0;
		// Bounds from the thresholds, then nudged so rounding never mislabels an edge count.
		const from = level === 1 ? 1 : Math.max(1, Math.floor(max * (level === 2 ? 0.3 : 0.7)) - 1);
		for (let n = from; n <= max; n++) {
			const l = heatLevel(n, max);
			if (l === level) [lo, hi] = [lo || n, n];
			else if (l > level) break;
		}
		if (lo) out.push({glyph: HEAT_GLYPHS[level], text: lo === hi ? String(lo) : `${lo}–${hi}`});
	}
	return out;
}

/** Filled cells of a bar `width` wide; anything above zero shows at least one cell. */
export function barCells(value: number, max: number, width: number): number {
	if (value <= 0 || max <= 0 || width <= 0) return 0;
	return Math.min(width, Math.max(1, Math.round((value / max) * width)));
}

/** Widths of a stacked bar's segments: proportional, each at least one cell, summing to `width`. */
export function splitWidths(counts: readonly number[], width: number): number[] {
	const total = counts.reduce((a, n) => a + n, 0);
	if (!counts.length || total <= 0 || width <= 0) return counts.map(() => 0);
	const room = Math.max(0, width - counts.length);
	const exact = counts.map((n) => (n / total) * room);
	const out = exact.map((x) => 1 + Math.floor(x));
	let left = width - out.reduce((a, n) => a + n, 0);
	const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
	for (const [, i] of order) {
		if (left <= 0) break;
		out[i]!++;
		left--;
	}
	return out;
}

export const MODEL_SORT_KEYS = ['model', 'sessions', 'total', 'avg', 'duration', 'tokens', 'success'] as const;
export type ModelSortKey = (typeof MODEL_SORT_KEYS)[number];

export interface ModelSort {
	key: ModelSortKey;
	dir: SortDir;
}

/** The model's own order (total cost, largest first). */
export const DEFAULT_MODEL_SORT: ModelSort = {key: 'total', dir: 'desc'};

function sortValue(m: ModelPerformance, key: ModelSortKey): number | string {
	switch (key) {
		case 'model': return m.model;
		case 'sessions': return m.sessions;
		case 'total': return m.totalCost ?? -1;
		case 'avg': return m.avgCost ?? -1;
		case 'duration': return m.avgDurationMs;
		case 'tokens': return m.avgTokens;
		case 'success': return m.successRate;
		default: {
			const never: never = key;
			return never;
		}
	}
}

/** Stable: ties keep the model's order. Unpriced models sort below every priced one. */
export function sortModels(models: readonly ModelPerformance[], sort: ModelSort): ModelPerformance[] {
	const sign = sort.dir === 'asc' ? 1 : -1;
	return models
		.map((m, i) => [m, i] as const)
		.sort(([a, i], [b, j]) => {
			const x = sortValue(a, sort.key);
			const y = sortValue(b, sort.key);
			return (x < y ? -sign : x > y ? sign : 0) || i - j;
		})
		.map(([m]) => m);
}

/** Text columns start A→Z; figures start with the largest. */
export function stepModelSort(sort: ModelSort, step: 1 | -1): ModelSort {
	const i = MODEL_SORT_KEYS.indexOf(sort.key);
	const key = MODEL_SORT_KEYS[(i + step + MODEL_SORT_KEYS.length) % MODEL_SORT_KEYS.length]!;
	return {key, dir: key === 'model' ? 'asc' : 'desc'};
}

export interface SeriesChange {
	arrow: '▲' | '▼' | '→' | '';
	text: string;
}

/** The change against the previous period of equal length; `hasPrevious` is false for all time. */
export function seriesChange(s: SeriesStats, hasPrevious: boolean): SeriesChange {
	if (!hasPrevious) return {arrow: '', text: 'all time'};
	if (s.change === null) return s.total > 0 ? {arrow: '▲', text: 'new vs prev'} : {arrow: '→', text: '0% vs prev'};
	const pct = Math.round(s.change * 100);
	if (pct === 0) return {arrow: '→', text: '0% vs prev'};
	return {arrow: pct > 0 ? '▲' : '▼', text: `${Math.abs(pct)}% vs prev`};
}

/** The hour of the week with the most sessions (the earliest wins a tie); Monday 00:00 when there are none. */
export function busiestHour(heatmap: readonly (readonly number[])[]): {weekday: number; hour: number} {
	let best = {weekday: 0, hour: 0};
	let max = 0;
	heatmap.forEach((hours, weekday) => hours.forEach((n, hour) => {
		if (n > max) [max, best] = [n, {weekday, hour}];
	}));
	return best;
}
