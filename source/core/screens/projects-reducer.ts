// The Projects screen's state machine (`b` on the sessions list): one row per project over the list's
// filters and period, a sort, and a windowed cursor. Raw key presses are resolved against the keymap here,
// one by one, so keys arriving in one chunk each see the state the previous one left. Side effects (back,
// quit, the sessions of a project) leave as a `request` the screen carries out.
import {keyPresses, resolveKey, type KeyAction, type KeyPress} from '../keymap.js';
import {readPresses, settle, type Press} from './leaving.js';
import type {ProjectSort} from '../project-rollup.js';
import * as lw from './list-window.js';
import {clearFilters, nextPeriod, type FilterState} from './sessions-filters.js';

/** The order `s` walks; the first is the one the screen opens with (as `tapedeck projects` sorts). */
export const PROJECT_SORTS: readonly ProjectSort[] = ['cost', 'last-active', 'sessions', 'tokens', 'project'];

export const PROJECT_SORT_TITLES: Readonly<Record<ProjectSort, string>> = {
	cost: 'cost', 'last-active': 'last active', sessions: 'sessions', tokens: 'tokens', project: 'name',
};

/** `open`: the project under the cursor (index into the sorted rows); the screen names it. */
type RequestBody = {kind: 'back'} | {kind: 'quit'} | {kind: 'open'; index: number};
/** `rest`: on a request for another screen, the keys read after it, for that screen (see leaving.ts). */
export type ProjectsRequest = RequestBody & {seq: number; rest?: Press[]};

export interface ProjectsState extends FilterState {
	mode: 'projects' | 'help';
	sort: ProjectSort;
	list: lw.ListWindow;
	/** Why the last key did nothing (the status bar shows it until the next key). */
	hint: string | null;
	request: ProjectsRequest | null;
	seq: number;
}

export type ProjectsAction =
	/** `now`: the clock when the key was pressed (a period chosen now is measured from it). */
	| {type: 'input'; input: string; key: KeyPress; now?: number}
	/** A sync moved the clock under a sliding period. */
	| {type: 'clock'; now: number}
	/** How many projects there are and how many rows fit (from the screen after each render). */
	| {type: 'layout'; total: number; height: number}
	/**
	 * The request was carried out; with `unmet`, it could not be (the project left the list under a sync): why,
	 * for the status bar, and the keys it kept are read here after all instead of being lost.
	 */
	| {type: 'handled'; seq: number; unmet?: string};

export function initialProjectsState(filters: FilterState, height = 1): ProjectsState {
	return {...filters, mode: 'projects', sort: PROJECT_SORTS[0]!, list: {...lw.EMPTY_WINDOW, height: Math.max(1, height)}, hint: null, request: null, seq: 0};
}

function request(state: ProjectsState, body: RequestBody): ProjectsState {
	const seq = state.seq + 1;
	return {...state, seq, request: {...body, seq}};
}

function withList(state: ProjectsState, list: lw.ListWindow): ProjectsState {
	return list === state.list ? state : {...state, list};
}

function stepSort(sort: ProjectSort, step: 1 | -1): ProjectSort {
	const i = PROJECT_SORTS.indexOf(sort);
	return PROJECT_SORTS[(i + step + PROJECT_SORTS.length) % PROJECT_SORTS.length]!;
}

function onKey(state: ProjectsState, action: KeyAction): ProjectsState {
	switch (action) {
		case 'cursor-down': return withList(state, lw.moveBy(state.list, 1));
		case 'cursor-up': return withList(state, lw.moveBy(state.list, -1));
		case 'page-down': return withList(state, lw.page(state.list, 1));
		case 'page-up': return withList(state, lw.page(state.list, -1));
		case 'first': return withList(state, lw.moveTo(state.list, 0));
		case 'last': return withList(state, lw.moveTo(state.list, state.list.total - 1));
		case 'open': return state.list.total > 0 ? request(state, {kind: 'open', index: state.list.cursor}) : {...state, hint: 'no project in this period'};
		// A new order or a new set of projects: back to the top.
		case 'sort-next': case 'sort-prev':
			return {...state, sort: stepSort(state.sort, action === 'sort-next' ? 1 : -1), list: lw.reset(state.list)};
		case 'period-next': return {...state, period: nextPeriod(state.period), list: lw.reset(state.list)};
		case 'clear-filters': {
			const cleared = clearFilters(state);
			return cleared === state ? {...state, hint: 'no filters to clear'} : {...state, ...cleared, list: lw.reset(state.list)};
		}
		case 'help': return {...state, mode: 'help'};
		case 'close': return {...state, mode: 'projects'};
		case 'back': return request(state, {kind: 'back'});
		case 'quit': return request(state, {kind: 'quit'});
		default: return state;
	}
}

/** Reads a chunk of presses; `now` is when they were pressed. */
function readInput(state: ProjectsState, presses: readonly Press[], now?: number): ProjectsState {
	const start = state.hint === null || state.request ? state : {...state, hint: null};
	return readPresses(start, presses, (next, press) => {
		const hit = resolveKey(next.mode, press.input, press.key);
		if (!hit || hit.action === 'type') {
			return next.mode === 'projects' && /^[\x21-\x7e]$/.test(press.input) && !press.key.ctrl ? {...next, hint: `${press.input} does nothing here · ? lists the keys`} : next;
		}
		const after = onKey(next, hit.action);
		return hit.action === 'period-next' && now !== undefined ? {...after, now} : after;
	}, (kind) => kind !== 'quit');
}

export function projectsReducer(state: ProjectsState, action: ProjectsAction): ProjectsState {
	switch (action.type) {
		case 'input': return readInput(state, keyPresses(action.input, action.key), action.now);
		case 'clock': return state.now === action.now ? state : {...state, now: action.now};
		case 'layout': {
			const list = lw.withTotal(lw.resize(state.list, action.height), action.total);
			return withList(state, list);
		}
		case 'handled': {
			const {unmet} = action;
			return settle(state, action.seq, unmet !== undefined, (settled, presses) => {
				const read = readInput(settled, presses);
				return read.hint === null && !read.request ? {...read, hint: unmet!} : read;
			});
		}
		default: {
			const never: never = action;
			return never;
		}
	}
}
