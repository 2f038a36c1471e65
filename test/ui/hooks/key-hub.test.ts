// The key hub: keys no handler was there for are kept and handed, in order, to the next one; an Esc read
// together with the next key is the two keys, unless the screen binds that key with Alt.
import type {Key} from 'ink';
import {describe, expect, it, vi} from 'vitest';
import {createKeyHub, fromRaw, HOLD_MS, KEPT_KEYS, splitEscape, type KeyHandler} from '../../../source/ui/hooks/key-hub.js';
import {keyName} from '../../../source/core/keymap.js';
import type {ModifiedMouseEvent} from '../../../source/core/mouse.js';

const BLANK = {
	upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageUp: false, pageDown: false, home: false, end: false,
	return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
	super: false, hyper: false, capsLock: false, numLock: false,
} as Key;
const plain = (over: Partial<Key> = {}): Key => ({...BLANK, ...over});

function recorder() {
	const seen: string[] = [];
	const handler: {current: KeyHandler} = {current: (input, key) => seen.push(keyName(input, key))};
	return {seen, handler};
}

const tick = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('splitEscape', () => {
	it('reads Alt+key (an Esc and a key in one read) as Esc, then the key', () => {
		const parts = splitEscape('/', plain({meta: true}));
		expect(parts.map(([i, k]) => keyName(i, k))).toEqual(['esc', '/']);
		expect(parts[1]![1].meta).toBe(false);
		expect(splitEscape('', plain({meta: true, return: true})).map(([i, k]) => keyName(i, k))).toEqual(['esc', 'enter']);
	});

	it('leaves a lone Esc, a plain key and a bound Alt key alone', () => {
		const esc = plain({escape: true, meta: true});
		expect(splitEscape('', esc)).toEqual([['', esc]]);
		expect(splitEscape('j', plain())).toEqual([['j', plain()]]);
		expect(splitEscape('b', plain({meta: true}), ['b'])).toEqual([['b', plain({meta: true})]]);
	});
});

describe('fromRaw', () => {
	// The keys as Ink 6.8's useInput reports them for these bytes.
	const names = (parts: Array<[string, Key]>) => parts.flatMap(([i, k]) => splitEscape(i, k)).map(([i, k]) => keyName(i, k));
	it('reads two Escs in one read as two Escs', () => {
		expect(names(fromRaw('\u001b\u001b', '\u001b', plain({escape: true, meta: true})))).toEqual(['esc', 'esc']);
	});

	it('keeps the Esc Ink dropped before punctuation or Tab', () => {
		expect(names(fromRaw('\u001b/', '/', plain()))).toEqual(['esc', '/']);
		expect(names(fromRaw('\u001b\t', '\t', plain()))).toEqual(['esc', 'tab']);
	});

	it('leaves what Ink read right alone: a lone Esc, Meta+letter, an arrow, a plain key, text, no bytes', () => {
		expect(names(fromRaw('\u001b', '', plain({escape: true, meta: true})))).toEqual(['esc']);
		expect(names(fromRaw('\u001bj', 'j', plain({meta: true})))).toEqual(['esc', 'j']);
		expect(names(fromRaw('\u001b[A', '', plain({upArrow: true})))).toEqual(['up']);
		expect(names(fromRaw('/', '/', plain()))).toEqual(['/']);
		expect(names(fromRaw('ab', 'ab', plain()))).toEqual(['ab']);
		expect(names(fromRaw(undefined, '/', plain()))).toEqual(['/']);
	});

	it('the hub hands a handler both Escs', () => {
		const hub = createKeyHub();
		const r = recorder();
		hub.subscribe(r.handler);
		hub.emit('\u001b', plain({escape: true, meta: true}), '\u001b\u001b');
		expect(r.seen).toEqual(['esc', 'esc']);
	});
});

