// One reader of the terminal's keys for every screen. Ink hands keys to whichever input handlers are
// subscribed at that moment and drops the rest: a key typed before the first frame, or while a screen is
// replaced by another (the error panel subscribes in an effect after its first frame), was lost. The hub
// keeps keys that arrive while no handler listens and gives them, in order, to the next one that does.
// It also reads an Esc that came with the next key as the two keys they were (see splitEscape).
// Mouse reports (SGR, turned on by the explorer) come in as keys too: the hub reads them out with the core
// mouse reader and hands them to mouse handlers, so no screen ever sees their bytes as keys.
import type {Key} from 'ink';
import {MouseReader, type ModifiedMouseEvent} from '../../core/mouse.js';

export type KeyHandler = (input: string, key: Key) => void;
export type MouseHandler = (event: ModifiedMouseEvent) => void;

export interface KeyHub {
	/** A key from the terminal (Ink's useInput at the root); `raw`: the bytes Ink read it from (see fromRaw). */
	emit(input: string, key: Key, raw?: string): void;
	/** A handler takes keys until the returned function is called; keys kept meanwhile come to it first. */
	subscribe(handler: {current: KeyHandler}, alt?: readonly string[]): () => void;
	/**
	 * A screen that asked for another screen gives back the keys that came after the asking key (`b` in
	 * `bsp`): they, and every key until then, wait for the next handler that subscribes, not one there now.
	 */
	hold(keys: ReadonlyArray<readonly [string, Partial<Key>]>): void;
	/**
	 * A handler takes mouse events until the returned function is called. Unlike keys, a mouse event no
	 * handler was there for (or that came while keys were held for another screen) is dropped: it points
	 * at a place on a frame that is no longer there.
	 */
	subscribeMouse(handler: {current: MouseHandler}): () => void;
}

/** How long held keys wait for the screen that was asked for before they go to whoever listens. */
export const HOLD_MS = 2000;

/** Keys kept for a handler at most: a key held down while nothing listens must not grow without end. */
export const KEPT_KEYS = 256;

const ESCAPE: Partial<Key> = {escape: true, meta: true};

export const BLANK: Key = {
	upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageUp: false, pageDown: false, home: false, end: false,
	return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
	super: false, hyper: false, capsLock: false, numLock: false,
};

/**
 * Ink reads an Esc byte and the key after it in the same read (a fast typist, tmux send-keys, or a split
 * read Ink joined) as Alt+key. Where the screen binds no Alt+key (`alt`: the keys it does bind with Alt)
 * that is an Esc, then the key.
 */
export function splitEscape(input: string, key: Key, alt: readonly string[] = []): Array<[string, Key]> {
	if (!key.meta || key.escape || alt.includes(input)) return [[input, key]];
	const plain: Key = {...key, meta: false};
	return [['', {...blankKey(key), ...ESCAPE}], [input, plain]];
}

/**
 * The keys Ink's reading lost, found in the bytes it read. Two Escs in one read (`\x1b\x1b`: Esc pressed
 * twice quickly, or tmux send-keys Escape Escape) are one Esc to Ink. An Esc before punctuation or Tab
 * (`\x1b/`) is dropped, where before a letter it is Meta: it is made Meta, which splitEscape reads.
 */
export function fromRaw(raw: string | undefined, input: string, key: Key): Array<[string, Key]> {
	if (raw === '\u001b\u001b') return [['', {...blankKey(key), ...ESCAPE}], ['', {...blankKey(key), ...ESCAPE}]];
	if (raw?.length === 2 && raw[0] === '\u001b' && raw[1] !== '\u001b' && !key.meta) {
		return input === '\t' ? [['', {...key, meta: true, tab: true}]] : [[input, {...key, meta: true}]];
	}
	return [[input, key]];
}

/**
 * A key as the screens read it. An Enter typed before raw mode came on (while node was still starting)
 * sat in the terminal's cooked line buffer, which had turned its CR into LF: it arrives as a lone `\n`,
 * which Ink names "enter" but does not flag as `return`. It is an Enter. (Ctrl-J, the same byte, too.)
 */
export function normalKey(input: string, key: Key): [string, Key] {
	if (input === '\n' && !key.return) return ['', {...blankKey(key), return: true}];
	return [input, key];
}

