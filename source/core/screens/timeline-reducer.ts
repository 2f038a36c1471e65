// The Timeline screen's state machine: a windowed list of group and message rows, expansion, message
// sort, a detail pane that scrolls on its own, replay, and the sub-session list. Keys are resolved here
// against the keymap with the state's own mode, so several keys in one chunk each see the mode the last
// one left. Side effects (back, quit, export, open a sub-session, hand the terminal to a pager, editor or
// agent) leave as a `request` the screen runs.
import {keyPresses, resolveKey, type KeyAction, type KeyPress} from '../keymap.js';
import type {MessageSortKey} from '../message-groups.js';
import * as lw from './list-window.js';
import {MESSAGE_SORTS, buildRows, findRow, type RowSource, type TimelineRow} from './timeline-rows.js';

export type TimelineMode = 'timeline' | 'timeline-replay' | 'timeline-subs' | 'timeline-find' | 'help';

/** The keys that reach past the frame (as on Sessions); `message` is the selected message's index. */
export type TimelineHandOff = 'copy' | 'page' | 'edit' | 'resume';

type RequestBody = {kind: 'back'} | {kind: 'quit'} | {kind: 'export'} | {kind: 'open-sub'; index: number} | {kind: 'find'; query: string}
	| {kind: 'hand-off'; what: TimelineHandOff; message: number};

/** The session's matches of a query: message indices in time order, and which one is on show (-1: none yet). */
export interface TimelineFind {
	query: string;
	matches: readonly number[];
	at: number;
}
/** `rest`: on a request for another screen (back, a sub-session), the keys after it in the same read, for that screen. */
export type TimelineRequest = RequestBody & {seq: number; rest?: Array<{input: string; key: KeyPress}>};

const LEAVING: ReadonlySet<RequestBody['kind']> = new Set(['back', 'open-sub']);

export interface TimelineState {
	mode: TimelineMode;
	sort: MessageSortKey;
	/** Group indices shown with their messages. */
	expanded: ReadonlySet<number>;
	/** null until the session's messages are loaded. */
	source: RowSource | null;
	rows: readonly TimelineRow[];
	list: lw.ListWindow;
	/** First line of the detail pane on show, its line count (-1 until measured) and height (set by the screen). */
	detail: {scroll: number; lines: number; height: number};
	subs: lw.ListWindow;
	/** A replay's pace (steps per REPLAY_STEP_MS: ¼ to 8) and whether it waits. */
	replay: {speed: number; paused: boolean};
	/** Thinking and reasoning shown in full in the detail pane (folded to one line by default). */
	thinking: boolean;
	/** Whether the session has thinking to unfold: null until its bodies are read (then `t` toggles, as before). */
	foldable: boolean | null;
	/** The outcome of the last export, for the status bar. */
	notice: {text: string; ok: boolean} | null;
	/** Why the last key did nothing here (the status bar shows it until the next key). */
	hint: string | null;
	/** The query being typed after `/`. */
	typing: string;
	find: TimelineFind | null;
	request: TimelineRequest | null;
	seq: number;
}

export type TimelineAction =
	| {type: 'input'; input: string; key: KeyPress}
	| {type: 'loaded'; source: RowSource; subSessions: number}
	| {type: 'resize'; rows: number; detailHeight: number}
	| {type: 'detail-lines'; lines: number}
	| {type: 'tick'}
	| {type: 'notice'; text: string; ok: boolean}
	/** The session's bodies were read: whether any holds thinking or reasoning to unfold. */
	| {type: 'foldable'; has: boolean}
	/** A query's matches arrived; `focus` is the message to land on (else the next match from the cursor). */
	| {type: 'found'; query: string; matches: readonly number[]; focus?: number}
	| {type: 'handled'; seq: number};

export function initialTimelineState(rows: number, detailHeight: number): TimelineState {
	return {
		mode: 'timeline', sort: 'time', expanded: new Set(), source: null, rows: [],
		list: {...lw.EMPTY_WINDOW, height: Math.max(1, rows)}, detail: {scroll: 0, lines: 0, height: Math.max(1, detailHeight)},
		subs: {...lw.EMPTY_WINDOW, height: Math.max(1, rows)}, replay: {speed: 1, paused: false}, thinking: false, foldable: null, notice: null, hint: null, typing: '', find: null, request: null, seq: 0,
	};
}

