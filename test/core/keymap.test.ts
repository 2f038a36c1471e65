// The keymap is the one table keys, footer and help come from: every binding resolves, names are normalized.
import {describe, expect, it} from 'vitest';
import {HINT_PAIRS, KEYMAP, bindingsFor, footerHints, keyName, keyPresses, keysLabel, resolveKey, type Binding, type KeyAction, type KeyMode} from '../../source/core/keymap.js';
import {NO_KEY, inkKey} from '../ui/helpers/keys.js';
import {TYPING_MODES, keyMeanings, meaningOf} from '../../source/core/keymap-meaning.js';

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

	it('names a hint by its first keys only, up to 7 cells (the ? overlay lists them all), and marks the local ones', () => {
		const timeline = footerHints('timeline');
		expect(timeline).toContainEqual({keys: 'Esc', label: 'back'});
		expect(timeline).toContainEqual({keys: 'Enter', label: 'expand', local: true});
		expect(timeline).toContainEqual({keys: 'r', label: 'replay', local: true});
		expect(footerHints('help')).toContainEqual({keys: '?/Esc', label: 'close', local: true});
		expect(footerHints('list')).toContainEqual({keys: 'F', label: 'find'});
		expect(footerHints('list')).toContainEqual({keys: 'Space/→', label: 'subagents'});
	});

	it('names both keys of a pair in one hint: ←→/hl day, ↑↓ weekday', () => {
		expect(footerHints('analytics')).toContainEqual({keys: '←→/hl', label: 'day', local: true});
		expect(footerHints('analytics-heatmap')).toEqual([{keys: '↑↓', label: 'weekday', local: true}]);
	});
});

// Issue 17 item 8: the same key means the same thing on every screen, or the footer says what it means there
// (keymap-meaning.ts: a key's meaning is its most common action outside the typing modes; Esc's ways out are one).
function keyAudit(map: readonly Binding[]): Array<{key: string; meaning: string; mode: KeyMode; action: KeyAction}> {
	const meanings = keyMeanings(map);
	const unexplained = [];
	for (const b of map) {
		if (TYPING_MODES.has(b.mode)) continue;
		const named = b.hint !== undefined || map.some((p) => p.mode === b.mode && p.hint !== undefined && HINT_PAIRS[p.action] === b.action);
		for (const key of b.keys) {
			const meaning = meanings.get(key)!;
			if (meaning !== meaningOf(b.action) && !named) unexplained.push({key, meaning, mode: b.mode, action: b.action});
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
		// A tie goes to the mode listed first.
		expect(keyMeanings([{mode: 'list', keys: ['r'], action: 'sort-reverse', help: ''}, {mode: 'timeline', keys: ['r'], action: 'replay', help: ''}]).get('r')).toBe('sort-reverse');
		expect(keyAudit(silent.map((b) => (b.mode === 'timeline' ? {...b, hint: 'subs'} : b)))).toEqual([]);
	});
});
