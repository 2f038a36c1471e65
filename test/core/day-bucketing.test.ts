// Display-only grouping of the model's days into the cells a chart has room for.
import {describe, expect, it} from 'vitest';
import {bucketDays} from '../../source/core/day-bucketing.js';
import type {DayActivity} from '../../source/core/analytics.js';

const days = (n: number): DayActivity[] => Array.from({length: n}, (_, i) => {
	const d = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
	return {day: d, sessions: i + 1, cost: (i + 1) / 10, tokens: 100 * (i + 1)};
});

describe('bucketDays', () => {
	it('keeps one cell a day when they fit', () => {
		const {cells, perCell} = bucketDays(days(30), 30);
		expect(perCell).toBe(1);
		expect(cells).toHaveLength(30);
		expect(cells[0]).toEqual({first: '2026-01-01', last: '2026-01-01', days: 1, sessions: 1, cost: 0.1, tokens: 100});
	});

	it.each([
		[31, 30, 2, 16],
		[90, 40, 3, 30],
		[91, 40, 3, 31],
		[365, 68, 6, 61],
		[7, 1, 7, 1],
	])('%i days into %i cells: %i days a cell, %i cells', (n, width, perCell, count) => {
		const r = bucketDays(days(n), width);
		expect(r.perCell).toBe(perCell);
		expect(r.cells).toHaveLength(count);
		expect(r.cells.length).toBeLessThanOrEqual(width);
	});

	it('aligns runs to the newest day: the last cell is whole, the first takes the remainder', () => {
		const {cells} = bucketDays(days(10), 4);
		expect(cells.map((c) => c.days)).toEqual([1, 3, 3, 3]);
		expect(cells.at(-1)).toMatchObject({first: '2026-01-08', last: '2026-01-10', sessions: 8 + 9 + 10});
		expect(cells[0]).toMatchObject({first: '2026-01-01', last: '2026-01-01'});
	});

	it('loses nothing: totals over the cells equal totals over the days', () => {
		for (const width of [1, 5, 13, 29, 80]) {
			const {cells} = bucketDays(days(73), width);
			expect(cells.reduce((a, c) => a + c.sessions, 0)).toBe((73 * 74) / 2);
			expect(cells.reduce((a, c) => a + c.days, 0)).toBe(73);
		}
	});

	it('has no cells for no days, and survives a zero width', () => {
		expect(bucketDays([], 10)).toEqual({cells: [], perCell: 1});
		expect(bucketDays(days(3), 0).cells).toHaveLength(1);
	});
});
