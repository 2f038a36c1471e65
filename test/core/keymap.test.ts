// The keymap is the one table keys, footer and help come from: every binding resolves, names are normalized.
import {describe, expect, it} from 'vitest';
import {KEYMAP, bindingsFor, footerHints, keyName, keyPresses, keysLabel, resolveKey, type KeyMode} from '../../source/core/keymap.js';
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
});
