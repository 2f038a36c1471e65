// Every key the explorer answers to, as data. Input handlers resolve keys here, and the footer hints and
// the `?` overlay render from the same table, so the screen never advertises a key that does nothing.
// Reserved for later screens: `a` analytics, `i` insights (bound when those screens exist).

export type KeyMode = 'list' | 'search' | 'picker' | 'help' | 'summary';

export type KeyAction =
	| 'cursor-down' | 'cursor-up' | 'page-down' | 'page-up' | 'first' | 'last'
	| 'open' | 'search' | 'status-next' | 'pick-model' | 'pick-project' | 'pick-agent'
	| 'period-next' | 'clear-filters' | 'sort-next' | 'sort-prev' | 'sort-reverse'
	| 'help' | 'close' | 'quit' | 'back'
	| 'search-accept' | 'search-cancel' | 'search-delete' | 'choose';

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
	b('list', ['/'], 'search', 'search label, project, model and ID', 'search'),
	b('list', ['s'], 'sort-next', 'sort by the next column', 'sort'),
	b('list', ['S'], 'sort-prev', 'sort by the previous column'),
	b('list', ['r'], 'sort-reverse', 'reverse the sort direction', 'reverse'),
	b('list', ['f'], 'status-next', 'cycle the status filter', 'status'),
	b('list', ['p'], 'period-next', 'cycle the period: 24h 7d 30d 90d all', 'period'),
	b('list', ['m'], 'pick-model', 'pick a model', 'model'),
	b('list', ['P'], 'pick-project', 'pick a project', 'project'),
	b('list', ['A'], 'pick-agent', 'pick an agent', 'agent'),
	b('list', ['c'], 'clear-filters', 'clear every filter and the period', 'clear'),
	b('list', ['?'], 'help', 'show every key', 'help'),
	b('list', ['q', 'ctrl+c'], 'quit', 'quit', 'quit'),

	b('search', ['enter'], 'search-accept', 'keep the search', 'keep'),
	b('search', ['esc'], 'search-cancel', 'clear the search and leave it', 'clear'),
	b('search', ['backspace'], 'search-delete', 'delete the last character'),
	b('search', ['down'], 'cursor-down', 'next session', 'move'),
	b('search', ['up'], 'cursor-up', 'previous session'),
	b('search', ['ctrl+c'], 'quit', 'quit', 'quit'),

	b('picker', ['j', 'down'], 'cursor-down', 'next choice', 'move'),
	b('picker', ['k', 'up'], 'cursor-up', 'previous choice'),
	b('picker', ['enter'], 'choose', 'filter by the choice', 'choose'),
	b('picker', ['esc'], 'back', 'close without changing the filter', 'cancel'),
	b('picker', ['q', 'ctrl+c'], 'quit', 'quit', 'quit'),

	b('help', ['?', 'esc'], 'close', 'close this help', 'close'),
	b('help', ['q', 'ctrl+c'], 'quit', 'quit', 'quit'),

	b('summary', ['esc', 'backspace', 'left', 'h'], 'back', 'back to the sessions', 'back'),
	b('summary', ['?'], 'help', 'show every key', 'help'),
	b('summary', ['q', 'ctrl+c'], 'quit', 'quit', 'quit'),
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

export type Resolved = {action: KeyAction} | {action: 'type'; text: string};

/** Whether text is something to type into a search field (no control characters). */
function printable(text: string): boolean {
	return text.length > 0 && !/[\u0000-\u001f\u007f-\u009f]/.test(text);
}

/** The action a key press means in a mode; in search mode unbound printable text is typed. */
export function resolveKey(mode: KeyMode, input: string, key: KeyPress): Resolved | null {
	const name = keyName(input, key);
	const hit = KEYMAP.find((e) => e.mode === mode && e.keys.includes(name));
	if (hit) return {action: hit.action};
	if (mode === 'search' && !key.ctrl && !key.escape && printable(input)) return {action: 'type', text: input};
	return null;
}

export function bindingsFor(mode: KeyMode): Binding[] {
	return KEYMAP.filter((e) => e.mode === mode);
}

const LABELS: Record<string, string> = {
	up: '↑', down: '↓', left: '←', right: '→', pageup: 'PgUp', pagedown: 'PgDn', home: 'Home', end: 'End',
	enter: 'Enter', esc: 'Esc', tab: 'Tab', backspace: 'Backspace', 'ctrl+c': 'Ctrl-C',
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

/** The footer of a mode: bindings with a hint, in keymap order. */
export function footerHints(mode: KeyMode): Hint[] {
	return bindingsFor(mode)
		.filter((e) => e.hint !== undefined)
		.map((e) => ({keys: e.action === 'cursor-down' ? movementKeys(mode) : e.keys.filter((k) => k !== 'ctrl+c').map(keyLabel).join('/'), label: e.hint!}));
}

/** The movement hint names both directions: `j/k` or `↑↓`. */
function movementKeys(mode: KeyMode): string {
	return mode === 'search' ? '↑↓' : 'j/k';
}