function request(state: TimelineState, body: RequestBody): TimelineState {
	const seq = state.seq + 1;
	return {...state, seq, request: {...body, seq}};
}

/** A new cursor position shows a new row in the detail pane, from its top. */
function withList(state: TimelineState, list: lw.ListWindow): TimelineState {
	if (list === state.list) return state;
	// The new row's line count arrives after its frame (the view measures it); until then J is not clamped.
	return {...state, list, detail: list.cursor === state.list.cursor ? state.detail : {...state.detail, scroll: 0, lines: -1}};
}

/** Rebuilds the rows for a new sort or expansion, keeping the selected row (or its group) selected. */
function rebuild(state: TimelineState, sort: MessageSortKey, expanded: ReadonlySet<number>, keep = true): TimelineState {
	if (!state.source) return {...state, sort, expanded};
	const rows = buildRows(state.source, sort, expanded);
	const cursor = keep ? findRow(rows, state.rows[state.list.cursor]) : 0;
	return withList({...state, sort, expanded, rows}, lw.moveTo(lw.withTotal(state.list, rows.length), cursor));
}

function toggle(state: TimelineState): TimelineState {
	const row = state.rows[state.list.cursor];
	if (!row || !state.source) return state;
	const g = state.source.groups[row.group]!;
	if (row.kind === 'group' && g.endIndex - g.startIndex < 2) return {...state, hint: 'this group holds one message: nothing to expand'};
	const expanded = new Set(state.expanded);
	if (expanded.has(row.group)) expanded.delete(row.group);
	else expanded.add(row.group);
	return rebuild(state, state.sort, expanded);
}

function stepSort(state: TimelineState, by: 1 | -1): TimelineState {
	const i = MESSAGE_SORTS.indexOf(state.sort);
	return rebuild(state, MESSAGE_SORTS[(i + by + MESSAGE_SORTS.length) % MESSAGE_SORTS.length]!, state.expanded);
}

function scrollDetail(state: TimelineState, by: number): TimelineState {
	const max = state.detail.lines < 0 ? Infinity : Math.max(0, state.detail.lines - state.detail.height);
	const scroll = Math.min(max, Math.max(0, state.detail.scroll + by));
	return scroll === state.detail.scroll ? state : {...state, detail: {...state.detail, scroll}};
}

/** Replay walks the session in time order from its first row. */
function startReplay(state: TimelineState): TimelineState {
	if (state.rows.length < 2) return state;
	const timed = state.sort === 'time' ? state : rebuild(state, 'time', state.expanded, false);
	return {...withList(timed, lw.moveTo(timed.list, 0)), mode: 'timeline-replay', replay: {...state.replay, paused: false}};
}

export const REPLAY_SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;

function replaySpeed(state: TimelineState, by: 1 | -1): TimelineState {
	const i = REPLAY_SPEEDS.indexOf(state.replay.speed as (typeof REPLAY_SPEEDS)[number]);
	const speed = REPLAY_SPEEDS[Math.max(0, Math.min(REPLAY_SPEEDS.length - 1, i + by))]!;
	return speed === state.replay.speed ? state : {...state, replay: {...state.replay, speed}};
}

/** One replay step: the next row; the replay ends on the last. */
function replayStep(state: TimelineState): TimelineState {
	const next = withList(state, lw.moveBy(state.list, 1));
	return next.list.cursor >= next.list.total - 1 ? {...next, mode: 'timeline'} : next;
}

/** Selects message `index`: its own row, its group expanded when the group holds several messages. */
function showMessage(state: TimelineState, index: number): TimelineState {
	if (!state.source) return state;
	const group = state.source.groups.findIndex((g) => index >= g.startIndex && index < g.endIndex);
	if (group < 0) return state;
	const g = state.source.groups[group]!;
	const single = g.endIndex - g.startIndex < 2;
	const next = single || state.expanded.has(group) ? state : rebuild(state, state.sort, new Set([...state.expanded, group]));
	const at = next.rows.findIndex((r) => (single ? r.kind === 'group' && r.group === group : r.kind === 'message' && r.message === index));
	return at < 0 ? next : withList(next, lw.moveTo(next.list, at));
}

