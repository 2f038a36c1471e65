// Key presses for tests: what Ink's useInput reports for a key name, and the bytes a terminal sends.
import type {KeyPress} from '../../../source/core/keymap.js';

export const NO_KEY: KeyPress = {
	upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageUp: false, pageDown: false,
	home: false, end: false, return: false, escape: false, ctrl: false, tab: false, backspace: false, delete: false,
};

/** The (input, key) Ink reports for a normalized key name ('j', 'down', 'enter', 'ctrl+c'…). */
export function inkKey(name: string): {input: string; key: KeyPress} {
	const special: Record<string, Partial<KeyPress>> = {
		up: {upArrow: true}, down: {downArrow: true}, left: {leftArrow: true}, right: {rightArrow: true},
		pageup: {pageUp: true}, pagedown: {pageDown: true}, home: {home: true}, end: {end: true},
		enter: {return: true}, esc: {escape: true}, tab: {tab: true}, backspace: {delete: true},
	};
	if (special[name]) return {input: '', key: {...NO_KEY, ...special[name]}};
	if (name.startsWith('ctrl+')) return {input: name.slice(5), key: {...NO_KEY, ctrl: true}};
	return {input: name, key: NO_KEY};
}

/** The bytes a terminal sends for a normalized key name. */
export const BYTES: Record<string, string> = {
	up: '\u001b[A', down: '\u001b[B', left: '\u001b[D', right: '\u001b[C', pageup: '\u001b[5~', pagedown: '\u001b[6~',
	home: '\u001b[H', end: '\u001b[F', enter: '\r', esc: '\u001b', tab: '\t', backspace: '\u007f', 'ctrl+c': '\u0003', 'ctrl+f': '\u0006',
};

export function bytesOf(name: string): string {
	return BYTES[name] ?? name;
}
