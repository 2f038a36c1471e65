// The Insights screen's state machine: three tabs (charts, recent summaries, worker and failures), the
// period and filters it was opened with, and a cursor or scroll position per tab. Raw key presses are
// resolved against the keymap here, one by one, so keys arriving in one chunk each see the state the
// previous one left. Side effects (back, quit, open a session) leave as a `request` the screen carries out.
import {keyPresses, resolveKey, type KeyAction, type KeyPress} from '../keymap.js';
import {readPresses, settle, type Press} from './leaving.js';
import * as lw from './list-window.js';
import {clearFilters, nextPeriod, type FilterState} from './sessions-filters.js';

export const INSIGHTS_TABS = ['charts', 'summaries', 'worker'] as const;
export type InsightsTab = (typeof INSIGHTS_TABS)[number];

export const TAB_TITLES: Readonly<Record<InsightsTab, string>> = {charts: 'Charts', summaries: 'Recent summaries', worker: 'Worker & failures'};

type RequestBody = {kind: 'back'} | {kind: 'quit'} | {kind: 'open'; tab: 'summaries' | 'worker'; index: number};
/** `rest`: on a request for another screen, the keys read after it, for that screen (see leaving.ts). */
export type InsightsRequest = RequestBody & {seq: number; rest?: Press[]};

export interface InsightsState extends FilterState {
	mode: 'insights' | 'help';
	tab: InsightsTab;
	/** Every category of each distribution, or the top five. */
	expanded: boolean;
	/** The charts tab scrolls as text: the cursor is the first line shown. */
	charts: lw.ListWindow;
	summaries: lw.ListWindow;
	failures: lw.ListWindow;
	request: InsightsRequest | null;
	seq: number;
}

/** How much there is to show and how much fits, from the screen after each render. */
export interface InsightsLayout {
	chartLines: number;
	chartHeight: number;
	summaries: number;
	summaryRows: number;
	failures: number;
	failureRows: number;
}

export type InsightsAction =
	/** `now`: the clock when the key was pressed (a period chosen now is measured from it). */
	| {type: 'input'; input: string; key: KeyPress; now?: number}
	/** A sync moved the clock under a sliding period. */
	| {type: 'clock'; now: number}
	| ({type: 'layout'} & InsightsLayout)
	/**
	 * The request was carried out; with `unmet`, it could not be (the session left the list under a sync), and
	 * the keys it kept are read here after all instead of being lost.
	 */
	| {type: 'handled'; seq: number; unmet?: boolean};

export const COLLAPSED_ENTRIES = 5;

export function initialInsightsState(filters: FilterState, tab: InsightsTab = 'charts'): InsightsState {
	return {
		...filters, mode: 'insights', tab, expanded: false,
		charts: lw.EMPTY_WINDOW, summaries: lw.EMPTY_WINDOW, failures: lw.EMPTY_WINDOW, request: null, seq: 0,
	};
}

function request(state: InsightsState, body: RequestBody): InsightsState {
	const seq = state.seq + 1;
	return {...state, seq, request: {...body, seq}};
}

/** The charts tab scrolls by whole screens' worth of lines: its window's cursor is the top line, kept ≤ total − height. */
function scrollCharts(w: lw.ListWindow, top: number): lw.ListWindow {
	const max = Math.max(0, w.total - w.height);
	const at = Math.min(Math.max(top, 0), max);
	return at === w.cursor && at === w.offset ? w : {...w, cursor: at, offset: at};
}

type ListKey = 'charts' | 'summaries' | 'failures';
const listOf = (tab: InsightsTab): ListKey => (tab === 'worker' ? 'failures' : tab);

function move(state: InsightsState, how: 'by' | 'page' | 'to', n: number): InsightsState {
	const key = listOf(state.tab);
	const w = state[key];
	let next: lw.ListWindow;
	if (key === 'charts') next = scrollCharts(w, how === 'to' ? n : w.cursor + (how === 'page' ? n * Math.max(1, w.height - 1) : n));
	else next = how === 'to' ? lw.moveTo(w, n) : how === 'page' ? lw.page(w, n as 1 | -1) : lw.moveBy(w, n);
	return next === w ? state : {...state, [key]: next};
}

function onKey(state: InsightsState, action: KeyAction): InsightsState {
	switch (action) {
		case 'cursor-down': return move(state, 'by', 1);
		case 'cursor-up': return move(state, 'by', -1);
		case 'page-down': return move(state, 'page', 1);
		case 'page-up': return move(state, 'page', -1);
		case 'first': return move(state, 'to', 0);
		case 'last': return move(state, 'to', Number.MAX_SAFE_INTEGER);
		case 'tab-next': {
			const tab = INSIGHTS_TABS[(INSIGHTS_TABS.indexOf(state.tab) + 1) % INSIGHTS_TABS.length]!;
			return {...state, tab};
		}
		case 'expand': return {...state, expanded: !state.expanded, charts: scrollCharts(state.charts, 0)};
		case 'open': {
			if (state.tab === 'charts') return state;
			const w = state[listOf(state.tab)];
			return w.total > 0 ? request(state, {kind: 'open', tab: state.tab, index: w.cursor}) : state;
		}
		case 'period-next': return refilter(state, {period: nextPeriod(state.period)});
		case 'clear-filters': {
			const cleared = clearFilters(state);
			return cleared === state ? state : refilter(state, cleared);
		}
		case 'help': return {...state, mode: 'help'};
		case 'close': return {...state, mode: 'insights'};
		case 'back': return request(state, {kind: 'back'});
		case 'quit': return request(state, {kind: 'quit'});
		default: return state;
	}
}

/** Other sessions are selected: every list starts again from the top. */
function refilter(state: InsightsState, next: Partial<FilterState>): InsightsState {
	return {...state, ...next, charts: scrollCharts(state.charts, 0), summaries: lw.reset(state.summaries), failures: lw.reset(state.failures)};
}

function layout(state: InsightsState, l: InsightsLayout): InsightsState {
	const chartsSized = {...state.charts, height: Math.max(1, l.chartHeight), total: l.chartLines};
	const charts = scrollCharts(chartsSized, state.charts.cursor);
	const sameCharts = charts.cursor === state.charts.cursor && charts.height === state.charts.height && charts.total === state.charts.total;
	const summaries = lw.withTotal(lw.resize(state.summaries, l.summaryRows), l.summaries);
	const failures = lw.withTotal(lw.resize(state.failures, l.failureRows), l.failures);
	if (sameCharts && summaries === state.summaries && failures === state.failures) return state;
	return {...state, charts: sameCharts ? state.charts : charts, summaries, failures};
}

/** Reads a chunk of presses; `now` is when they were pressed. */
function readInput(state: InsightsState, presses: readonly Press[], now?: number): InsightsState {
	return readPresses(state, presses, (next, press) => {
		const hit = resolveKey(next.mode === 'help' ? 'help' : 'insights', press.input, press.key);
		const after = hit && hit.action !== 'type' ? onKey(next, hit.action) : next;
		return hit?.action === 'period-next' && now !== undefined ? {...after, now} : after;
	}, (kind) => kind !== 'quit');
}

export function insightsReducer(state: InsightsState, action: InsightsAction): InsightsState {
	switch (action.type) {
		case 'input': return readInput(state, keyPresses(action.input, action.key), action.now);
		case 'clock': return state.now === action.now ? state : {...state, now: action.now};
		case 'layout': return layout(state, action);
		case 'handled': return settle(state, action.seq, action.unmet === true, (settled, presses) => readInput(settled, presses));
		default: {
			const never: never = action;
			return never;
		}
	}
}