/** The message the cursor is on (a group's first message for a group row). */
function cursorMessage(state: TimelineState): number {
	const row = state.rows[state.list.cursor];
	if (!row || !state.source) return -1;
	return row.kind === 'message' ? row.message : state.source.groups[row.group]!.startIndex;
}

/** n / N: the next or previous match, wrapping around. */
function stepMatch(state: TimelineState, by: 1 | -1): TimelineState {
	const f = state.find;
	if (!f || f.matches.length === 0) return state;
	const at = f.at < 0 ? (by === 1 ? 0 : f.matches.length - 1) : (f.at + by + f.matches.length) % f.matches.length;
	return showMessage({...state, find: {...f, at}}, f.matches[at]!);
}

function onFound(state: TimelineState, query: string, matches: readonly number[], focus?: number): TimelineState {
	const from = focus ?? cursorMessage(state);
	let at = matches.findIndex((m) => m >= from);
	if (at < 0) at = matches.length ? 0 : -1;
	const found = {...state, find: {query, matches, at}};
	return at < 0 ? (focus === undefined ? found : showMessage(found, focus)) : showMessage(found, matches[at]!);
}

function onKey(state: TimelineState, action: KeyAction): TimelineState {
	const subs = state.mode === 'timeline-subs';
	const half = Math.max(1, Math.floor(state.detail.height / 2));
	switch (action) {
		case 'cursor-down': return subs ? moveSubs(state, 1) : withList(state, lw.moveBy(state.list, 1));
		case 'cursor-up': return subs ? moveSubs(state, -1) : withList(state, lw.moveBy(state.list, -1));
		case 'page-down': return withList(state, lw.page(state.list, 1));
		case 'page-up': return withList(state, lw.page(state.list, -1));
		case 'first': return withList(state, lw.moveTo(state.list, 0));
		case 'last': return withList(state, lw.moveTo(state.list, state.list.total - 1));
		case 'expand': return toggle(state);
		case 'sort-next': return stepSort(state, 1);
		case 'sort-prev': return stepSort(state, -1);
		case 'detail-down': return scrollDetail(state, half);
		case 'detail-up': return scrollDetail(state, -half);
		case 'replay': return startReplay(state);
		case 'replay-stop': return {...state, mode: 'timeline'};
		case 'replay-pause': return {...state, replay: {...state.replay, paused: !state.replay.paused}};
		case 'replay-faster': return replaySpeed(state, 1);
		case 'replay-slower': return replaySpeed(state, -1);
		case 'replay-step': return replayStep({...state, replay: {...state.replay, paused: true}});
		case 'sub-sessions': return state.subs.total > 0 ? {...state, mode: 'timeline-subs'} : {...state, hint: 'this session has no sub-sessions'};
		case 'open': return subs && state.subs.total > 0 ? request({...state, mode: 'timeline'}, {kind: 'open-sub', index: state.subs.cursor}) : state;
		case 'export': return request(state, {kind: 'export'});
		case 'copy': case 'page': case 'edit': case 'resume': return request(state, {kind: 'hand-off', what: action, message: cursorMessage(state)});
		case 'toggle-thinking': return state.foldable === false ? {...state, hint: 'this session has no thinking to unfold'} : {...state, thinking: !state.thinking};
		case 'back': return subs ? {...state, mode: 'timeline'} : request(state, {kind: 'back'});
		case 'help': return {...state, mode: 'help'};
		case 'close': return {...state, mode: 'timeline'};
		case 'quit': return request(state, {kind: 'quit'});
		case 'search': return {...state, mode: 'timeline-find', typing: ''};
		case 'search-delete': return {...state, typing: Array.from(state.typing).slice(0, -1).join('')};
		case 'search-cancel': return {...state, mode: 'timeline'};
		case 'search-accept': return state.typing.trim() === '' ? {...state, mode: 'timeline', find: null} : request({...state, mode: 'timeline'}, {kind: 'find', query: state.typing});
		case 'find-next': return state.find?.matches.length ? stepMatch(state, 1) : {...state, hint: state.find ? 'no match to go to' : '/ finds in this session first'};
		case 'find-prev': return state.find?.matches.length ? stepMatch(state, -1) : {...state, hint: state.find ? 'no match to go to' : '/ finds in this session first'};
		default: return state; // the Sessions screen's actions are not bound in these modes
	}
}

