// The Sessions screen's state machine. Raw key presses come in and are resolved here against the keymap
// with the state's own mode, so several keys arriving in one chunk each see the mode the previous one left.
// Side effects (quit, open a session, load a picker's choices) leave as a `request` the screen carries out.
import {keyPresses, resolveKey, type KeyAction, type KeyPress} from '../keymap.js';
import * as lw from './list-window.js';
import {
	clearFilters, nextPeriod, nextStatus, reverseSort, stepSort, type FilterState, type ListFilters,
} from './sessions-filters.js';

export type PickerColumn = 'model' | 'project' | 'agent';

export interface PickerOption {
	/** '' is the "any" choice that removes the filter. */
	value: string;
	sessions: number;
}

export interface Picker {
	column: PickerColumn;
	/** null until the screen has loaded them. */
	options: PickerOption[] | null;
	/** Typed text: only choices containing it (any case) are listed; "any" always is. */
	query: string;
	/** Over the choices the query leaves. */
	list: lw.ListWindow;
}

/** The choices a picker lists for what was typed: "any" (clears the filter) first, then those that contain it. */
export function pickerChoices(picker: Picker): PickerOption[] {
	const options = picker.options ?? [];
	const q = picker.query.toLowerCase();
	return q ? options.filter((o) => o.value === '' || o.value.toLowerCase().includes(q)) : options;
}

/** A new query: the list of choices starts again, on the first one that matches it (after "any"). */
function narrow(state: SessionsState, query: string): SessionsState {
	if (!state.picker) return state;
	const picker = {...state.picker, query};
	const total = pickerChoices(picker).length;
	const list = lw.moveTo(lw.reset(picker.list, total), query && total > 1 ? 1 : 0);
	return {...state, picker: {...picker, list}};
}

type RequestBody = {kind: 'quit'} | {kind: 'open'; index: number} | {kind: 'toggle'; index: number}
	| {kind: 'copy' | 'page' | 'edit' | 'resume'; index: number} | {kind: 'load-picker'; column: PickerColumn} | {kind: 'insights'} | {kind: 'analytics'} | {kind: 'find'} | {kind: 'projects'};

/** `rest`: on a request for another screen, the keys that came after it in the same read, for that screen. */
export type SessionsRequest = RequestBody & {seq: number; rest?: Array<{input: string; key: KeyPress}>};

/** Requests that open another screen: the keys after them belong to it. */
const LEAVING: ReadonlySet<RequestBody['kind']> = new Set(['open', 'insights', 'analytics', 'find', 'projects']);

export type SessionsMode = 'list' | 'search' | 'picker' | 'help' | 'problems';

/**
 * The row selected when the sort changed, in the order it was selected in. The screen finds that session
 * in the list it is about to show (once a typed search has its matches) and dispatches `located`.
 */
export interface SortAnchor {
	index: number;
	sort: ListFilters['sort'];
	sortDir: ListFilters['sortDir'];
}

export interface SessionsState extends FilterState {
	mode: SessionsMode;
	list: lw.ListWindow;
	/** The clock the period window is computed from; it moves with every sync. */
	now: number;
	/** Data version of the rows on screen (bumped when a sync changed the index). */
	version: number;
	picker: Picker | null;
	/** Why the last key did nothing here (the status bar shows it until the next key). */
	hint: string | null;
	/** Parents whose subagents are shown under them (IDs; the screen resolves the row under the cursor). */
	expanded: readonly string[];
	/** A sort change waiting to put the cursor back on its session (null: none). */
	anchor: SortAnchor | null;
	/** The problems list's first line shown, and the most it may be (lines less the height; set by the screen). */
	problems: {scroll: number; max: number};
	request: SessionsRequest | null;
	seq: number;
}

export type SessionsAction =
	/** `now`: the clock when the key was pressed (a period chosen now is measured from it). */
	| {type: 'input'; input: string; key: KeyPress; now?: number}
	| {type: 'resize'; height: number}
	| {type: 'total'; total: number}
	| {type: 'refreshed'; version: number; now: number; total: number; index: number | null}
	/** Where the anchored session is in the re-sorted list (null: the list no longer has it). */
	| {type: 'located'; index: number | null}
	| {type: 'picker-loaded'; column: PickerColumn; options: PickerOption[]}
	/** Filters and period another screen ended with (Analytics, Insights): one period across the explorer. */
	| {type: 'adopt'; filters: FilterState}
	| {type: 'problems-size'; max: number}
	/** The parents now open (after a toggle the screen resolved). */
	| {type: 'expanded'; ids: readonly string[]}
	/** A key did nothing here: why, for the status bar. */
	| {type: 'hint'; text: string}
	| {type: 'handled'; seq: number};

export function initialSessionsState(filters: FilterState, now: number, height: number, total = 0): SessionsState {
	return {
		...filters, mode: 'list', list: lw.reset({...lw.EMPTY_WINDOW, height: Math.max(1, height)}, total),
		now, version: 0, picker: null, hint: null, expanded: [], anchor: null, problems: {scroll: 0, max: 0}, request: null, seq: 0,
	};
}

