// The input hook every screen uses instead of Ink's useInput: keys come from the app's one key hub, which
// keeps keys no handler was there for and reads Esc+key as the two keys (see key-hub.ts). Outside an app
// (a screen rendered alone in a test) it reads Ink's keys itself, with the same Esc reading.
import React, {createContext, useContext, useLayoutEffect, useMemo, useRef, type ReactNode} from 'react';
import {useInput, useStdin, type Key} from 'ink';
import {createKeyHub, splitEscape, type KeyHandler, type KeyHub, type MouseHandler} from './key-hub.js';

const KeysContext = createContext<KeyHub | null>(null);

/**
 * The app's key hub: it subscribes once, at the root, and stays subscribed while the app runs. `hub`: one
 * made by the app, which tells it of screen switches (see KeyHub.hold).
 */
export function KeysProvider({children, hub: given}: {children: ReactNode; hub?: KeyHub}) {
	const hub = useMemo(() => given ?? createKeyHub(), [given]);
	// The bytes of each key, for what Ink's reading of them loses (two Escs in one read: see fromRaw). A
	// layout effect: this listener is added before useInput's (a passive effect) and so hears each key first.
	const {internal_eventEmitter: events} = useStdin();
	const raw = useRef<string | undefined>(undefined);
	useLayoutEffect(() => {
		const note = (data: string) => {
			raw.current = data;
		};
		events?.on('input', note);
		return () => {
			events?.off('input', note);
		};
	}, [events]);
	useInput((input, key) => hub.emit(input, key, raw.current));
	return <KeysContext.Provider value={hub}>{children}</KeysContext.Provider>;
}

export interface KeysOptions {
	isActive?: boolean;
	/** Keys this screen binds with Alt (none so far): an Esc before them stays Alt. */
	alt?: readonly string[];
}

export function useKeys(handler: KeyHandler, {isActive = true, alt = []}: KeysOptions = {}): void {
	const hub = useContext(KeysContext);
	const latest = useRef(handler);
	latest.current = handler;
	const altKey = alt.join('\u0000');
	useInput((input, key) => {
		for (const [i, k] of splitEscape(input, key, alt)) latest.current(i, k);
	}, {isActive: isActive && hub === null});
	// A layout effect: subscribed in the commit that drew the screen, before a key can come in between.
	useLayoutEffect(() => (hub && isActive ? hub.subscribe(latest, alt) : undefined), [hub, isActive, altKey]);
}

/**
 * For a screen that asks for another: gives the keys after the asking one back to the hub, for the screen
 * that opens (outside an app there is none, and they are dropped).
 */
export function useKeyHold(): (keys: ReadonlyArray<{input: string; key: Partial<Key>}>) => void {
	const hub = useContext(KeysContext);
	return useMemo(() => (keys) => hub?.hold(keys.map((k) => [k.input, k.key] as const)), [hub]);
}

/**
 * Mouse events (wheel, press, release) while `isActive`, from the app's hub; outside an app there are none
 * (nothing turns mouse reporting on for a screen rendered alone).
 */
export function useMouse(handler: MouseHandler, {isActive = true}: {isActive?: boolean} = {}): void {
	const hub = useContext(KeysContext);
	const latest = useRef(handler);
	latest.current = handler;
	useLayoutEffect(() => (hub && isActive ? hub.subscribeMouse(latest) : undefined), [hub, isActive]);
}