function moveSubs(state: TimelineState, by: number): TimelineState {
	const subs = lw.moveBy(state.subs, by);
	return subs === state.subs ? state : {...state, subs};
}

export function timelineReducer(state: TimelineState, action: TimelineAction): TimelineState {
	switch (action.type) {
		case 'input': {
			const presses = keyPresses(action.input, action.key);
			// Another screen is on its way: this key is for it.
			if (state.request && LEAVING.has(state.request.kind)) return {...state, request: {...state.request, rest: [...state.request.rest ?? [], ...presses]}};
			// The export's message stays until the next key, like a message line.
			let next = state.notice === null && state.hint === null ? state : {...state, notice: null, hint: null};
			for (const [at, press] of presses.entries()) {
				const hit = resolveKey(next.mode, press.input, press.key);
				// During a replay its own keys pace it; any other key stops it, and only the quit keys also do what they say.
				const pacing = hit?.action === 'replay-pause' || hit?.action === 'replay-faster' || hit?.action === 'replay-slower' || hit?.action === 'replay-step';
				if (next.mode === 'timeline-replay' && !pacing && hit?.action !== 'quit') next = onKey(next, 'replay-stop');
				else if (hit?.action === 'type') next = {...next, typing: next.typing + hit.text};
				else if (hit) next = onKey(next, hit.action);
				else if (next.mode === 'timeline' && /^[\x21-\x7e]$/.test(press.input) && !press.key.ctrl) next = {...next, hint: `${press.input} does nothing here · ? lists the keys`};
				if (next.request?.kind === 'quit') break;
				if (next.request && LEAVING.has(next.request.kind) && next.request !== state.request) {
					next = {...next, request: {...next.request, rest: presses.slice(at + 1)}};
					break;
				}
			}
			return next;
		}
		case 'loaded': {
			const rows = buildRows(action.source, state.sort, state.expanded);
			// On the last row of a session that grew, the cursor follows its end (as `tail -f` does).
			const atEnd = state.source !== null && state.rows.length > 0 && state.list.cursor === state.rows.length - 1 && rows.length > state.rows.length;
			const keep = atEnd ? rows.length - 1 : state.source ? findRow(rows, state.rows[state.list.cursor]) : 0;
			return {
				...state, source: action.source, rows,
				list: lw.moveTo(lw.withTotal(state.list, rows.length), keep),
				subs: lw.withTotal(state.subs, action.subSessions),
			};
		}
		case 'resize': {
			const list = lw.resize(state.list, action.rows);
			const subs = lw.resize(state.subs, action.rows);
			const height = Math.max(1, action.detailHeight);
			if (list === state.list && subs === state.subs && height === state.detail.height) return state;
			return {...state, list, subs, detail: {...state.detail, height}};
		}
		case 'detail-lines': {
			if (action.lines === state.detail.lines) return state;
			const scroll = Math.min(state.detail.scroll, Math.max(0, action.lines - state.detail.height));
			return {...state, detail: {...state.detail, lines: action.lines, scroll}};
		}
		case 'tick': return state.mode !== 'timeline-replay' || state.replay.paused ? state : replayStep(state);
		case 'notice': return {...state, notice: {text: action.text, ok: action.ok}};
		case 'foldable': return state.foldable === action.has ? state : {...state, foldable: action.has};
		case 'found': return onFound(state, action.query, action.matches, action.focus);
		case 'handled': return state.request?.seq === action.seq ? {...state, request: null} : state;
		default: {
			const never: never = action;
			return never;
		}
	}
}