function request(state: SessionsState, body: RequestBody): SessionsState {
	const seq = state.seq + 1;
	return {...state, seq, request: {...body, seq}};
}

/** A new list (filter or period changed): back to the top. */
function refilter(state: SessionsState, next: Partial<FilterState>): SessionsState {
	return {...state, ...next, list: lw.reset(state.list), anchor: null};
}

/**
 * A new order of the same sessions: the cursor stays on its session, which the screen locates. Several
 * sort keys before it has keep the first anchor: that is the order the selection was made in.
 */
function resort(state: SessionsState, filters: ListFilters): SessionsState {
	if (state.list.total === 0) return {...state, filters};
	const anchor = state.anchor ?? {index: state.list.cursor, sort: state.filters.sort, sortDir: state.filters.sortDir};
	return {...state, filters, anchor};
}

/** The re-sorted list has the anchored session at `index`: the cursor goes there, on the same screen line where it can. */
function locate(state: SessionsState, index: number | null): SessionsState {
	if (!state.anchor) return state;
	const list = index === null ? lw.reset(state.list) : lw.place(state.list, index);
	// A key that acted on the selected row before it was located (Enter in the same chunk as `s`) acts on it now.
	const request = state.request && 'index' in state.request ? {...state.request, index: list.cursor} : state.request;
	return {...state, list, anchor: null, request};
}

/** Unchanged filters keep the list where it is (cursor and scroll): nothing to redo. */
function sameFilterState(a: FilterState, b: FilterState): boolean {
	return a.period === b.period && (b.now === undefined || a.now === b.now) && JSON.stringify([a.filters, a.custom]) === JSON.stringify([b.filters, b.custom]);
}

function setFilters(state: SessionsState, filters: ListFilters): SessionsState {
	return refilter(state, {filters});
}

function movePicker(state: SessionsState, update: (w: lw.ListWindow) => lw.ListWindow): SessionsState {
	if (!state.picker) return state;
	const list = update(state.picker.list);
	return list === state.picker.list ? state : {...state, picker: {...state.picker, list}};
}

function scrollProblems(state: SessionsState, by: number): SessionsState {
	const scroll = Math.max(0, Math.min(state.problems.max, state.problems.scroll + by));
	return scroll === state.problems.scroll ? state : {...state, problems: {...state.problems, scroll}};
}

function onKey(state: SessionsState, action: KeyAction): SessionsState {
	const picking = state.mode === 'picker';
	if (state.mode === 'problems' && (action === 'cursor-down' || action === 'cursor-up')) return scrollProblems(state, action === 'cursor-down' ? 1 : -1);
	switch (action) {
		case 'cursor-down': return picking ? movePicker(state, (w) => lw.moveBy(w, 1)) : withList(state, lw.moveBy(state.list, 1));
		case 'cursor-up': return picking ? movePicker(state, (w) => lw.moveBy(w, -1)) : withList(state, lw.moveBy(state.list, -1));
		case 'page-down': return withList(state, lw.page(state.list, 1));
		case 'page-up': return withList(state, lw.page(state.list, -1));
		case 'first': return withList(state, lw.moveTo(state.list, 0));
		case 'last': return withList(state, lw.moveTo(state.list, state.list.total - 1));
		case 'open': return state.list.total > 0 ? request(state, {kind: 'open', index: state.list.cursor}) : state;
		// A new search starts empty: typing after `/` never appends to the one kept before.
		case 'search': return {...(state.filters.search ? setFilters(state, {...state.filters, search: ''}) : state), mode: 'search'};
		case 'search-accept': return {...state, mode: 'list'};
		case 'search-cancel':
			if (!state.filters.search && state.mode === 'list') return {...state, hint: 'no search to clear'};
			return {...(state.filters.search ? setFilters(state, {...state.filters, search: ''}) : state), mode: 'list'};
		case 'search-delete': {
			if (picking) return state.picker?.query ? narrow(state, Array.from(state.picker.query).slice(0, -1).join('')) : state;
			const chars = Array.from(state.filters.search);
			return chars.length ? setFilters(state, {...state.filters, search: chars.slice(0, -1).join('')}) : state;
		}
		case 'status-next': return setFilters(state, {...state.filters, status: nextStatus(state.filters.status)});
		case 'period-next': return refilter(state, {period: nextPeriod(state.period)});
		case 'clear-filters': {
			const cleared = clearFilters(state);
			return cleared === state ? state : refilter(state, cleared);
		}
		case 'sort-next': return resort(state, stepSort(state.filters, 1));
		case 'sort-prev': return resort(state, stepSort(state.filters, -1));
		case 'sort-reverse': return resort(state, reverseSort(state.filters));
		case 'pick-model': return openPicker(state, 'model');
		case 'pick-project': return openPicker(state, 'project');
		case 'pick-agent': return openPicker(state, 'agent');
		case 'choose': return choose(state);
		case 'back': return {...state, mode: 'list', picker: null};
		case 'help': return {...state, mode: 'help'};
		case 'problems': return {...state, mode: 'problems', problems: {...state.problems, scroll: 0}};
		case 'close': return {...state, mode: 'list'};
		case 'quit': return request(state, {kind: 'quit'});
		case 'insights': return request(state, {kind: 'insights'});
		case 'analytics': return request(state, {kind: 'analytics'});
		case 'find': return request(state, {kind: 'find'});
		case 'projects': return request(state, {kind: 'projects'});
		case 'find-next': case 'find-prev': return state;
		case 'copy': case 'page': case 'edit': case 'resume':
			return state.list.total > 0 ? request(state, {kind: action, index: state.list.cursor}) : {...state, hint: 'no session selected'};
		case 'select-prev': case 'select-next': case 'select-up': case 'select-down': case 'drill': case 'retry': return state;
		case 'expand': return state.mode === 'list' && state.list.total > 0 ? request(state, {kind: 'toggle', index: state.list.cursor}) : state;
		case 'tab-next': case 'detail-down': case 'detail-up': case 'replay': case 'replay-stop': case 'sub-sessions': case 'export': case 'toggle-thinking':
		case 'replay-pause': case 'replay-faster': case 'replay-slower': case 'replay-step': return state;
		default: {
			const never: never = action;
			return never;
		}
	}
}

