// The Analytics screen's state machine: a scrolling page of panels, a focused panel, the selected day
// (activity) and hour of the week (heatmap), the tools list's size, the model table's sort, and the
// drill-down list of one day's or hour's sessions. Keys are resolved here against the keymap; what the
// screen must do (go back, quit, open a session) leaves as a `request`.
import {keyPresses, resolveKey, type KeyAction, type KeyMode, type KeyPress} from '../keymap.js';
import {readPresses, type Press} from './leaving.js';
import * as lw from './list-window.js';
import {nextPeriod, type FilterState} from './sessions-filters.js';
import {DEFAULT_MODEL_SORT, stepModelSort, type ModelSort} from './analytics-charts.js';
import type {DrillSlot} from './analytics-slot.js';

export const PANELS = ['activity', 'heatmap', 'tools', 'histograms', 'models', 'split'] as const;
export type AnalyticsPanel = (typeof PANELS)[number];

export interface HourOfWeek {
	weekday: number;
	hour: number;
}

/** What the screen measured of the page it drew; the reducer scrolls and clamps against it. */
export interface AnalyticsLayout {
	lines: number;
	/** Lines of the page on screen at once. */
	height: number;
	/** First line of each panel. */
	panels: Record<AnalyticsPanel, number>;
	/** Day range of each activity cell, oldest first. */
	dayCells: ReadonlyArray<{first: string; last: string}>;
	/** Where the heatmap cursor starts: the busiest hour. */
	busiest: HourOfWeek;
	/** Rows of the drill-down list on screen. */
	drillHeight: number;
}

type RequestBody = {kind: 'back'} | {kind: 'quit'} | {kind: 'open'; index: number};
/** `rest`: on a request for another screen, the keys read after it, for that screen (see leaving.ts). */
export type AnalyticsRequest = RequestBody & {seq: number; rest?: Press[]};

export interface AnalyticsState extends FilterState {
	mode: 'page' | 'drill' | 'help';
	focus: AnalyticsPanel;
	scroll: number;
	layout: AnalyticsLayout;
	/** Selected activity cell counted from the newest (0), so it stays put when the width regroups days. */
	dayBack: number;
	/** null until the user moves it: then it is the busiest hour. */
	hour: HourOfWeek | null;
	toolsExpanded: boolean;
	modelSort: ModelSort;
	drill: {slot: DrillSlot; list: lw.ListWindow} | null;
	/** Enter came before the screen had measured its page (no day cells yet): it lists once the layout comes. */
	drillWaiting: boolean;
	now: number;
	version: number;
	request: AnalyticsRequest | null;
	seq: number;
}

export type AnalyticsAction =
	/** `now`: the clock when the key was pressed (a period chosen now is measured from it). */
	| {type: 'input'; input: string; key: KeyPress; now?: number}
	| {type: 'layout'; layout: AnalyticsLayout}
	| {type: 'drill-total'; total: number}
	| {type: 'refreshed'; version: number; now: number}
	| {type: 'handled'; seq: number};

const NO_PANELS: Record<AnalyticsPanel, number> = {activity: 0, heatmap: 0, tools: 0, histograms: 0, models: 0, split: 0};
export const EMPTY_LAYOUT: AnalyticsLayout = {lines: 0, height: 1, panels: NO_PANELS, dayCells: [], busiest: {weekday: 0, hour: 0}, drillHeight: 1};

/**
 * The drill-down's length until the screen has counted its rows: keys that arrive in the same chunk as
 * Enter move the cursor unclamped, and the count clamps it when it lands, so no key is lost.
 */
const UNCOUNTED = Number.MAX_SAFE_INTEGER;

export function initialAnalyticsState(filters: FilterState, now: number, version = 0): AnalyticsState {
	return {
		...filters, mode: 'page', focus: 'activity', scroll: 0, layout: EMPTY_LAYOUT, dayBack: 0, hour: null,
		toolsExpanded: false, modelSort: DEFAULT_MODEL_SORT, drill: null, drillWaiting: false, now: filters.now ?? now, version, request: null, seq: 0,
	};
}

