// Max, min and append over arrays of any length. Math.max(...xs) and push(...xs) put every element on the
// stack as an argument, which overflows somewhere past 100,000 elements; these loop instead.

/** The largest value, never less than `floor` (which is what an empty list gives). */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
	let max = floor;
	for (const v of values) if (v > max) max = v;
	return max;
}

export function minOf(values: Iterable<number>, ceiling = Infinity): number {
	let min = ceiling;
	for (const v of values) if (v < min) min = v;
	return min;
}

/** Appends every item of `items` to `target`; returns target. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
	for (const item of items) target.push(item);
	return target;
}
