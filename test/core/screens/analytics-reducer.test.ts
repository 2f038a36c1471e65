// The Analytics screen's state machine, key by key, against a measured layout.
import {describe, expect, it} from 'vitest';
import {
	analyticsReducer, initialAnalyticsState, keyModes, selectedSlot, type AnalyticsLayout, type AnalyticsState,
} from '../../../source/core/screens/analytics-reducer.js';
import {initialFilterState} from '../../../source/core/screens/sessions-filters.js';
import {DEFAULT_FILTERS} from '../../../source/core/types.js';
import {inkKey} from '../../ui/helpers/keys.js';

const LAYOUT: AnalyticsLayout = {
	lines: 100, height: 20,
	panels: {activity: 0, heatmap: 10, tools: 10, histograms: 30, models: 45, split: 90},
	dayCells: [{first: '2026-11-01', last: '2026-11-01'}, {first: '2026-11-02', last: '2026-11-02'}, {first: '2026-11-03', last: '2026-11-04'}],
	busiest: {weekday: 2, hour: 14},
	drillHeight: 3,
};

function start(): AnalyticsState {
	return analyticsReducer(initialAnalyticsState(initialFilterState(DEFAULT_FILTERS, '30d'), 1000), {type: 'layout', layout: LAYOUT});
}

function keys(state: AnalyticsState, ...names: string[]): AnalyticsState {
	return names.reduce((s, n) => analyticsReducer(s, {type: 'input', ...inkKey(n)}), state);
}