function withList(state: SessionsState, list: lw.ListWindow): SessionsState {
	return list === state.list ? state : {...state, list};
}

function openPicker(state: SessionsState, column: PickerColumn): SessionsState {
	const picker: Picker = {column, options: null, query: '', list: {...lw.EMPTY_WINDOW, height: state.list.height}};
	return request({...state, mode: 'picker', picker}, {kind: 'load-picker', column});
}

function choose(state: SessionsState): SessionsState {
	const option = state.picker ? pickerChoices(state.picker)[state.picker.list.cursor] : undefined;
	if (!state.picker || !option) return state;
	return {...setFilters(state, {...state.filters, [state.picker.column]: option.value}), mode: 'list', picker: null};
}

export function sessionsReducer(state: SessionsState, action: SessionsAction): SessionsState {
	switch (action.type) {
		case 'input': {
			const presses = keyPresses(action.input, action.key);
			// Another screen is on its way: this key is for it.
			if (state.request && LEAVING.has(state.request.kind)) return {...state, request: {...state.request, rest: [...state.request.rest ?? [], ...presses]}};
			let next = state.hint === null ? state : {...state, hint: null};
			for (const [at, press] of presses.entries()) {
				const hit = resolveKey(next.mode, press.input, press.key);
				if (!hit) {
					// A printable key the list does not use says so, instead of seeming lost.
					if (next.mode === 'list' && /^[\x21-\x7e]$/.test(press.input) && !press.key.ctrl) next = {...next, hint: `${press.input} does nothing here · ? lists the keys`};
					continue;
				}
				if (hit.action === 'type') {
					next = next.mode === 'picker' ? narrow(next, (next.picker?.query ?? '') + hit.text) : setFilters(next, {...next.filters, search: next.filters.search + hit.text});
				} else next = onKey(next, hit.action);
				if (hit.action === 'period-next' && action.now !== undefined) next = {...next, now: action.now};
				if (next.request?.kind === 'quit') break;
				if (next.request && LEAVING.has(next.request.kind) && next.request !== state.request) {
					next = {...next, request: {...next.request, rest: presses.slice(at + 1)}};
					break;
				}
			}
			return next;
		}
		case 'resize': {
			const list = lw.resize(state.list, action.height);
			const picker = state.picker ? {...state.picker, list: lw.resize(state.picker.list, action.height)} : null;
			return list === state.list && picker?.list === state.picker?.list ? state : {...state, list, picker};
		}
		case 'total': return withList(state, lw.withTotal(state.list, action.total));
		case 'refreshed':
			return {...state, version: action.version, now: action.now, list: lw.follow(state.list, action.index, action.total)};
		case 'located': return locate(state, action.index);
		case 'picker-loaded': {
			if (state.picker?.column !== action.column) return state;
			const picker = {...state.picker, options: action.options};
			// Text typed while the choices loaded narrows them now; else the cursor starts on the current filter.
			if (picker.query) return narrow({...state, picker}, picker.query);
			const current = Math.max(0, action.options.findIndex((o) => o.value === state.filters[action.column]));
			const list = lw.moveTo({...lw.EMPTY_WINDOW, height: state.picker.list.height, total: action.options.length}, current);
			return {...state, picker: {...picker, list}};
		}
		case 'problems-size': {
			const max = Math.max(0, action.max);
			return max === state.problems.max ? state : {...state, problems: {max, scroll: Math.min(state.problems.scroll, max)}};
		}
		case 'expanded': return {...state, expanded: action.ids};
		case 'hint': return {...state, hint: action.text};
		case 'adopt': return sameFilterState(state, action.filters) ? state : refilter(state, {...action.filters, now: action.filters.now ?? state.now});
		case 'handled': return state.request?.seq === action.seq ? {...state, request: null} : state;
		default: {
			const never: never = action;
			return never;
		}
	}
}
