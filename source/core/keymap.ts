// Every key the explorer answers to, as data. Input handlers resolve keys here, and the footer hints and
// the `?` overlay render from the same table, so the screen never advertises a key that does nothing.

import {ANALYTICS_BINDINGS} from './keymap-analytics.js';
import {FIND_BINDINGS, TIMELINE_FIND_BINDINGS} from './keymap-find.js';
import {LIST_BINDINGS, OVERLAY_BINDINGS} from './keymap-list.js';
import {PROJECTS_BINDINGS} from './keymap-projects.js';
import {TIMELINE_BINDINGS, TIMELINE_MODE_BINDINGS} from './keymap-timeline.js';
import type {Binding, KeyAction, KeyMode} from './keymap-types.js';
import {TYPING_MODES, keyMeanings, meansOtherThan} from './keymap-meaning.js';

export type {Binding, KeyAction, KeyMode} from './keymap-types.js';

/** Every binding, one table per screen, in the order the footers and the `?` overlay list them. */
export const KEYMAP: readonly Binding[] = [
	...LIST_BINDINGS,
	...FIND_BINDINGS,
	...OVERLAY_BINDINGS,
	...PROJECTS_BINDINGS,
	...TIMELINE_BINDINGS,
	...TIMELINE_FIND_BINDINGS,
	...TIMELINE_MODE_BINDINGS,
	...ANALYTICS_BINDINGS,
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
	enter: 'Enter', esc: 'Esc', tab: 'Tab', backspace: 'Backspace', 'ctrl+c': 'Ctrl-C', 'ctrl+f': 'Ctrl-F', ' ': 'Space',
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
	/** The key means something else on other screens: a narrow footer keeps this hint before the others. */
	local?: boolean;
	/** The key shows every key (`?`): a footer too narrow for every hint ends with it, as `? more`. */
	more?: boolean;
}

const MEANINGS = keyMeanings(KEYMAP);

/**
 * Actions whose footer hint speaks for a second one too: `←→/hl day` names the previous and the next day. The
 * second binding has no hint of its own; its keys are paired with the first's in the hint.
 */
export const HINT_PAIRS: Partial<Record<KeyAction, KeyAction>> = {'select-prev': 'select-next', 'select-up': 'select-down'};

/** The footer of a mode: bindings with a hint, in keymap order, less actions that do nothing right now. */
export function footerHints(mode: KeyMode, hidden: readonly KeyAction[] = []): Hint[] {
	const bindings = bindingsFor(mode);
	return bindings
		.filter((e) => e.hint !== undefined && !hidden.includes(e.action))
		.map((e) => {
			const pair = bindings.find((p) => p.action === HINT_PAIRS[e.action] && p.hint === undefined);
			const keys = e.action === 'cursor-down' ? movementKeys(mode)
				: pair ? e.keys.map((k, i) => `${keyLabel(k)}${pair.keys[i] === undefined ? '' : keyLabel(pair.keys[i]!)}`).join('/')
				: footerKeys(e.keys);
			const hint: Hint = meansOtherThan(e, MEANINGS) ? {keys, label: e.hint!, local: true} : {keys, label: e.hint!};
			return e.action === 'help' ? {...hint, more: true} : hint;
		});
}

/** The widest run of keys a footer hint names: `?/Esc`, `Space/→`; `Esc/Backspace/←/h` is named by `Esc`. */
const FOOTER_KEYS_WIDTH = 7;

/** Ctrl-C is left out of the footer beside a plainer key for the same thing (q); the `?` overlay lists every key. */
function footerKeys(keys: readonly string[]): string {
	const plain = keys.filter((k) => k !== 'ctrl+c');
	const labels = (plain.length ? plain : keys).map(keyLabel);
	let shown = labels[0]!;
	for (const l of labels.slice(1)) {
		if (Array.from(`${shown}/${l}`).length > FOOTER_KEYS_WIDTH) break;
		shown = `${shown}/${l}`;
	}
	return shown;
}

/** The movement hint names both directions: `j/k` or `↑↓`. */
function movementKeys(mode: KeyMode): string {
	return TYPING_MODES.has(mode) ? '↑↓' : 'j/k';
}