describe('analytics reducer', () => {
	it('lists the day an Enter chose before the screen had measured its page, once the layout comes (was: lost)', () => {
		const fresh = initialAnalyticsState(initialFilterState(DEFAULT_FILTERS, '30d'), 1000);
		const early = keys(fresh, 'enter');
		expect(early.mode).toBe('page');
		const measured = analyticsReducer(early, {type: 'layout', layout: LAYOUT});
		expect(measured.mode).toBe('drill');
		expect(measured.drill?.slot).toEqual({kind: 'days', first: '2026-11-03', last: '2026-11-04'});
		// Once: a later layout does not list again after Esc.
		const back = keys(measured, 'esc');
		expect(analyticsReducer(back, {type: 'layout', layout: {...LAYOUT, lines: 99}}).mode).toBe('page');
		// Without an early Enter, the layout alone lists nothing.
		expect(analyticsReducer(fresh, {type: 'layout', layout: LAYOUT}).mode).toBe('page');
	});

	it('scrolls by line and page within the page, clamped', () => {
		expect(keys(start(), 'j', 'j').scroll).toBe(2);
		expect(keys(start(), 'k').scroll).toBe(0);
		expect(keys(start(), 'pagedown').scroll).toBe(20);
		expect(keys(start(), 'G').scroll).toBe(80);
		expect(keys(start(), 'G', 'j').scroll).toBe(80);
		expect(keys(start(), 'G', 'pageup', 'g').scroll).toBe(0);
	});

	it('reports a no-op as the same state', () => {
		const s = start();
		expect(keys(s, 'k')).toBe(s);
		expect(keys(s, 'x')).toBe(s);
		expect(analyticsReducer(s, {type: 'layout', layout: {...LAYOUT, panels: {...LAYOUT.panels}}})).toBe(s);
	});

	it('Tab walks the panels and brings each into view', () => {
		const s = keys(start(), 'tab');
		expect([s.focus, s.scroll]).toEqual(['heatmap', 10]);
		expect(keys(s, 'tab', 'tab').focus).toBe('histograms');
		const split = keys(start(), 'tab', 'tab', 'tab', 'tab', 'tab');
		expect([split.focus, split.scroll]).toEqual(['split', 80]);
		expect(keys(split, 'tab').focus).toBe('activity');
	});

	it('moves the day from the newest cell, clamped; the selection survives regrouping', () => {
		const s = start();
		expect(selectedSlot(s)).toEqual({kind: 'days', first: '2026-11-03', last: '2026-11-04'});
		expect(selectedSlot(keys(s, 'h'))).toEqual({kind: 'days', first: '2026-11-02', last: '2026-11-02'});
		expect(keys(s, 'left', 'left', 'left', 'left').dayBack).toBe(2);
		expect(keys(s, 'right')).toBe(s);
		const narrower = analyticsReducer(keys(s, 'h', 'h'), {type: 'layout', layout: {...LAYOUT, dayCells: LAYOUT.dayCells.slice(1)}});
		expect(narrower.dayBack).toBe(1);
	});

	it('walks the heatmap from the busiest hour: ←/→ by hour along the week, ↑/↓ by weekday', () => {
		const h = keys(start(), 'tab');
		expect(keyModes(h)).toEqual(['analytics-heatmap', 'analytics']);
		expect(selectedSlot(h)).toEqual({kind: 'hour', weekday: 2, hour: 14});
		expect(keys(h, 'l').hour).toEqual({weekday: 2, hour: 15});
		expect(keys(h, 'down', 'down').hour).toEqual({weekday: 4, hour: 14});
		expect(keys(h, 'up', 'up', 'up', 'up').hour).toEqual({weekday: 0, hour: 14});
		expect(keys(h, ...Array<string>(10).fill('right')).hour).toEqual({weekday: 3, hour: 0});
		// ↓ scrolls the page when the heatmap does not have the focus.
		expect(keys(start(), 'down').scroll).toBe(1);
		expect(keys(h, 'j').scroll).toBe(11);
	});

	it('Enter lists the selected slot; the list moves, opens and closes', () => {
		let s = keys(start(), 'h', 'enter');
		expect(s.mode).toBe('drill');
		expect(s.drill?.slot).toEqual({kind: 'days', first: '2026-11-02', last: '2026-11-02'});
		s = analyticsReducer(s, {type: 'drill-total', total: 5});
		s = keys(s, 'j', 'j', 'j');
		expect(s.drill?.list).toMatchObject({cursor: 3, offset: 1});
		s = keys(s, 'enter');
		expect(s.request).toMatchObject({kind: 'open', index: 3});
		s = analyticsReducer(s, {type: 'handled', seq: s.request!.seq});
		expect(s.request).toBeNull();
		s = keys(s, '?');
		expect(s.mode).toBe('help');
		expect(keys(s, 'esc').mode).toBe('drill');
		const back = keys(s, 'esc', 'esc');
		expect([back.mode, back.drill]).toEqual(['page', null]);
		expect(back.request).toBeNull();
	});

	it('keeps keys that arrive with Enter, before the list is counted', () => {
		let s = analyticsReducer(start(), {type: 'input', input: '\rjjG', key: inkKey('j').key});
		expect(s.drill?.list.cursor).toBeGreaterThan(1000);
		s = analyticsReducer(s, {type: 'drill-total', total: 4});
		expect(s.drill?.list).toMatchObject({cursor: 3, offset: 1, height: 3, total: 4});
		s = analyticsReducer(keys(start(), 'enter', 'j', 'j'), {type: 'drill-total', total: 6});
		expect(s.drill?.list.cursor).toBe(2);
	});

	it('Enter does nothing on a panel without a selection, and opens nothing in an empty list', () => {
		const tools = keys(start(), 'tab', 'tab');
		expect(keys(tools, 'enter')).toBe(tools);
		const empty = analyticsReducer(keys(start(), 'enter'), {type: 'drill-total', total: 0});
		expect(keys(empty, 'enter').request).toBeNull();
	});

	it('toggles the tools, sorts the models, cycles the period', () => {
		expect(keys(start(), 'e').toolsExpanded).toBe(true);
		expect(keys(start(), 'e', 'e').toolsExpanded).toBe(false);
		expect(keys(start(), 's').modelSort).toEqual({key: 'avg', dir: 'desc'});
		expect(keys(start(), 'S', 'S').modelSort).toEqual({key: 'model', dir: 'asc'});
		expect(keys(start(), 'r').modelSort).toEqual({key: 'total', dir: 'asc'});
		const p = keys(start(), 'h', 'p');
		expect([p.period, p.dayBack]).toEqual(['90d', 0]);
	});

	it('asks to go back or quit, and stops reading keys once it has', () => {
		expect(keys(start(), 'esc').request).toMatchObject({kind: 'back'});
		expect(keys(start(), 'backspace').request).toMatchObject({kind: 'back'});
		const q = analyticsReducer(start(), {type: 'input', input: 'qj', key: inkKey('q').key});
		expect([q.request?.kind, q.scroll]).toEqual(['quit', 0]);
		expect(keys(start(), 'ctrl+c').request).toMatchObject({kind: 'quit'});
	});

	it('handles a chunk of keys one by one', () => {
		const s = analyticsReducer(start(), {type: 'input', input: 'jjjhe', key: inkKey('j').key});
		expect([s.scroll, s.dayBack, s.toolsExpanded]).toEqual([3, 1, true]);
	});

	it('re-reads on a refresh only when something moved', () => {
		const s = start();
		expect(analyticsReducer(s, {type: 'refreshed', version: 0, now: 1000})).toBe(s);
		expect(analyticsReducer(s, {type: 'refreshed', version: 1, now: 2000})).toMatchObject({version: 1, now: 2000});
	});
});
