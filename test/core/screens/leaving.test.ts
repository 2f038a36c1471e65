// readPresses: the presses after one that asks for another screen stay on the request, for that screen;
// a chunk that comes while the request waits joins them; after a quit nothing is kept.
import {describe, expect, it} from 'vitest';
import {readPresses, type Leaving, type Press} from '../../../source/core/screens/leaving.js';

const NO_KEY = {
	upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageUp: false, pageDown: false,
	home: false, end: false, return: false, escape: false, ctrl: false, tab: false, backspace: false, delete: false,
};
const presses = (text: string): Press[] => Array.from(text, (input) => ({input, key: NO_KEY}));

type State = {read: string; request: Leaving | null};
// `h` leaves, `q` quits, anything else is read here.
const step = (s: State, p: Press): State => (p.input === 'h' ? {...s, request: {kind: 'back'}} : p.input === 'q' ? {...s, request: {kind: 'quit'}} : {...s, read: s.read + p.input});
const read = (s: State, text: string) => readPresses(s, presses(text), step, (kind) => kind !== 'quit');
const rest = (s: State) => s.request?.rest?.map((p) => p.input).join('');

describe('readPresses', () => {
	it('reads every press when none asks for another screen', () => {
		expect(read({read: '', request: null}, 'abc')).toEqual({read: 'abc', request: null});
	});

	it('keeps the presses after a leaving one on its request, unread', () => {
		const s = read({read: '', request: null}, 'ah/zq');
		expect(s.read).toBe('a');
		expect(s.request?.kind).toBe('back');
		expect(rest(s)).toBe('/zq');
	});

	it('adds a chunk that comes while the request waits to its rest, in order', () => {
		const s = read(read({read: '', request: null}, 'h/'), 'zq');
		expect(s.read).toBe('');
		expect(rest(s)).toBe('/zq');
	});

	it('keeps nothing after a quit, and reads nothing while it waits', () => {
		const s = read({read: '', request: null}, 'aqb');
		expect(s).toEqual({read: 'a', request: {kind: 'quit'}});
		expect(read(s, 'cd')).toBe(s);
	});
});
