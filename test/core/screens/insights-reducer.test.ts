// The Insights screen's reducer: tabs, per-tab cursors and scrolling, period and filters, requests, chunks.
import {describe, expect, it} from 'vitest';
import {initialInsightsState, insightsReducer, type InsightsAction, type InsightsState} from '../../../source/core/screens/insights-reducer.js';
import {initialFilterState} from '../../../source/core/screens/sessions-filters.js';
import {DEFAULT_FILTERS} from '../../../source/core/types.js';
import {keyPresses} from '../../../source/core/keymap.js';
import {inkKey, NO_KEY} from '../../ui/helpers/keys.js';

const LAYOUT = {chartLines: 40, chartHeight: 10, summaries: 10, summaryRows: 4, failures: 3, failureRows: 2};
const start = (layout = LAYOUT): InsightsState =>
	insightsReducer(initialInsightsState(initialFilterState({...DEFAULT_FILTERS, model: 'gpt-5'}, '7d')), {type: 'layout', ...layout});
const key = (name: string): InsightsAction => ({type: 'input', ...inkKey(name)});
const run = (state: InsightsState, ...names: string[]) => names.reduce((s, n) => insightsReducer(s, key(n)), state);

describe('insights reducer', () => {
	it('cycles the tabs with Tab and keeps each tab\'s cursor', () => {
		const s = start();
		expect(s.tab).toBe('charts');
		expect(run(s, 'tab').tab).toBe('summaries');
		expect(run(s, 'tab', 'tab').tab).toBe('worker');
		expect(run(s, 'tab', 'tab', 'tab').tab).toBe('charts');
		const moved = run(s, 'tab', 'j', 'j', 'tab', 'tab', 'tab');
		expect(moved.summaries.cursor).toBe(2);
		expect(moved.charts.cursor).toBe(0);
	});

	it('scrolls the charts as text, never past the last screenful', () => {
		const s = start();
		expect(run(s, 'j', 'j').charts).toMatchObject({cursor: 2, offset: 2});
		expect(run(s, 'G').charts.offset).toBe(30);
		expect(run(s, 'G', 'j').charts.offset).toBe(30);
		expect(run(s, 'pagedown').charts.offset).toBe(9);
		expect(run(s, 'G', 'g').charts.offset).toBe(0);
		expect(run(s, 'k')).toBe(s);
		// Fewer lines than fit: nothing to scroll.
		const short = start({...LAYOUT, chartLines: 6});
		expect(run(short, 'j')).toBe(short);
	});

	it('moves the summary and failure cursors within their lists', () => {
		const s = run(start(), 'tab');
		expect(run(s, 'G').summaries).toMatchObject({cursor: 9, offset: 6});
		expect(run(s, 'j', 'j', 'j', 'j', 'j').summaries).toMatchObject({cursor: 5, offset: 2});
		const w = run(start(), 'tab', 'tab');
		expect(run(w, 'j', 'j', 'j', 'j').failures.cursor).toBe(2);
	});

	it('asks to open the session under the cursor on the summaries and worker tabs only', () => {
		const s = start();
		expect(run(s, 'enter')).toBe(s);
		expect(run(s, 'tab', 'j', 'enter').request).toMatchObject({kind: 'open', tab: 'summaries', index: 1});
		expect(run(s, 'tab', 'tab', 'j', 'enter').request).toMatchObject({kind: 'open', tab: 'worker', index: 1});
		const empty = run(start({...LAYOUT, summaries: 0}), 'tab');
		expect(run(empty, 'enter')).toBe(empty);
	});

	it('cycles the period and clears filters, back at the top of every list', () => {
		const s = run(start(), 'tab', 'j', 'j');
		const p = run(s, 'p');
		expect(p.period).toBe('30d');
		expect(p.summaries.cursor).toBe(0);
		const c = run(s, 'c');
		expect(c.period).toBe('all');
		expect(c.filters.model).toBe('');
		expect(run(c, 'c')).toBe(c);
	});

	it('expands the distributions and scrolls back to the top', () => {
		const s = run(start(), 'j', 'j');
		const e = run(s, 'e');
		expect(e.expanded).toBe(true);
		expect(e.charts.offset).toBe(0);
		expect(run(e, 'e').expanded).toBe(false);
		// On the summaries tab the same key lists them all; the cursor stays on its summary (newest first in both).
		const onSummaries = run(start(), 'tab', 'j', 'j');
		expect(run(onSummaries, 'e')).toMatchObject({expanded: true, summaries: {cursor: 2}});
	});

	it('opens and closes its help, and asks to go back or quit', () => {
		const s = start();
		expect(run(s, '?').mode).toBe('help');
		expect(run(s, '?', 'j')).toEqual(run(s, '?'));
		expect(run(s, '?', 'esc').mode).toBe('insights');
		for (const k of ['esc', 'h', 'left', 'backspace']) expect(run(s, k).request).toMatchObject({kind: 'back'});
		expect(run(s, 'q').request).toMatchObject({kind: 'quit'});
		expect(run(s, 'ctrl+c').request).toMatchObject({kind: 'quit'});
		const asked = run(s, 'q');
		expect(insightsReducer(asked, {type: 'handled', seq: asked.request!.seq}).request).toBeNull();
	});

	it('handles several keys in one chunk, each seeing the state the previous one left, and stops at a request', () => {
		const s = start();
		const chunk = insightsReducer(s, {type: 'input', input: '\tjj\r', key: NO_KEY});
		expect(keyPresses('\tjj\r', NO_KEY)).toHaveLength(4);
		expect(chunk.request).toMatchObject({kind: 'open', tab: 'summaries', index: 2});
		expect(insightsReducer(s, {type: 'input', input: 'qj', key: NO_KEY}).charts.offset).toBe(0);
	});

	it('reads the keys an open kept when the session is gone (they were dropped)', () => {
		const s = start();
		const opened = insightsReducer(s, {type: 'input', input: '\tj\rj', key: NO_KEY});
		expect(opened.request).toMatchObject({kind: 'open', tab: 'summaries', index: 1, rest: [{input: 'j'}]});
		expect(insightsReducer(opened, {type: 'handled', seq: opened.request!.seq, unmet: true})).toMatchObject({request: null, summaries: {cursor: 2}});
		expect(insightsReducer(opened, {type: 'handled', seq: opened.request!.seq}).summaries.cursor).toBe(1);
	});

	it('follows the layout: shorter lists clamp the cursor, an unchanged layout is a no-op', () => {
		const s = run(start(), 'tab', 'G');
		expect(insightsReducer(s, {type: 'layout', ...LAYOUT})).toBe(s);
		expect(insightsReducer(s, {type: 'layout', ...LAYOUT, summaries: 3}).summaries.cursor).toBe(2);
	});
});
