// Keys read in one chunk with the key that asks for another screen (`h/flake`: back, then a search) are
// for that screen, not for this one, which is about to go. A reducer reads its presses through here: the
// presses after the asking one, and whole chunks that come while the request waits to be carried out,
// stay on the request as `rest`; the screen hands them to the key hub with the request (see useKeyHold).
import type {KeyPress} from '../keymap.js';

export interface Press {
	input: string;
	key: KeyPress;
}

/** A screen's request as this module sees it: what it is, and the keys kept for the next screen. */
export interface Leaving {
	kind: string;
	rest?: Press[];
}

/**
 * `step` reads one press. A new request stops the reading: one that `leaves` keeps the presses after it;
 * any other (quit) drops them. A chunk that comes while a request that leaves waits goes on its rest.
 */
export function readPresses<S extends {request: Leaving | null}>(state: S, presses: readonly Press[], step: (state: S, press: Press) => S,
	leaves: (kind: NonNullable<S['request']>['kind']) => boolean): S {
	const waiting = state.request;
	if (waiting && leaves(waiting.kind)) return {...state, request: {...waiting, rest: [...waiting.rest ?? [], ...presses]}};
	if (waiting) return state;
	let next = state;
	for (const [at, press] of presses.entries()) {
		next = step(next, press);
		const asked = next.request;
		if (!asked) continue;
		return leaves(asked.kind) ? {...next, request: {...asked, rest: presses.slice(at + 1)}} : next;
	}
	return next;
}

/**
 * The request numbered `seq` was dealt with, so it is cleared. One the screen could not carry out (`unmet`:
 * its row went away under a sync) gives back the presses it kept for the next screen: `read` reads them here.
 */
export function settle<S extends {request: (Leaving & {seq: number}) | null}>(state: S, seq: number, unmet: boolean,
	read: (state: S, presses: readonly Press[]) => S): S {
	const asked = state.request;
	if (asked?.seq !== seq) return state;
	const settled: S = {...state, request: null};
	return unmet ? read(settled, asked.rest ?? []) : settled;
}
