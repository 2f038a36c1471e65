// The Analytics screen's pictures as text, and what a drill-down selects.
import {describe, expect, it} from 'vitest';
import {
	barCells, busiestHour, heatLegend, heatLevel, seriesChange, sortModels, sparkGlyphs, splitWidths, stepModelSort,
} from '../../../source/core/screens/analytics-charts.js';
import {inSlot, shortDay, slotFilters, slotLabel} from '../../../source/core/screens/analytics-slot.js';
import type {ModelPerformance} from '../../../source/core/analytics.js';
import {DEFAULT_FILTERS} from '../../../source/core/types.js';

describe('sparkGlyphs', () => {
	it('scales to the largest and keeps a dot for every empty day', () => {
		expect(sparkGlyphs([0, 1, 4, 8]).join('')).toBe('·▁▄█');
		expect(sparkGlyphs([0, 0])).toEqual(['·', '·']);
		expect(sparkGlyphs([0.001, 100])[0]).toBe('▁');
	});
});

describe('heatmap levels and legend', () => {
	it.each([[0, 9, 0], [1, 9, 1], [2, 9, 1], [3, 9, 2], [6, 9, 2], [7, 9, 3], [9, 9, 3], [1, 1, 3], [5, 0, 0]])('%i of %i → level %i', (n, max, level) => {
		expect(heatLevel(n, max)).toBe(level);
	});

	it('labels each glyph with the counts it stands for, skipping levels no count reaches', () => {
		expect(heatLegend(9)).toEqual([{glyph: '░', text: '0'}, {glyph: '▒', text: '1–2'}, {glyph: '▓', text: '3–6'}, {glyph: '█', text: '7–9'}]);
		expect(heatLegend(2)).toEqual([{glyph: '░', text: '0'}, {glyph: '▓', text: '1'}, {glyph: '█', text: '2'}]);
		expect(heatLegend(0)).toEqual([{glyph: '░', text: '0'}]);
		for (const max of [1, 3, 10, 17, 100, 1234]) {
			const covered = heatLegend(max).slice(1).flatMap((l) => l.text.split('–').map(Number));
			expect(Math.min(...covered)).toBe(1);
			expect(Math.max(...covered)).toBe(max);
		}
	});

	it('starts the heatmap cursor on the busiest hour, the earliest on a tie', () => {
		const h = Array.from({length: 7}, () => new Array<number>(24).fill(0));
		expect(busiestHour(h)).toEqual({weekday: 0, hour: 0});
		h[3]![14] = 5;
		h[5]![2] = 5;
		expect(busiestHour(h)).toEqual({weekday: 3, hour: 14});
	});
});

describe('bars', () => {
	it('shows anything above zero as at least one cell', () => {
		expect(barCells(0, 10, 20)).toBe(0);
		expect(barCells(0.01, 10, 20)).toBe(1);
		expect(barCells(10, 10, 20)).toBe(20);
		expect(barCells(5, 10, 20)).toBe(10);
	});

	it('splits a stacked bar proportionally, every segment visible, to the exact width', () => {
		expect(splitWidths([34, 28, 5], 60)).toEqual([30, 25, 5]);
		expect(splitWidths([1000, 1], 10)).toEqual([9, 1]);
		for (const w of [3, 7, 50, 117]) expect(splitWidths([5, 3, 1], w).reduce((a, n) => a + n, 0)).toBe(w);
		expect(splitWidths([], 10)).toEqual([]);
	});
});

const m = (model: string, over: Partial<ModelPerformance>): ModelPerformance => ({
	model, provider: 'x', sessions: 1, totalCost: 1, avgCost: 1, avgDurationMs: 1, avgTokens: 1, completed: 1, successRate: 1, ...over,
});

