// Every key the explorer answers to, as data. Input handlers resolve keys here, and the footer hints and
// the `?` overlay render from the same table, so the screen never advertises a key that does nothing.

export type KeyMode = 'list' | 'search' | 'picker' | 'help' | 'insights' | 'timeline' | 'timeline-replay' | 'timeline-subs'
	| 'analytics' | 'analytics-heatmap' | 'analytics-drill' | 'error' | 'problems'
	| 'find' | 'find-query' | 'timeline-find';

export type KeyAction =
	| 'cursor-down' | 'cursor-up' | 'page-down' | 'page-up' | 'first' | 'last'
	| 'open' | 'search' | 'status-next' | 'pick-model' | 'pick-project' | 'pick-agent'
	| 'period-next' | 'clear-filters' | 'sort-next' | 'sort-prev' | 'sort-reverse'
	| 'help' | 'close' | 'quit' | 'back'
	| 'search-accept' | 'search-cancel' | 'search-delete' | 'choose'
	| 'insights' | 'tab-next' | 'expand'
	| 'detail-down' | 'detail-up' | 'replay' | 'replay-stop' | 'sub-sessions' | 'export' | 'toggle-thinking'
	| 'analytics' | 'select-prev' | 'select-next' | 'select-up' | 'select-down' | 'drill' | 'retry' | 'problems'
	| 'copy' | 'page' | 'edit' | 'resume' | 'replay-pause' | 'replay-faster' | 'replay-slower' | 'replay-step'
	| 'find' | 'find-next' | 'find-prev';

import {FIND_BINDINGS, TIMELINE_FIND_BINDINGS} from './keymap-find.js';

export interface Binding {
	mode: KeyMode;
	/** Normalized key names (see keyName): 'j', 'down', 'pagedown', 'enter', 'esc', 'ctrl+c', 'G'. */
	keys: readonly string[];
	action: KeyAction;
	/** What the key does, for the `?` overlay. */
	help: string;
	/** Short label for the footer; bindings without one appear only in the overlay. */
	hint?: string;
}

const b = (mode: KeyMode, keys: string[], action: KeyAction, help: string, hint?: string): Binding =>
	hint === undefined ? {mode, keys, action, help} : {mode, keys, action, help, hint};

