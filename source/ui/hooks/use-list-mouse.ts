// The mouse in a list, as keys the screen already reads: the wheel is 3 × ↓ or ↑ (the cursor moves and the
// window follows, as with the keys), a left click on a row moves the cursor there, and a click on the
// selected row is Enter (it opens the row). Where the rows are comes from the layout of the last frame:
// the box the list is drawn in, its header lines, then one line per row.
import type {RefObject} from 'react';
import type {DOMElement, Key} from 'ink';
import type {ModifiedMouseEvent} from '../../core/mouse.js';
import {BLANK, type KeyHandler} from './key-hub.js';
import {useMouse} from './use-keys.js';

/** Rows a wheel notch scrolls. */
export const WHEEL_ROWS = 3;

export interface ListPlace {
	/** The box the list is drawn in. */
	ref: RefObject<DOMElement | null>;
	/** Lines at the top of that box before the first row (a table header). */
	skip?: number;
	/** Rows on screen. */
	visible: number;
	/** The selected row's line among them (-1: none on screen). */
	selected: number;
}

/** The terminal line of a laid-out box's top, or null while it is not laid out (not on screen). */
export function topLine(node: DOMElement | null | undefined): number | null {
	if (!node?.yogaNode) return null;
	let y = 0;
	for (let n: DOMElement | undefined = node; n; n = n.parentNode) y += n.yogaNode?.getComputedTop() ?? 0;
	return y;
}

const keyOf = (over: Partial<Key>): Key => ({...BLANK, ...over});
const DOWN = keyOf({downArrow: true});
const UP = keyOf({upArrow: true});
const ENTER = keyOf({return: true});

/** The keys a mouse event stands for in a list at `place` (none: the event does nothing there). */
export function listKeys({event, shift, meta, ctrl}: ModifiedMouseEvent, place: ListPlace, top: number | null): Key[] {
	if (event.kind === 'wheel') return Array.from({length: WHEEL_ROWS}, () => (event.direction === 'down' ? DOWN : UP));
	if (event.kind !== 'press' || event.button !== 'left' || shift || meta || ctrl || top === null) return [];
	const line = event.y - top - (place.skip ?? 0);
	if (line < 0 || line >= place.visible || place.selected < 0) return [];
	if (line === place.selected) return [ENTER];
	const delta = line - place.selected;
	return Array.from({length: Math.abs(delta)}, () => (delta > 0 ? DOWN : UP));
}

/**
 * Mouse events in the list at `place` (null: no list on show, the mouse does nothing) become keys for
 * `send`, the screen's own key handler.
 */
export function useListMouse(send: KeyHandler, place: ListPlace | null, {isActive = true}: {isActive?: boolean} = {}): void {
	useMouse((m) => {
		if (!place) return;
		for (const key of listKeys(m, place, topLine(place.ref.current))) send('', key);
	}, {isActive});
}