function request(state: AnalyticsState, body: RequestBody): AnalyticsState {
	const seq = state.seq + 1;
	return {...state, seq, request: {...body, seq}};
}

const maxScroll = (l: AnalyticsLayout) => Math.max(0, l.lines - l.height);

function scrollTo(state: AnalyticsState, scroll: number): AnalyticsState {
	const next = Math.min(Math.max(0, scroll), maxScroll(state.layout));
	return next === state.scroll ? state : {...state, scroll: next};
}

/** The panel's first line at the top of the view, unless the whole page fits. */
function focusPanel(state: AnalyticsState, focus: AnalyticsPanel): AnalyticsState {
	return scrollTo({...state, focus}, state.layout.panels[focus]);
}

/** Moves the heatmap cursor by hours along the week (wrapping) or by weekdays (clamped). */
function moveHour(state: AnalyticsState, hours: number, days: number): AnalyticsState {
	const from = state.hour ?? state.layout.busiest;
	const weekday = Math.min(6, Math.max(0, from.weekday + days));
	const linear = (((weekday * 24 + from.hour + hours) % 168) + 168) % 168;
	const hour = {weekday: Math.floor(linear / 24), hour: linear % 24};
	return hour.weekday === state.hour?.weekday && hour.hour === state.hour.hour ? state : {...state, hour};
}

function moveDay(state: AnalyticsState, delta: number): AnalyticsState {
	const dayBack = Math.min(Math.max(0, state.dayBack - delta), Math.max(0, state.layout.dayCells.length - 1));
	return dayBack === state.dayBack ? state : {...state, dayBack};
}

function select(state: AnalyticsState, delta: number): AnalyticsState {
	if (state.focus === 'activity') return moveDay(state, delta);
	if (state.focus === 'heatmap') return moveHour(state, delta, 0);
	return state;
}

/** The slot Enter lists: the selected activity cell, or the selected hour of the week. */
export function selectedSlot(state: AnalyticsState): DrillSlot | null {
	if (state.focus === 'heatmap') return {kind: 'hour', ...(state.hour ?? state.layout.busiest)};
	if (state.focus !== 'activity') return null;
	const cells = state.layout.dayCells;
	const cell = cells[cells.length - 1 - Math.min(state.dayBack, cells.length - 1)];
	return cell ? {kind: 'days', first: cell.first, last: cell.last} : null;
}

function drill(state: AnalyticsState): AnalyticsState {
	const slot = selectedSlot(state);
	if (!slot) return state;
	return {...state, mode: 'drill', drill: {slot, list: {...lw.EMPTY_WINDOW, height: state.layout.drillHeight, total: UNCOUNTED}}};
}

function moveDrill(state: AnalyticsState, update: (w: lw.ListWindow) => lw.ListWindow): AnalyticsState {
	if (!state.drill) return state;
	const list = update(state.drill.list);
	return list === state.drill.list ? state : {...state, drill: {...state.drill, list}};
}