export const KEYMAP: readonly Binding[] = [
	b('list', ['j', 'down'], 'cursor-down', 'next session', 'move'),
	b('list', ['k', 'up'], 'cursor-up', 'previous session'),
	b('list', ['pagedown'], 'page-down', 'page down'),
	b('list', ['pageup'], 'page-up', 'page up'),
	b('list', ['g', 'home'], 'first', 'first session'),
	b('list', ['G', 'end'], 'last', 'last session'),
	b('list', ['enter'], 'open', 'open the selected session', 'open'),
	b('list', [' ', 'right'], 'expand', 'show/hide subagents (▸ ↳)', 'subagents'),
	// In the footer only while the sources have problems, and early, so a narrow footer keeps it.
	b('list', ['w'], 'problems', 'show the sources\' problems', 'problems'),
	b('list', ['/'], 'search', 'search labels and content', 'search'),
	b('list', ['F', 'ctrl+f'], 'find', 'find messages across sessions', 'find'),
	b('list', ['esc'], 'search-cancel', 'clear the kept search'),
	b('list', ['s'], 'sort-next', 'sort by the next column', 'sort'),
	b('list', ['S'], 'sort-prev', 'sort by the previous column'),
	b('list', ['r'], 'sort-reverse', 'reverse the sort direction'),
	b('list', ['f'], 'status-next', 'cycle the status filter', 'status'),
	b('list', ['p'], 'period-next', 'period: 24h 7d 30d 90d all', 'period'),
	b('list', ['m'], 'pick-model', 'pick a model', 'model'),
	// Project and agent pickers are in the `?` overlay only: the footer keeps room for the screens.
	b('list', ['P'], 'pick-project', 'pick a project'),
	b('list', ['A'], 'pick-agent', 'pick an agent'),
	b('list', ['c'], 'clear-filters', 'clear filters and period'),
	b('list', ['y'], 'copy', 'copy the session ID'),
	b('list', ['o'], 'page', 'read it in $PAGER'),
	b('list', ['v'], 'edit', 'open it in $EDITOR'),
	b('list', ['R'], 'resume', 'resume it in its agent', 'resume'),
	b('list', ['a'], 'analytics', 'analytics: trends, tools', 'analytics'),
	b('list', ['i'], 'insights', 'insights: goals, outcomes', 'insights'),
	b('list', ['?'], 'help', 'show every key', 'help'),
	b('list', ['q', 'ctrl+c'], 'quit', 'quit', 'quit'),

	b('search', ['enter'], 'search-accept', 'keep the search', 'keep'),
	b('search', ['esc'], 'search-cancel', 'clear the search, leave it', 'clear'),
	b('search', ['backspace'], 'search-delete', 'delete the last character', 'delete'),
	b('search', ['down'], 'cursor-down', 'next session', 'move'),
	b('search', ['up'], 'cursor-up', 'previous session'),
	b('search', ['ctrl+c'], 'quit', 'quit', 'quit'),

	...FIND_BINDINGS,

	// Letters narrow the choices (typed), so only arrows move and only Ctrl-C quits here.
	b('picker', ['down'], 'cursor-down', 'next choice', 'move'),
	b('picker', ['up'], 'cursor-up', 'previous'),
	b('picker', ['enter'], 'choose', 'filter by the choice ("any" clears it)', 'choose'),
	b('picker', ['esc'], 'back', 'close, keep the filter', 'cancel'),
	b('picker', ['backspace'], 'search-delete', 'delete the last typed character', 'delete'),
	b('picker', ['ctrl+c'], 'quit', 'quit', 'quit'),

	b('problems', ['j', 'down'], 'cursor-down', 'scroll down', 'scroll'),
	b('problems', ['k', 'up'], 'cursor-up', 'scroll up'),
	b('problems', ['w', 'esc'], 'close', 'close the list', 'close'),
	b('problems', ['q', 'ctrl+c'], 'quit', 'quit', 'quit'),

	b('help', ['?', 'esc'], 'close', 'close this help', 'close'),
	b('help', ['q', 'ctrl+c'], 'quit', 'quit', 'quit'),

	b('timeline', ['j', 'down'], 'cursor-down', 'next row', 'move'),
	b('timeline', ['k', 'up'], 'cursor-up', 'previous row'),
	b('timeline', ['pagedown'], 'page-down', 'page down'),
	b('timeline', ['pageup'], 'page-up', 'page up'),
	b('timeline', ['g', 'home'], 'first', 'first row'),
	b('timeline', ['G', 'end'], 'last', 'last row'),
	b('timeline', ['enter', ' '], 'expand', 'expand a group into its messages, collapse it', 'expand'),
	b('timeline', ['s'], 'sort-next', 'sort: time, tokens, cost, gap', 'sort'),
	b('timeline', ['S'], 'sort-prev', 'the previous sort'),
	b('timeline', ['J'], 'detail-down', 'scroll the detail down', 'detail'),
	b('timeline', ['K'], 'detail-up', 'scroll the detail up'),
	b('timeline', ['t'], 'toggle-thinking', 'unfold thinking and reasoning, fold them again', 'thinking'),
	b('timeline', ['r'], 'replay', 'replay step by step', 'replay'),
	b('timeline', ['o'], 'sub-sessions', 'list sub-sessions', 'subs'),
	b('timeline', ['e'], 'export', 'export as Markdown', 'export'),
	b('timeline', ['/'], 'search', 'find in this session', 'find'),
	b('timeline', ['n'], 'find-next', 'next match', 'next'),
	b('timeline', ['N'], 'find-prev', 'previous match'),
	b('timeline', ['esc', 'backspace', 'left', 'h'], 'back', 'back', 'back'),
	b('timeline', ['?'], 'help', 'show every key', 'help'),
	b('timeline', ['q', 'ctrl+c'], 'quit', 'quit', 'quit'),

	...TIMELINE_FIND_BINDINGS,

	b('timeline-replay', [' '], 'replay-pause', 'pause, or go on', 'pause'),
	b('timeline-replay', ['+', '='], 'replay-faster', 'faster (up to ×8)', 'faster'),
	b('timeline-replay', ['-'], 'replay-slower', 'slower (down to ×¼)', 'slower'),
	b('timeline-replay', ['.', 'right'], 'replay-step', 'one step (and pause)', 'step'),
	b('timeline-replay', ['esc'], 'replay-stop', 'stop (so does any other key)', 'stop'),
	b('timeline-replay', ['q', 'ctrl+c'], 'quit', 'quit', 'quit'),

	b('timeline-subs', ['j', 'down'], 'cursor-down', 'next sub-session', 'move'),
	b('timeline-subs', ['k', 'up'], 'cursor-up', 'previous sub-session'),
	b('timeline-subs', ['enter'], 'open', 'open it', 'open'),
	b('timeline-subs', ['esc'], 'back', 'close the list', 'close'),
	b('timeline-subs', ['q', 'ctrl+c'], 'quit', 'quit', 'quit'),

	b('insights', ['tab'], 'tab-next', 'next tab: charts, summaries, worker', 'tabs'),
	b('insights', ['esc', 'backspace', 'left', 'h'], 'back', 'back to where Insights was opened', 'back'),
	b('insights', ['j', 'down'], 'cursor-down', 'next summary or failure; scroll the charts', 'move'),
	b('insights', ['k', 'up'], 'cursor-up', 'previous summary or failure; scroll up'),
	b('insights', ['pagedown'], 'page-down', 'page down'),
	b('insights', ['pageup'], 'page-up', 'page up'),
	b('insights', ['g', 'home'], 'first', 'first'),
	b('insights', ['G', 'end'], 'last', 'last'),
	b('insights', ['enter'], 'open', "open the session's timeline", 'open'),
	b('insights', ['e'], 'expand', 'every category and summary, or the top ones', 'expand'),
	b('insights', ['p'], 'period-next', 'period: 24h 7d 30d 90d all', 'period'),
	b('insights', ['c'], 'clear-filters', 'clear filters and period', 'clear'),
	b('insights', ['?'], 'help', 'show every key', 'help'),
	b('insights', ['q', 'ctrl+c'], 'quit', 'quit', 'quit'),

	b('analytics', ['j', 'down'], 'cursor-down', 'scroll down', 'scroll'),
	b('analytics', ['k', 'up'], 'cursor-up', 'scroll up'),
	b('analytics', ['pagedown'], 'page-down', 'page down'),
	b('analytics', ['pageup'], 'page-up', 'page up'),
	b('analytics', ['g', 'home'], 'first', 'top'),
	b('analytics', ['G', 'end'], 'last', 'bottom'),
	b('analytics', ['tab'], 'tab-next', 'next panel: activity, heatmap, tools, histograms, models, providers', 'panel'),
	b('analytics', ['left', 'h'], 'select-prev', 'previous day (activity) or hour (heatmap)', 'day'),
	b('analytics', ['right', 'l'], 'select-next', 'next day (activity) or hour (heatmap)'),
	b('analytics', ['enter'], 'drill', "list the selected day's or hour's sessions", 'sessions'),
	b('analytics', ['e'], 'expand', 'every tool, or the top 10', 'tools'),
	b('analytics', ['s'], 'sort-next', 'sort models by the next column', 'sort'),
	b('analytics', ['S'], 'sort-prev', 'sort models by the previous column'),
	b('analytics', ['r'], 'sort-reverse', 'reverse the model sort'),
	b('analytics', ['p'], 'period-next', 'period: 24h 7d 30d 90d all', 'period'),
	b('analytics', ['esc', 'backspace'], 'back', 'back to the sessions', 'back'),
	b('analytics', ['?'], 'help', 'show every key', 'help'),
	b('analytics', ['q', 'ctrl+c'], 'quit', 'quit', 'quit'),

	// Layered over 'analytics' while the heatmap has the focus: the arrows walk its grid.
	b('analytics-heatmap', ['up'], 'select-up', 'heatmap: previous weekday', 'weekday'),
	b('analytics-heatmap', ['down'], 'select-down', 'heatmap: next weekday'),

	b('analytics-drill', ['j', 'down'], 'cursor-down', 'next session', 'move'),
	b('analytics-drill', ['k', 'up'], 'cursor-up', 'previous session'),
	b('analytics-drill', ['pagedown'], 'page-down', 'page down'),
	b('analytics-drill', ['pageup'], 'page-up', 'page up'),
	b('analytics-drill', ['g', 'home'], 'first', 'first session'),
	b('analytics-drill', ['G', 'end'], 'last', 'last session'),
	b('analytics-drill', ['enter'], 'open', "open the session's timeline", 'open'),
	b('analytics-drill', ['esc', 'backspace', 'left', 'h'], 'back', 'back to the charts', 'back'),
	b('analytics-drill', ['?'], 'help', 'show every key', 'help'),
	b('analytics-drill', ['q', 'ctrl+c'], 'quit', 'quit', 'quit'),

	// An error inside a screen shows in that screen; these keys are all it answers to.
	b('error', ['r'], 'retry', 'try the screen again', 'retry'),
	b('error', ['esc'], 'back', 'go back to the previous screen', 'back'),
	b('error', ['q', 'ctrl+c'], 'quit', 'quit', 'quit'),
];

