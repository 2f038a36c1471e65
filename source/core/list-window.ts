// Which slice of a long list is visible: the window moves only when the cursor would leave it, so the
// rows do not jump while the cursor moves inside the view.

export interface VisibleRange {
	/** First visible index. */
	start: number;
	/** One past the last visible index. */
	end: number;
}

/**
 * The visible range [start, end) for a list of `total` rows shown `size` at a time, given the previous
 * first row `offset`. The cursor (clamped to the list) is kept inside; the range never runs past the
 * end, and a list shorter than the window shows whole.
 */
export function stableVisibleRange(total: number, cursor: number, size: number, offset: number): VisibleRange {
	if (total <= 0 || size <= 0) return {start: 0, end: 0};
	const at = Math.min(Math.max(cursor, 0), total - 1);
	let start = Math.max(offset, 0);
	if (at < start) start = at;
	else if (at >= start + size) start = at - size + 1;
	start = Math.min(start, Math.max(total - size, 0));
	return {start, end: Math.min(start + size, total)};
}