function onKey(state: AnalyticsState, action: KeyAction): AnalyticsState {
	const inDrill = state.mode === 'drill';
	const page = (n: number) => (inDrill ? moveDrill(state, (w) => lw.moveBy(w, n)) : scrollTo(state, state.scroll + n));
	switch (action) {
		case 'cursor-down': return page(1);
		case 'cursor-up': return page(-1);
		case 'page-down': return inDrill ? moveDrill(state, (w) => lw.page(w, 1)) : scrollTo(state, state.scroll + state.layout.height);
		case 'page-up': return inDrill ? moveDrill(state, (w) => lw.page(w, -1)) : scrollTo(state, state.scroll - state.layout.height);
		case 'first': return inDrill ? moveDrill(state, (w) => lw.moveTo(w, 0)) : scrollTo(state, 0);
		case 'last': return inDrill ? moveDrill(state, (w) => lw.moveTo(w, w.total - 1)) : scrollTo(state, maxScroll(state.layout));
		case 'tab-next': return focusPanel(state, PANELS[(PANELS.indexOf(state.focus) + 1) % PANELS.length]!);
		case 'select-prev': return select(state, -1);
		case 'select-next': return select(state, 1);
		case 'select-up': return moveHour(state, 0, -1);
		case 'select-down': return moveHour(state, 0, 1);
		// The first frame is drawn before its layout reaches the reducer: an Enter in between waits for it.
		case 'drill': return state.layout === EMPTY_LAYOUT ? {...state, drillWaiting: true} : drill(state);
		case 'open': return state.drill && state.drill.list.total > 0 ? request(state, {kind: 'open', index: state.drill.list.cursor}) : state;
		case 'expand': return {...state, toolsExpanded: !state.toolsExpanded};
		case 'sort-next': return {...state, modelSort: stepModelSort(state.modelSort, 1)};
		case 'sort-prev': return {...state, modelSort: stepModelSort(state.modelSort, -1)};
		case 'sort-reverse': return {...state, modelSort: {...state.modelSort, dir: state.modelSort.dir === 'asc' ? 'desc' : 'asc'}};
		case 'period-next': return {...state, period: nextPeriod(state.period), dayBack: 0, drill: null, mode: 'page'};
		case 'back': return inDrill ? {...state, mode: 'page', drill: null} : request(state, {kind: 'back'});
		case 'help': return {...state, mode: 'help'};
		case 'close': return {...state, mode: state.drill ? 'drill' : 'page'};
		case 'quit': return request(state, {kind: 'quit'});
		// Other screens' actions never resolve in this screen's modes.
		default: return state;
	}
}

/** The keymap modes a key is looked up in, first match wins: the heatmap's arrows sit over the page's keys. */
export function keyModes(state: Pick<AnalyticsState, 'mode' | 'focus'>): KeyMode[] {
	if (state.mode === 'help') return ['help'];
	if (state.mode === 'drill') return ['analytics-drill'];
	return state.focus === 'heatmap' ? ['analytics-heatmap', 'analytics'] : ['analytics'];
}

function resolve(state: AnalyticsState, input: string, key: KeyPress): KeyAction | null {
	for (const mode of keyModes(state)) {
		const hit = resolveKey(mode, input, key);
		if (hit && hit.action !== 'type') return hit.action;
	}
	return null;
}

function sameLayout(a: AnalyticsLayout, b: AnalyticsLayout): boolean {
	return a.lines === b.lines && a.height === b.height && a.drillHeight === b.drillHeight && a.busiest.weekday === b.busiest.weekday && a.busiest.hour === b.busiest.hour
		&& PANELS.every((p) => a.panels[p] === b.panels[p]) && a.dayCells.length === b.dayCells.length
		&& a.dayCells.every((c, i) => c.first === b.dayCells[i]!.first && c.last === b.dayCells[i]!.last);
}

export function analyticsReducer(state: AnalyticsState, action: AnalyticsAction): AnalyticsState {
	switch (action.type) {
		case 'input': {
			return readPresses(state, keyPresses(action.input, action.key), (next, press) => {
				const hit = resolve(next, press.input, press.key);
				const after = hit ? onKey(next, hit) : next;
				return hit === 'period-next' && action.now !== undefined ? {...after, now: action.now} : after;
			}, (kind) => kind !== 'quit');
		}
		case 'layout': {
			if (sameLayout(state.layout, action.layout)) return state;
			const dayBack = Math.min(state.dayBack, Math.max(0, action.layout.dayCells.length - 1));
			const list = state.drill && {...state.drill, list: lw.resize(state.drill.list, action.layout.drillHeight)};
			const next = scrollTo({...state, layout: action.layout, dayBack, drill: list}, state.scroll);
			return state.drillWaiting ? drill({...next, drillWaiting: false}) : next;
		}
		case 'drill-total': {
			if (!state.drill) return state;
			const list = lw.withTotal(state.drill.list, action.total);
			return list === state.drill.list ? state : {...state, drill: {...state.drill, list}};
		}
		case 'refreshed':
			return action.version === state.version && action.now === state.now ? state : {...state, version: action.version, now: action.now};
		case 'handled': return state.request?.seq === action.seq ? {...state, request: null} : state;
		default: {
			const never: never = action;
			return never;
		}
	}
}