describe('key hub', () => {
	it('a handler that asks for another screen on the Esc of Esc+key leaves the key to the next handler', async () => {
		const hub = createKeyHub();
		const seen: string[] = [];
		const panel: {current: KeyHandler} = {current: (input, key) => {
			seen.push(`panel:${keyName(input, key)}`);
			if (key.escape) hub.hold([]);
		}};
		hub.subscribe(panel);
		hub.emit('/', plain({meta: true}));
		hub.emit('z', plain());
		const list = recorder();
		hub.subscribe(list.handler);
		await tick();
		expect(seen).toEqual(['panel:esc']);
		expect(list.seen).toEqual(['/', 'z']);
	});

	it('keeps keys that came while no handler listened and gives them first, in order, to the next one', async () => {
		const hub = createKeyHub();
		hub.emit('a', plain());
		hub.emit('b', plain());
		const r = recorder();
		hub.subscribe(r.handler);
		await tick();
		hub.emit('c', plain());
		expect(r.seen).toEqual(['a', 'b', 'c']);
	});

	it('a key that comes before the kept ones were handed over still comes after them', () => {
		const hub = createKeyHub();
		hub.emit('a', plain());
		const r = recorder();
		hub.subscribe(r.handler);
		hub.emit('b', plain());
		expect(r.seen).toEqual(['a', 'b']);
	});

	it('stops handing keys to a handler that left; keys after that wait for the next one', async () => {
		const hub = createKeyHub();
		const first = recorder();
		const leave = hub.subscribe(first.handler);
		hub.emit('x', plain());
		leave();
		hub.emit('r', plain());
		const second = recorder();
		hub.subscribe(second.handler);
		await tick();
		expect(first.seen).toEqual(['x']);
		expect(second.seen).toEqual(['r']);
	});

	it('splits Esc+key for each handler by its own Alt keys', () => {
		const hub = createKeyHub();
		const screen = recorder();
		hub.subscribe(screen.handler);
		hub.emit('/', plain({meta: true}));
		expect(screen.seen).toEqual(['esc', '/']);
	});

	it('keeps a bounded number of keys', async () => {
		const hub = createKeyHub();
		for (let i = 0; i < KEPT_KEYS + 10; i++) hub.emit('j', plain());
		const r = recorder();
		hub.subscribe(r.handler);
		await tick();
		expect(r.seen).toHaveLength(KEPT_KEYS);
	});

	it('reads a lone LF (an Enter typed before raw mode, left in the cooked buffer) as Enter', () => {
		const hub = createKeyHub();
		const r = recorder();
		hub.subscribe(r.handler);
		hub.emit('\n', plain());
		hub.emit('\r', plain({return: true}));
		hub.emit('n', plain());
		expect(r.seen).toEqual(['enter', 'enter', 'n']);
	});

	it('held keys, and keys after them, skip the handlers there now and go to the next one', async () => {
		const hub = createKeyHub();
		const old = recorder();
		hub.subscribe(old.handler);
		hub.hold([['s', {}], ['', {return: true}]]);
		hub.emit('p', plain());
		await tick();
		expect(old.seen).toEqual([]);
		const next = recorder();
		hub.subscribe(next.handler);
		await tick();
		expect(next.seen).toEqual(['s', 'enter', 'p']);
		hub.emit('x', plain());
		expect(old.seen).toEqual(['x']);
	});

	it('held keys go to whoever listens when no new handler comes', () => {
		vi.useFakeTimers();
		try {
			const hub = createKeyHub();
			const old = recorder();
			hub.subscribe(old.handler);
			hub.hold([['s', {}]]);
			vi.advanceTimersByTime(HOLD_MS);
			expect(old.seen).toEqual(['s']);
		} finally {
			vi.useRealTimers();
		}
	});
});

describe('key hub: mouse reports', () => {
	function mouseRecorder() {
		const seen: string[] = [];
		const handler = {current: (e: ModifiedMouseEvent) => void seen.push(`${e.event.kind}@${e.event.x},${e.event.y}`)};
		return {seen, handler};
	}

	it('hands a report to mouse handlers and never to key handlers', () => {
		const hub = createKeyHub();
		const keys = recorder();
		const mouse = mouseRecorder();
		hub.subscribe(keys.handler);
		hub.subscribeMouse(mouse.handler);
		hub.emit('j', plain());
		hub.emit('[<0;12;5M', plain());
		hub.emit('[<64;1;2M', plain({meta: true}));
		hub.emit('k', plain());
		expect(keys.seen).toEqual(['j', 'k']);
		expect(mouse.seen).toEqual(['press@11,4', 'wheel@0,1']);
	});

	it('joins a report split across reads, and the keys typed after it still come', () => {
		const hub = createKeyHub();
		const keys = recorder();
		const mouse = mouseRecorder();
		hub.subscribe(keys.handler);
		hub.subscribeMouse(mouse.handler);
		hub.emit('[<0;1', plain());
		hub.emit('2;5Mjk', plain());
		expect(mouse.seen).toEqual(['press@11,4']);
		expect(keys.seen).toEqual(['jk']);
	});

	it('drops garbage and a report no mouse handler was there for, without passing either on as keys', async () => {
		const hub = createKeyHub();
		hub.emit('[<0;3;3M', plain());
		hub.emit('[<0;1;1X', plain());
		const keys = recorder();
		const mouse = mouseRecorder();
		hub.subscribe(keys.handler);
		const leave = hub.subscribeMouse(mouse.handler);
		await tick();
		leave();
		hub.emit('[<0;3;3M', plain());
		expect(keys.seen).toEqual([]);
		expect(mouse.seen).toEqual([]);
	});

	it('drops a report that comes while keys are held for the screen asked for', () => {
		const hub = createKeyHub();
		const mouse = mouseRecorder();
		hub.subscribe(recorder().handler);
		hub.subscribeMouse(mouse.handler);
		hub.hold([]);
		hub.emit('[<0;3;3M', plain());
		expect(mouse.seen).toEqual([]);
	});
});