/** The fields of Ink's `Key` the keymap reads (structurally compatible; core does not import Ink). */
export interface KeyPress {
	upArrow: boolean;
	downArrow: boolean;
	leftArrow: boolean;
	rightArrow: boolean;
	pageUp: boolean;
	pageDown: boolean;
	home: boolean;
	end: boolean;
	return: boolean;
	escape: boolean;
	ctrl: boolean;
	tab: boolean;
	backspace: boolean;
	delete: boolean;
}

/** One name per key press: special keys by name, Ctrl chords as `ctrl+x`, anything else as its text. */
export function keyName(input: string, key: KeyPress): string {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.return) return 'enter';
	if (key.escape) return 'esc';
	if (key.tab) return 'tab';
	// Terminals send DEL (0x7f) for Backspace, which Ink reports as `delete`.
	if (key.backspace || key.delete) return 'backspace';
	if (key.ctrl) return `ctrl+${input}`;
	return input;
}

const NO_KEY: KeyPress = {
	upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageUp: false, pageDown: false,
	home: false, end: false, return: false, escape: false, ctrl: false, tab: false, backspace: false, delete: false,
};

function singleKey(ch: string): {input: string; key: KeyPress} {
	if (ch === '\r' || ch === '\n') return {input: '', key: {...NO_KEY, return: true}};
	if (ch === '\u007f' || ch === '\b') return {input: '', key: {...NO_KEY, backspace: true}};
	if (ch === '\t') return {input: '', key: {...NO_KEY, tab: true}};
	const code = ch.codePointAt(0)!;
	if (code >= 1 && code <= 26) return {input: String.fromCharCode(code + 96), key: {...NO_KEY, ctrl: true}};
	return {input: ch, key: NO_KEY};
}

