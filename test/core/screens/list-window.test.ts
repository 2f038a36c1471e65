// Cursor and window moves of a windowed list, including following a row after the list changed.
import {describe, expect, it} from 'vitest';
import {follow, moveBy, moveTo, page, reset, resize, withTotal, type ListWindow} from '../../../source/core/screens/list-window.js';

const w = (cursor: number, offset: number, height = 5, total = 20): ListWindow => ({cursor, offset, height, total});

describe('list window', () => {
	it('moves inside the window without scrolling, scrolls at the edges, clamps at the ends', () => {
		expect(moveBy(w(0, 0), 3)).toEqual(w(3, 0));
		expect(moveBy(w(4, 0), 1)).toEqual(w(5, 1));
		expect(moveBy(w(5, 1), -1)).toEqual(w(4, 1));
		expect(moveBy(w(1, 1), -1)).toEqual(w(0, 0));
		expect(moveTo(w(0, 0), 99)).toEqual(w(19, 15));
		expect(moveTo(w(3, 0), -4)).toEqual(w(0, 0));
	});

	it('returns the same object for a no-op', () => {
		const at = w(0, 0);
		expect(moveBy(at, -1)).toBe(at);
		const end = w(19, 15);
		expect(moveBy(end, 1)).toBe(end);
	});

	it('pages by a screen, cursor and window together', () => {
		expect(page(w(2, 0), 1)).toEqual(w(7, 5));
		expect(page(w(7, 5), -1)).toEqual(w(2, 0));
		expect(page(w(17, 15), 1)).toEqual(w(19, 15));
		expect(page(w(1, 0), -1)).toEqual(w(0, 0));
	});

	it('resizes and refits the window to the list', () => {
		expect(resize(w(9, 5), 3)).toEqual(w(9, 7, 3));
		expect(resize(w(19, 15), 10)).toEqual(w(19, 10, 10));
		expect(withTotal(w(19, 15), 4)).toEqual(w(3, 0, 5, 4));
		expect(withTotal(w(3, 0), 0)).toEqual(w(0, 0, 5, 0));
		expect(reset(w(12, 10))).toEqual(w(0, 0));
	});

	it('follows the selected row to its new index, keeping the window unless the row left it', () => {
		// Two rows were inserted above the selected one: it moves down two lines, still in view.
		expect(follow(w(7, 5), 9, 22)).toEqual(w(9, 5, 5, 22));
		// Pushed past the window's end: the window scrolls just enough.
		expect(follow(w(9, 5), 12, 22)).toEqual(w(12, 8, 5, 22));
		// Moved to the top of the list.
		expect(follow(w(7, 5), 0, 22)).toEqual(w(0, 0, 5, 22));
		// Gone: the cursor stays where it was, clamped.
		expect(follow(w(19, 15), null, 10)).toEqual(w(9, 5, 5, 10));
	});
});