describe('model table sort', () => {
	const models = [m('b', {sessions: 5, totalCost: 3}), m('a', {sessions: 9, totalCost: null, avgCost: null}), m('c', {sessions: 5, totalCost: 7})];
	it('sorts by any column both ways, ties in the model order, unpriced below every price', () => {
		expect(sortModels(models, {key: 'sessions', dir: 'desc'}).map((x) => x.model)).toEqual(['a', 'b', 'c']);
		expect(sortModels(models, {key: 'sessions', dir: 'asc'}).map((x) => x.model)).toEqual(['b', 'c', 'a']);
		expect(sortModels(models, {key: 'total', dir: 'desc'}).map((x) => x.model)).toEqual(['c', 'b', 'a']);
		expect(sortModels(models, {key: 'model', dir: 'asc'}).map((x) => x.model)).toEqual(['a', 'b', 'c']);
	});

	it('steps through the columns, names A→Z and figures largest first', () => {
		expect(stepModelSort({key: 'total', dir: 'asc'}, 1)).toEqual({key: 'avg', dir: 'desc'});
		expect(stepModelSort({key: 'sessions', dir: 'desc'}, -1)).toEqual({key: 'model', dir: 'asc'});
		expect(stepModelSort({key: 'model', dir: 'asc'}, -1)).toEqual({key: 'success', dir: 'desc'});
	});
});

describe('series change', () => {
	const s = (total: number, change: number | null) => ({total, peakDay: null, peakValue: 0, change});
	it.each([
		[s(10, 0.25), true, '▲', '25% vs prev'],
		[s(10, -0.5), true, '▼', '50% vs prev'],
		[s(10, 0.001), true, '→', '0% vs prev'],
		[s(10, null), true, '▲', 'new vs prev'],
		[s(0, null), true, '→', '0% vs prev'],
		[s(10, null), false, '', 'all time'],
	])('%o (previous period: %s) → %s %s', (stats, hasPrevious, arrow, text) => {
		expect(seriesChange(stats, hasPrevious)).toEqual({arrow, text});
	});
});

describe('drill-down slots', () => {
	const LA = 'America/Los_Angeles';
	it('labels days, runs of days and hours of the week', () => {
		expect(shortDay('2026-11-20')).toBe('Nov 20');
		expect(slotLabel({kind: 'days', first: '2026-11-20', last: '2026-11-20'})).toBe('Fri Nov 20');
		expect(slotLabel({kind: 'days', first: '2026-11-18', last: '2026-11-20'})).toBe('Nov 18 – Nov 20');
		expect(slotLabel({kind: 'hour', weekday: 6, hour: 23})).toBe('Sun 23:00–00:00');
	});

	it('selects sessions by their start in the zone, as the charts count them', () => {
		const start = Date.UTC(2026, 10, 21, 3, 30); // Nov 21 03:30 UTC = Nov 20 19:30 in Los Angeles
		const days = {kind: 'days' as const, first: '2026-11-20', last: '2026-11-20'};
		expect(inSlot(days, LA)({startMs: start})).toBe(true);
		expect(inSlot(days, 'UTC')({startMs: start})).toBe(false);
		expect(inSlot({kind: 'hour', weekday: 4, hour: 19}, LA)({startMs: start})).toBe(true);
		expect(inSlot({kind: 'hour', weekday: 5, hour: 3}, 'UTC')({startMs: start})).toBe(true);
	});

	it('narrows the query window to the days, inside the period', () => {
		const days = {kind: 'days' as const, first: '2026-11-20', last: '2026-11-21'};
		const from = Date.UTC(2026, 10, 20);
		const to = Date.UTC(2026, 10, 22);
		expect(slotFilters(DEFAULT_FILTERS, days, 'UTC')).toMatchObject({fromMs: from, toMs: to});
		const period = {...DEFAULT_FILTERS, fromMs: from + 5_000, toMs: null};
		expect(slotFilters(period, days, 'UTC')).toMatchObject({fromMs: from + 5_000, toMs: to});
		expect(slotFilters(DEFAULT_FILTERS, {kind: 'hour', weekday: 1, hour: 2}, 'UTC')).toBe(DEFAULT_FILTERS);
	});
});