function blankKey(key: Key): Key {
	const out = {...key};
	for (const k of Object.keys(out) as Array<keyof Key>) if (typeof out[k] === 'boolean') (out as Record<string, unknown>)[k] = false;
	return out;
}

export function createKeyHub(): KeyHub {
	const handlers: Array<{handler: {current: KeyHandler}; alt: readonly string[]}> = [];
	const mouseHandlers: Array<{current: MouseHandler}> = [];
	const mouse = new MouseReader();
	let kept: Array<[string, Key]> = [];
	// While held: the handlers that were there when the keys were given back, which must not get them.
	let heldFrom: Set<unknown> | null = null;
	let holdTimer: ReturnType<typeof setTimeout> | null = null;
	const release = () => {
		heldFrom = null;
		if (holdTimer) clearTimeout(holdTimer);
		holdTimer = null;
	};
	// Once held keys are released to a new handler: the old ones, which must not get them either.
	let skip: Set<unknown> | null = null;
	const deliver = (input: string, key: Key) => {
		let rest = false;
		// A copy: a handler may unsubscribe another (a screen that closes) while the key is handed round.
		for (const h of [...handlers]) {
			if (skip?.has(h.handler)) continue;
			const parts = splitEscape(input, key, h.alt);
			for (const [at, [i, k]] of parts.entries()) {
				const before = kept.length;
				h.handler.current(i, k);
				// A handler that asked for another screen on the Esc of Esc+key (the error panel) leaves the key to
				// it: after the keys it gave back (put first), before those kept already.
				if (heldFrom?.has(h.handler) && at + 1 < parts.length) {
					const given = Math.max(0, kept.length - before);
					if (!rest) kept = [...kept.slice(0, given), ...parts.slice(at + 1), ...kept.slice(given)];
					rest = true;
					break;
				}
			}
		}
	};
	const flush = () => {
		while (!heldFrom && kept.length && handlers.length) {
			const [input, key] = kept.shift()!;
			deliver(input, key);
		}
		if (!kept.length) skip = null;
	};
	return {
		emit(keyInput, keyKey, raw) {
			let rawInput = keyInput;
			let rawKey = keyKey;
			if (mouse.waiting || keyInput.startsWith('[<')) {
				const read = mouse.read(keyInput);
				if (read.events.length && !heldFrom) {
					flush();
					for (const event of read.events) for (const h of [...mouseHandlers]) h.current(event);
				}
				if (!read.keys) return;
				if (read.keys !== keyInput) {
					rawInput = read.keys;
					rawKey = {...blankKey(keyKey), shift: read.keys.length === 1 && /[A-Z]/.test(read.keys)};
				}
			}
			for (const [readInput, readKey] of fromRaw(raw, rawInput, rawKey)) {
				const [input, key] = normalKey(readInput, readKey);
				if (!handlers.length || heldFrom) {
					if (kept.length < KEPT_KEYS) kept.push([input, key]);
					continue;
				}
				flush();
				deliver(input, key);
			}
		},
		subscribe(handler, alt = []) {
			const entry = {handler, alt};
			handlers.push(entry);
			if (heldFrom && !heldFrom.has(handler)) {
				skip = heldFrom;
				release();
			}
			// After the commit that subscribed it: the handler's screen has its state in place.
			if (kept.length) queueMicrotask(flush);
			return () => {
				const i = handlers.indexOf(entry);
				if (i >= 0) handlers.splice(i, 1);
			};
		},
		subscribeMouse(handler) {
			mouseHandlers.push(handler);
			return () => {
				const i = mouseHandlers.indexOf(handler);
				if (i >= 0) mouseHandlers.splice(i, 1);
			};
		},
		hold(keys) {
			if (!keys.length && heldFrom) return;
			kept = [...keys.map(([i, k]): [string, Key] => [i, {...BLANK, ...k}]), ...kept].slice(0, KEPT_KEYS);
			heldFrom = new Set(handlers.map((h) => h.handler));
			if (holdTimer) clearTimeout(holdTimer);
			// The screen asked for may not come (nothing to open): the keys then go to whoever listens.
			holdTimer = setTimeout(() => {
				release();
				flush();
			}, HOLD_MS);
			holdTimer.unref?.();
		},
	};
}

