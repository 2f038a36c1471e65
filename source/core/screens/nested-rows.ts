// The session list with some parents opened: their subagents follow them, one row each. The top-level
// list lives in SQLite and is paged by offset; this maps a row of the nested list to a top-level row
// or to a child of an opened parent, for the few parents a person opens at a time.

export interface Expansion {
	id: string;
	/** The parent's position in the top-level list. */
	index: number;
	children: number;
}

export type RowRef = {top: number} | {parent: Expansion; child: number};

/** Opened parents in list order. */
export function ordered(exps: readonly Expansion[]): Expansion[] {
	return [...exps].sort((a, b) => a.index - b.index);
}

export function nestedTotal(top: number, exps: readonly Expansion[]): number {
	return top + exps.reduce((n, e) => n + e.children, 0);
}

/** What row `v` of the nested list is (exps in list order). */
export function refAt(v: number, exps: readonly Expansion[]): RowRef {
	let shift = 0;
	for (const e of exps) {
		const at = e.index + shift;
		if (v <= at) return {top: v - shift};
		if (v <= at + e.children) return {parent: e, child: v - at - 1};
		shift += e.children;
	}
	return {top: v - shift};
}

/** Where top-level row `top` sits in the nested list. */
export function nestedIndexOf(top: number, exps: readonly Expansion[]): number {
	return top + exps.filter((e) => e.index < top).reduce((n, e) => n + e.children, 0);
}
