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
	/**
	 * The keys a wheel notch gives 3 of; default ↓/↑. (On Analytics' page j/k, which scroll it whatever has
	 * the focus, where ↑↓ pick a weekday on the heatmap.)
	 */
	wheel?: {down: string; up: string};
}

/** Where a laid-out box is on the terminal (cells, 0-based), or null while it is not laid out (not on screen). */
export interface BoxPlace {
	top: number;
	left: number;
	width: number;
}

export function boxPlace(node: DOMElement | null | undefined): BoxPlace | null {
	if (!node?.yogaNode) return null;
	let top = 0;
	let left = 0;
	for (let n: DOMElement | undefined = node; n; n = n.parentNode) {
		top += n.yogaNode?.getComputedTop() ?? 0;
		left += n.yogaNode?.getComputedLeft() ?? 0;
	}
	return {top, left, width: node.yogaNode.getComputedWidth()};
}

const keyOf = (over: Partial<Key>): Key => ({...BLANK, ...over});
const DOWN = keyOf({downArrow: true});
const UP = keyOf({upArrow: true});
const ENTER = keyOf({return: true});

/** The keys a mouse event stands for in a list at `place` (none: the event does nothing there). */
export function listKeys({event, shift, meta, ctrl}: ModifiedMouseEvent, place: ListPlace, box: BoxPlace | null): Array<[string, Key]> {
	if (event.kind === 'wheel') {
		const input = place.wheel ? place.wheel[event.direction] : '';
		const key = place.wheel ? BLANK : event.direction === 'down' ? DOWN : UP;
		return Array.from({length: WHEEL_ROWS}, () => [input, key]);
	}
	if (event.kind !== 'press' || event.button !== 'left' || shift || meta || ctrl || box === null) return [];
	// Beside the list (the Timeline's detail pane) is not on a row.
	if (event.x < box.left || event.x >= box.left + box.width) return [];
	const line = event.y - box.top - (place.skip ?? 0);
	if (line < 0 || line >= place.visible || place.selected < 0) return [];
	if (line === place.selected) return [['', ENTER]];
	const delta = line - place.selected;
	return Array.from({length: Math.abs(delta)}, () => ['', delta > 0 ? DOWN : UP]);
}

/**
 * Mouse events in the list at `place` (null: no list on show, the mouse does nothing) become keys for
 * `send`, the screen's own key handler.
 */
export function useListMouse(send: KeyHandler, place: ListPlace | null, {isActive = true}: {isActive?: boolean} = {}): void {
	useMouse((m) => {
		if (!place) return;
		for (const [input, key] of listKeys(m, place, boxPlace(place.ref.current))) send(input, key);
	}, {isActive});
}
