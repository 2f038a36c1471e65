// Plain-text tables for the human-readable reports, aligned by display width. Every cell and header passes
// the sanitizer here: a control sequence or newline in an ID or path would break the terminal or the layout.
import {sanitizeLine} from '../core/sanitize.js';
import {fitToWidth, stringWidth} from '../terminal/width.js';
import {maxOf} from '../core/numbers.js';

export interface Column<T> {
	header: string;
	align?: 'left' | 'right';
	/** Widest the column may get; longer cells are cut with an ellipsis. */
	max?: number;
	cell: (row: T) => string;
}

export function renderTable<T>(rows: readonly T[], columns: ReadonlyArray<Column<T>>): string {
	const cells = rows.map((r) => columns.map((c) => sanitizeLine(c.cell(r))));
	const widths = columns.map((c, i) => {
		const widest = maxOf(cells.map((row) => stringWidth(row[i]!)), stringWidth(sanitizeLine(c.header)));
		return c.max ? Math.min(c.max, widest) : widest;
	});
	const line = (values: string[]) =>
		values.map((v, i) => fitToWidth(v, widths[i]!, columns[i]!.align)).join('  ').trimEnd();
	const out = [line(columns.map((c) => sanitizeLine(c.header))), line(widths.map((w) => '─'.repeat(w)))];
	for (const row of cells) out.push(line(row));
	return out.join('\n');
}
