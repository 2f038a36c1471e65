// Cursor and scroll state of a windowed list: only `height` rows of `total` are on screen at a time.
// Every function returns the same object when nothing changes, so reducers can report no-ops.
import {stableVisibleRange} from '../list-window.js';

export interface ListWindow {
	cursor: number;
	/** First visible row. */
	offset: number;
	/** Rows on screen. */
	height: number;
	/** Rows in the whole list. */
	total: number;
}

export const EMPTY_WINDOW: ListWindow = {cursor: 0, offset: 0, height: 1, total: 0};

function settle(w: ListWindow, cursor: number, offset: number, height: number, total: number): ListWindow {
	const at = total === 0 ? 0 : Math.min(Math.max(cursor, 0), total - 1);
	const range = stableVisibleRange(total, at, height, offset);
	const next = {cursor: at, offset: range.start, height, total};
	return next.cursor === w.cursor && next.offset === w.offset && next.height === w.height && next.total === w.total ? w : next;
}

/** Moves the cursor to a row (clamped); the window scrolls only when the cursor would leave it. */
export function moveTo(w: ListWindow, cursor: number): ListWindow {
	return settle(w, cursor, w.offset, w.height, w.total);
}

export function moveBy(w: ListWindow, delta: number): ListWindow {
	return moveTo(w, w.cursor + delta);
}

/** A page moves the cursor and the window together by one screen, like a pager. */
export function page(w: ListWindow, direction: 1 | -1): ListWindow {
	const step = Math.max(1, w.height);
	return settle(w, w.cursor + direction * step, w.offset + direction * step, w.height, w.total);
}

export function resize(w: ListWindow, height: number): ListWindow {
	return settle(w, w.cursor, w.offset, Math.max(1, height), w.total);
}

export function withTotal(w: ListWindow, total: number): ListWindow {
	return settle(w, w.cursor, w.offset, w.height, Math.max(0, total));
}

/** Back to the top (a new filter or sort shows a new list). */
export function reset(w: ListWindow, total = w.total): ListWindow {
	return settle(w, 0, 0, w.height, total);
}

/**
 * After the list changed underneath (a sync added or grew sessions): the selected row is now at `index`.
 * It stays selected; the window stays where it was unless the row left it, so rows that arrived above
 * the selected one come into view rather than being scrolled away.
 */
export function follow(w: ListWindow, index: number | null, total: number): ListWindow {
	if (index === null) return withTotal(w, total);
	return settle(w, index, w.offset, w.height, total);
}

/** The selected row moved to `index` (the list was re-sorted): it keeps its line on screen where it can. */
export function place(w: ListWindow, index: number): ListWindow {
	return settle(w, index, index - (w.cursor - w.offset), w.height, w.total);
}
