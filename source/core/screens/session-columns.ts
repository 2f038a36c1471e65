// The session table's columns: how wide each is at a terminal width, and the text of every cell.
// All eleven columns fit from 80 columns up; extra width goes first to the label, then to the columns
// that carry more when they are wider (time of day, status word, full model and project names).
import type {SessionSummary, SortDir, SortKey, Status} from '../types.js';
import {formatCost, formatDuration, formatTokens} from '../format.js';
import {sanitizeLine} from '../sanitize.js';
import {pad2, zonedParts} from '../time.js';

export interface ColumnSpec {
	key: SortKey;
	title: string;
	align: 'left' | 'right';
	/** Width at 80 columns; GROWTH says where more goes. */
	min: number;
}

export const COLUMNS: readonly ColumnSpec[] = [
	{key: 'date', title: 'date', align: 'left', min: 6},
	{key: 'label', title: 'label', align: 'left', min: 10},
	{key: 'project', title: 'project', align: 'left', min: 7},
	{key: 'agent', title: 'agent', align: 'left', min: 5},
	{key: 'model', title: 'model', align: 'left', min: 10},
	{key: 'status', title: 'status', align: 'left', min: 1},
	{key: 'duration', title: 'dur', align: 'right', min: 5},
	{key: 'messages', title: 'msgs', align: 'right', min: 4},
	{key: 'tools', title: 'tools', align: 'right', min: 4},
	{key: 'tokens', title: 'tokens', align: 'right', min: 6},
	{key: 'cost', title: 'cost', align: 'right', min: 8},
];

/** Columns before the table: the selection marker and its space. */
export const MARKER_WIDTH = 2;
export const GAP = 1;

/** Where spare width goes, in order, up to each column's ideal (the label then takes the rest). */
const GROWTH: ReadonlyArray<[SortKey, number]> = [
	['label', 16], ['date', 12], ['status', 11], ['model', 17], ['agent', 8], ['project', 12], ['tools', 5],
	['label', 32], ['model', 20], ['project', 16], ['agent', 10], ['label', Infinity],
];

export type ColumnWidths = Record<SortKey, number>;

export function columnWidths(width: number): ColumnWidths {
	const widths = Object.fromEntries(COLUMNS.map((c) => [c.key, c.min])) as ColumnWidths;
	let spare = width - MARKER_WIDTH - GAP * (COLUMNS.length - 1) - COLUMNS.reduce((a, c) => a + c.min, 0);
	for (const [key, upTo] of GROWTH) {
		if (spare <= 0) break;
		const add = Math.min(spare, upTo - widths[key]);
		if (add > 0) {
			widths[key] += add;
			spare -= add;
		}
	}
	return widths;
}

export const STATUS_GLYPHS: Record<Status, string> = {completed: '✓', failed: '✗', abandoned: '◌', unknown: '?'};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Nov 20` or, with room, `Nov 20 13:46` in the zone. */
export function dateCell(ms: number, timeZone: string, width: number): string {
	const p = zonedParts(ms, timeZone);
	const day = `${MONTHS[p.month - 1]} ${String(p.day).padStart(2, ' ')}`;
	return width >= 12 ? `${day} ${pad2(p.hour)}:${pad2(p.minute)}` : day;
}

/** Counts that stay narrow: 9999, then 12.3K. */
export function countCell(n: number): string {
	return n < 10_000 ? String(n) : formatTokens(n);
}

/** Never $0 for a session without a price; `+` marks a cost that leaves some unpriced tokens out. */
export function costCell(s: Pick<SessionSummary, 'totalCost' | 'costSource'>): string {
	if (s.totalCost === null) return 'unpriced';
	return s.costSource === 'partial' ? `${formatCost(s.totalCost)}+` : formatCost(s.totalCost);
}

export function statusCell(status: Status, width: number): string {
	return width >= status.length + 2 ? `${STATUS_GLYPHS[status]} ${status}` : STATUS_GLYPHS[status];
}

/** The unpadded text of each cell, in column order. */
export function cellTexts(s: SessionSummary, widths: ColumnWidths, timeZone: string): Record<SortKey, string> {
	return {
		date: dateCell(s.startMs, timeZone, widths.date),
		label: sanitizeLine(s.label) || '(no label)',
		project: sanitizeLine(s.project) || '—',
		agent: sanitizeLine(s.agent) || '—',
		model: sanitizeLine(s.model) || '—',
		status: statusCell(s.status, widths.status),
		duration: formatDuration(s.durationMs),
		messages: countCell(s.messageCount),
		tools: countCell(s.toolCalls),
		tokens: formatTokens(s.totalTokens),
		cost: costCell(s),
	};
}

/** A header cell: the title, and on the sort column an arrow for the direction (▲ ascending, ▼ descending). */
export function headerText(column: ColumnSpec, width: number, sort: SortKey, dir: SortDir): string {
	if (column.key !== sort) return column.title.slice(0, width);
	const arrow = dir === 'asc' ? '▲' : '▼';
	return `${column.title.slice(0, Math.max(0, width - 1))}${arrow}`;
}
