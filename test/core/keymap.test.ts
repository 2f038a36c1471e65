// The keymap is the one table keys, footer and help come from: every binding resolves, names are normalized.
import {describe, expect, it} from 'vitest';
import {HINT_PAIRS, KEYMAP, bindingsFor, footerHints, keyName, keyPresses, keysLabel, resolveKey, type Binding, type KeyAction, type KeyMode} from '../../source/core/keymap.js';
import {NO_KEY, inkKey} from '../ui/helpers/keys.js';

const NONE = NO_KEY;

describe('keymap', () => {
	it('has no key bound twice in one mode', () => {
		for (const mode of new Set<KeyMode>(KEYMAP.map((b) => b.mode))) {
			const keys = bindingsFor(mode).flatMap((b) => b.keys);
			expect(new Set(keys).size, mode).toBe(keys.length);
		}
	});

	it.each(KEYMAP.flatMap((b) => b.keys.map((k) => [b.mode, k, b.action] as const)))('%s: %s → %s', (mode, key, action) => {
		const {input, key: press} = inkKey(key);
		expect(keyName(input, press)).toBe(key);
		expect(resolveKey(mode, input, press)).toEqual({action});
	});

	it('types unbound printable text in search mode only; q is text there', () => {
		expect(resolveKey('search', 'q', NONE)).toEqual({action: 'type', text: 'q'});
		expect(resolveKey('search', 'ünï', NONE)).toEqual({action: 'type', text: 'ünï'});
		expect(resolveKey('list', 'x', NONE)).toBeNull();
		expect(resolveKey('search', '\u0007', NONE)).toBeNull();
		expect(resolveKey('search', 'c', {...NONE, ctrl: true})).toEqual({action: 'quit'});
	});

	it('treats Backspace (DEL, which Ink reports as delete) and real backspace alike', () => {
		expect(keyName('', {...NONE, delete: true})).toBe('backspace');
		expect(keyName('', {...NONE, backspace: true})).toBe('backspace');
	});

	it('splits a chunk of fast typing into key presses', () => {
		expect(keyPresses('jjj', NONE).map((p) => p.input)).toEqual(['j', 'j', 'j']);
		const mixed = keyPresses('a\r\u007f\u0003', NONE);
		expect(mixed.map((p) => keyName(p.input, p.key))).toEqual(['a', 'enter', 'backspace', 'ctrl+c']);
		expect(keyPresses('', {...NONE, downArrow: true})).toHaveLength(1);
		expect(keyPresses('j', NONE)).toEqual([{input: 'j', key: NONE}]);
	});

	it('builds the footer from hinted bindings, Ctrl-C only where nothing plainer quits', () => {
		const list = footerHints('list');
		expect(list[0]).toEqual({keys: 'j/k', label: 'move'});
		expect(list.at(-1)).toEqual({keys: 'q', label: 'quit'});
		expect(footerHints('search').at(-1)).toEqual({keys: 'Ctrl-C', label: 'quit'});
		expect(footerHints('search')[2]).toEqual({keys: 'Backspace', label: 'delete'});
		expect(footerHints('search')[3]).toEqual({keys: '↑↓', label: 'move'});
	});

	it('labels keys for the help overlay', () => {
		expect(keysLabel(KEYMAP.find((b) => b.action === 'last')!)).toBe('G/End');
		expect(keysLabel(KEYMAP.find((b) => b.action === 'page-down')!)).toBe('PgDn');
	});

	it('names both keys of a pair in one hint: ←→/hl day, ↑↓ weekday', () => {
		expect(footerHints('analytics')).toContainEqual({keys: '←→/hl', label: 'day'});
		expect(footerHints('analytics-heatmap')).toEqual([{keys: '↑↓', label: 'weekday'}]);
	});
});

// Issue 17 item 8: the same key means the same thing on every screen, or the footer says what it means there.
// A key's meaning is its most common action over the modes without a text field (a tie goes to the mode listed
// first: Sessions); Esc and the other ways out (back, close, cancel, stop) are one meaning, "leave".
const TYPING: ReadonlySet<KeyMode> = new Set(['search', 'find-query', 'timeline-find', 'picker']);
const LEAVE: ReadonlySet<KeyAction> = new Set(['back', 'close', 'search-cancel', 'replay-stop']);
const meaningOf = (a: KeyAction) => (LEAVE.has(a) ? 'leave' : a);

/** Per key, its meaning; per binding of a key with another meaning, whether its mode's footer names it. */
function keyAudit(map: readonly Binding[]): Array<{key: string; meaning: string; mode: KeyMode; action: KeyAction}> {
	const counts = new Map<string, Map<string, number>>();
	for (const b of map) {
		if (TYPING.has(b.mode)) continue;
		for (const k of b.keys) {
			const m = counts.get(k) ?? new Map<string, number>();
			m.set(meaningOf(b.action), (m.get(meaningOf(b.action)) ?? 0) + 1);
			counts.set(k, m);
		}
	}
	const unexplained = [];
	for (const [key, m] of counts) {
		// Map order is first-seen order, so a tie keeps the earliest mode's action.
		const meaning = [...m].reduce((best, e) => (e[1] > best[1] ? e : best))[0];
		for (const b of map) {
			if (TYPING.has(b.mode) || !b.keys.includes(key) || meaningOf(b.action) === meaning) continue;
			const named = b.hint !== undefined || map.some((p) => p.mode === b.mode && p.hint !== undefined && HINT_PAIRS[p.action] === b.action);
			if (!named) unexplained.push({key, meaning, mode: b.mode, action: b.action});
		}
	}
	return unexplained;
}

describe('the key audit', () => {
	it('finds no key that means something else somewhere without the footer saying so', () => {
		expect(keyAudit(KEYMAP)).toEqual([]);
	});

	it('catches a key that changes meaning silently, and the footer hint that fixes it', () => {
		const silent: Binding[] = [
			{mode: 'list', keys: ['o'], action: 'page', help: ''},
			{mode: 'insights', keys: ['o'], action: 'page', help: ''},
			{mode: 'timeline', keys: ['o', 'esc'], action: 'sub-sessions', help: ''},
			{mode: 'analytics', keys: ['esc'], action: 'back', help: ''},
			{mode: 'projects', keys: ['esc'], action: 'close', help: ''},
		];
		expect(keyAudit(silent)).toEqual([
			{key: 'o', meaning: 'page', mode: 'timeline', action: 'sub-sessions'},
			{key: 'esc', meaning: 'leave', mode: 'timeline', action: 'sub-sessions'},
		]);
		expect(keyAudit(silent.map((b) => (b.mode === 'timeline' ? {...b, hint: 'subs'} : b)))).toEqual([]);
	});
});