/**
 * The key presses in one input event. A terminal delivers fast typing (and tmux send-keys) as one chunk
 * of plain text, which Ink passes on whole ("jjj", "abc\r"); each character is its own key press then.
 */
export function keyPresses(input: string, key: KeyPress): Array<{input: string; key: KeyPress}> {
	const chars = Array.from(input);
	const special = key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown
		|| key.home || key.end || key.return || key.escape || key.tab || key.backspace || key.delete || key.ctrl;
	if (chars.length <= 1 || special) return [{input, key}];
	return chars.map(singleKey);
}

export type Resolved = {action: KeyAction} | {action: 'type'; text: string};

/** Whether text is something to type into a search field (no control characters). */
function printable(text: string): boolean {
	return text.length > 0 && !/[\u0000-\u001f\u007f-\u009f]/.test(text);
}

/** Modes with a text field: printable keys they do not bind are typed into it. */
const TYPING_MODES: ReadonlySet<KeyMode> = new Set(['search', 'find-query', 'timeline-find', 'picker']);

/** The action a key press means in a mode; in a typing mode unbound printable text is typed. */
export function resolveKey(mode: KeyMode, input: string, key: KeyPress): Resolved | null {
	const name = keyName(input, key);
	const hit = KEYMAP.find((e) => e.mode === mode && e.keys.includes(name));
	if (hit) return {action: hit.action};
	if (TYPING_MODES.has(mode) && !key.ctrl && !key.escape && printable(input)) return {action: 'type', text: input};
	return null;
}

export function bindingsFor(mode: KeyMode): Binding[] {
	return KEYMAP.filter((e) => e.mode === mode);
}

const LABELS: Record<string, string> = {
	up: '↑', down: '↓', left: '←', right: '→', pageup: 'PgUp', pagedown: 'PgDn', home: 'Home', end: 'End',
	enter: 'Enter', esc: 'Esc', tab: 'Tab', backspace: 'Backspace', 'ctrl+c': 'Ctrl-C', ' ': 'Space',
};

export function keyLabel(name: string): string {
	return LABELS[name] ?? name;
}

/** `j/↓` for a binding's keys. */
export function keysLabel(binding: Binding): string {
	return binding.keys.map(keyLabel).join('/');
}

export interface Hint {
	keys: string;
	label: string;
}

/** The footer of a mode: bindings with a hint, in keymap order, less actions that do nothing right now. */
export function footerHints(mode: KeyMode, hidden: readonly KeyAction[] = []): Hint[] {
	return bindingsFor(mode)
		.filter((e) => e.hint !== undefined && !hidden.includes(e.action))
		.map((e) => ({keys: e.action === 'cursor-down' ? movementKeys(mode) : footerKeys(e.keys), label: e.hint!}));
}

/** Ctrl-C is left out of the footer beside a plainer key for the same thing (q). */
function footerKeys(keys: readonly string[]): string {
	const plain = keys.filter((k) => k !== 'ctrl+c');
	return (plain.length ? plain : keys).map(keyLabel).join('/');
}

/** The movement hint names both directions: `j/k` or `↑↓`. */
function movementKeys(mode: KeyMode): string {
	return TYPING_MODES.has(mode) ? '↑↓' : 'j/k';
}
