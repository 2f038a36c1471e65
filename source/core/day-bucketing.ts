// Display-only: fits the model's days (one per calendar day, zeros included) into the cells a chart has
// room for. The model and `analytics --json` keep every day; only the drawing groups them.
import type {DayActivity} from './analytics.js';

export interface DayCell {
	/** First and last calendar day the cell covers (equal when a cell is one day). */
	first: string;
	last: string;
	days: number;
	sessions: number;
	cost: number;
	tokens: number;
}

export interface DayCells {
	cells: DayCell[];
	/** Days per cell; 1 when every day has its own cell. */
	perCell: number;
}

/**
 * Groups days into runs of `perCell = ceil(days / width)` so the cells fit `width`. Runs are aligned to
 * the newest day, so the latest cell is always whole; the oldest cell takes the remainder.
 */
export function bucketDays(days: readonly DayActivity[], width: number): DayCells {
	const n = days.length;
	if (n === 0) return {cells: [], perCell: 1};
	const perCell = Math.ceil(n / Math.max(1, Math.floor(width)));
	const cells: DayCell[] = [];
	const head = n % perCell;
	for (let start = head > 0 ? head - perCell : 0; start < n; start += perCell) {
		const run = days.slice(Math.max(0, start), start + perCell);
		cells.push({
			first: run[0]!.day,
			last: run[run.length - 1]!.day,
			days: run.length,
			sessions: run.reduce((a, d) => a + d.sessions, 0),
			cost: run.reduce((a, d) => a + d.cost, 0),
			tokens: run.reduce((a, d) => a + d.tokens, 0),
		});
	}
	return {cells, perCell};
}
