// Tokens per message group as a one-line sparkline with the selected group marked. A few groups get
// wide bars (three groups in three cells would be unreadable); more groups than cells share a cell,
// which then shows the largest of them, so a spike in a long session never disappears.

const LEVELS = '▁▂▃▄▅▆▇█';

export interface GroupSpark {
	/** One character per cell. */
	cells: string[];
	/** Cells of the selected group, half-open. */
	selected: {start: number; end: number};
	/** Groups per cell (1 when every group has its own bar). */
	perCell: number;
	max: number;
}

function level(value: number, max: number): string {
	if (value <= 0 || max <= 0) return ' ';
	return LEVELS[Math.min(7, Math.max(0, Math.ceil((value / max) * 8) - 1))]!;
}

export function groupSpark(values: readonly number[], width: number, selected: number): GroupSpark {
	const n = values.length;
	if (n === 0 || width <= 0) return {cells: [], selected: {start: 0, end: 0}, perCell: 1, max: 0};
	let max = 0;
	for (const v of values) if (v > max) max = v;
	if (n <= width) {
		// Up to four cells a group: a bar and, from three cells on, a gap that keeps bars apart.
		const each = Math.min(4, Math.floor(width / n));
		const bar = each >= 3 ? each - 1 : each;
		const cells: string[] = [];
		for (const v of values) {
			const c = level(v, max);
			for (let i = 0; i < each; i++) cells.push(i < bar ? c : ' ');
		}
		const at = Math.min(Math.max(selected, 0), n - 1) * each;
		return {cells, selected: {start: at, end: at + bar}, perCell: 1, max};
	}
	const perCell = Math.ceil(n / width);
	const cells: string[] = [];
	for (let i = 0; i < n; i += perCell) {
		let top = 0;
		for (let j = i; j < Math.min(n, i + perCell); j++) if (values[j]! > top) top = values[j]!;
		cells.push(level(top, max));
	}
	const at = Math.floor(Math.min(Math.max(selected, 0), n - 1) / perCell);
	return {cells, selected: {start: at, end: at + 1}, perCell, max};
}
