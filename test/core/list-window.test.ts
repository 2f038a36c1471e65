import {describe, expect, it} from 'vitest';
import {stableVisibleRange} from '../../source/core/list-window.js';

describe('stableVisibleRange (acceptance 25)', () => {
	it.each([
		// total, cursor, size, offset → start, end
		[10, 5, 4, 3, 3, 7],
		[10, 7, 4, 3, 4, 8],
		[10, 2, 4, 5, 2, 6],
		[10, 0, 3, 0, 0, 3],
		[10, 9, 3, 0, 7, 10],
		// edges
		[3, 1, 10, 0, 0, 3],
		[10, 50, 3, 0, 7, 10],
		[10, 2, 3, 9, 2, 5],
		[10, 8, 3, 9, 7, 10],
		[0, 0, 5, 0, 0, 0],
		[10, 0, 0, 0, 0, 0],
	])('(%d, %d, %d, %d) → %d–%d', (total, cursor, size, offset, start, end) => {
		expect(stableVisibleRange(total, cursor, size, offset)).toEqual({start, end});
	});
});
