// The Search screen's state machine: a query being typed ('find-query') or a list of matching messages
// being walked ('find'), ranked by relevance or by time. Keys are resolved against the keymap with the
// state's own mode; opening a result, going back and quitting leave as a `request` the screen carries out.
import {keyPresses, resolveKey, type KeyAction, type KeyPress} from '../keymap.js';
import {readPresses, type Press} from './leaving.js';
import * as lw from './list-window.js';

export type SearchMode = 'find-query' | 'find' | 'help';
export type SearchOrder = 'rank' | 'time';

type RequestBody = {kind: 'back'} | {kind: 'quit'} | {kind: 'open'; index: number};
/** `rest`: on a request for another screen, the keys read after it, for that screen (see leaving.ts). */
export type SearchRequest = RequestBody & {seq: number; rest?: Press[]};

export interface SearchState {
	mode: SearchMode;
	query: string;
	order: SearchOrder;
	list: lw.ListWindow;
	request: SearchRequest | null;
	seq: number;
}

export type SearchAction =
	/** `total`: how many results are on show as the key comes (they arrive between keys). */
	| {type: 'input'; input: string; key: KeyPress; total?: number}
	| {type: 'resize'; height: number}
	| {type: 'results'; total: number}
	| {type: 'handled'; seq: number};

export function initialSearchState(query: string, height: number): SearchState {
	return {mode: 'find-query', query, order: 'rank', list: {...lw.EMPTY_WINDOW, height: Math.max(1, height)}, request: null, seq: 0};
}

function request(state: SearchState, body: RequestBody): SearchState {
	const seq = state.seq + 1;
	return {...state, seq, request: {...body, seq}};
}

function withList(state: SearchState, list: lw.ListWindow): SearchState {
	return list === state.list ? state : {...state, list};
}

/** A new query or order is a new list: back to its top. */
function requery(state: SearchState, next: Partial<Pick<SearchState, 'query' | 'order'>>): SearchState {
	return {...state, ...next, list: lw.reset(state.list, 0)};
}

function onKey(state: SearchState, action: KeyAction): SearchState {
	switch (action) {
		case 'cursor-down': return withList(state, lw.moveBy(state.list, 1));
		case 'cursor-up': return withList(state, lw.moveBy(state.list, -1));
		case 'page-down': return withList(state, lw.page(state.list, 1));
		case 'page-up': return withList(state, lw.page(state.list, -1));
		case 'first': return withList(state, lw.moveTo(state.list, 0));
		case 'last': return withList(state, lw.moveTo(state.list, state.list.total - 1));
		case 'search': return {...state, mode: 'find-query'};
		case 'search-accept': return {...state, mode: 'find'};
		case 'search-delete': {
			const chars = Array.from(state.query);
			return chars.length ? requery(state, {query: chars.slice(0, -1).join('')}) : state;
		}
		case 'sort-next': return requery(state, {order: state.order === 'rank' ? 'time' : 'rank'});
		case 'open': return state.list.total > 0 ? request(state, {kind: 'open', index: state.list.cursor}) : state;
		case 'back': return request(state, {kind: 'back'});
		case 'help': return {...state, mode: 'help'};
		case 'close': return {...state, mode: 'find'};
		case 'quit': return request(state, {kind: 'quit'});
		default: return state; // other screens' actions are not bound in these modes
	}
}

export function searchReducer(state: SearchState, action: SearchAction): SearchState {
	switch (action.type) {
		case 'input': {
			const start = action.total === undefined ? state : withList(state, lw.withTotal(state.list, action.total));
			return readPresses(start, keyPresses(action.input, action.key), (next, press) => {
				// The help overlay shares the list's keys to close it.
				const hit = resolveKey(next.mode === 'help' ? 'help' : next.mode, press.input, press.key);
				if (!hit) return next;
				return hit.action === 'type' ? requery(next, {query: next.query + hit.text}) : onKey(next, hit.action);
			}, (kind) => kind !== 'quit');
		}
		case 'resize': return withList(state, lw.resize(state.list, action.height));
		case 'results': return withList(state, lw.withTotal(state.list, action.total));
		case 'handled': return state.request?.seq === action.seq ? {...state, request: null} : state;
		default: {
			const never: never = action;
			return never;
		}
	}
}
