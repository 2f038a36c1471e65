// The session table's columns and the text of every cell; how wide each is lives in column-layout.ts.
import type {SessionSummary, SortDir, SortKey, Status} from '../types.js';
import {formatCostShort, formatDuration, formatTokens} from '../format.js';
import {sanitizeLine} from '../sanitize.js';
import {pad2, zonedParts} from '../time.js';
import {DEFAULT_NEEDS, type ColumnNeeds, type ColumnWidths} from './column-layout.js';

export interface ColumnSpec {
	key: SortKey;
	title: string;
	align: 'left' | 'right';
}

export const COLUMNS: readonly ColumnSpec[] = [
	{key: 'date', title: 'date', align: 'left'},
	{key: 'label', title: 'label', align: 'left'},
	{key: 'project', title: 'project', align: 'left'},
	{key: 'agent', title: 'agent', align: 'left'},
	{key: 'model', title: 'model', align: 'left'},
	{key: 'status', title: 'status', align: 'left'},
	{key: 'duration', title: 'dur', align: 'right'},
	{key: 'messages', title: 'msgs', align: 'right'},
	{key: 'tools', title: 'tools', align: 'right'},
	{key: 'tokens', title: 'tokens', align: 'right'},
	{key: 'cost', title: 'cost', align: 'right'},
];

export {columnWidths, DEFAULT_NEEDS, GAP, MARKER_WIDTH, type ColumnNeeds, type ColumnWidths} from './column-layout.js';

/** The columns a table shows at these widths, in order. */
export function shownColumns(widths: ColumnWidths): ColumnSpec[] {
	return COLUMNS.filter((c) => widths[c.key] > 0);
}

/** Widest cell of each column among sessions with these maxima (see SessionsService.columnMaxima). */
export interface ColumnMaxima {
	project: number;
	agent: number;
	model: number;
	cost: number | null;
	unpriced: boolean;
	partial: boolean;
	durationMs: number;
	messages: number;
	tools: number;
	tokens: number;
}

/** formatTokens is not monotonic in length (999.9K is longer than 1.2M): the widest it prints up to n. */
function tokensWidth(n: number): number {
	return Math.max(formatTokens(n).length, n >= 100_000 ? 6 : 0);
}

/** The same maxima over sessions in hand (a drill-down's rows). */
export function maximaOf(rows: readonly SessionSummary[]): ColumnMaxima {
	const m: ColumnMaxima = {project: 0, agent: 0, model: 0, cost: null, unpriced: false, partial: false, durationMs: 0, messages: 0, tools: 0, tokens: 0};
	for (const s of rows) {
		m.project = Math.max(m.project, s.project.length);
		m.agent = Math.max(m.agent, s.agent.length);
		m.model = Math.max(m.model, s.model.length);
		if (s.totalCost === null) m.unpriced = true;
		else m.cost = Math.max(m.cost ?? 0, s.totalCost);
		if (s.costSource === 'partial') m.partial = true;
		m.durationMs = Math.max(m.durationMs, s.durationMs);
		m.messages = Math.max(m.messages, s.messageCount);
		m.tools = Math.max(m.tools, s.toolCalls);
		m.tokens = Math.max(m.tokens, s.totalTokens);
	}
	return m;
}

export function columnNeeds(m: ColumnMaxima): ColumnNeeds {
	const cost = Math.max(m.cost === null ? 0 : formatCostShort(m.cost).length + (m.partial ? 1 : 0), m.unpriced ? 'unpriced'.length : 0);
	return {
		...DEFAULT_NEEDS,
		project: Math.max(1, m.project), agent: Math.max(1, m.agent), model: Math.max(1, m.model), cost: Math.max(m.cost === null ? 5 : '<$0.01'.length, cost),
		duration: formatDuration(m.durationMs).length,
		messages: m.messages < 10_000 ? String(m.messages).length : tokensWidth(m.messages),
		tools: m.tools < 10_000 ? String(m.tools).length : tokensWidth(m.tools),
		tokens: tokensWidth(m.tokens),
	};
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
	return s.costSource === 'partial' ? `${formatCostShort(s.totalCost)}+` : formatCostShort(s.totalCost);
}

export function statusCell(status: Status, width: number): string {
	return width >= status.length + 2 ? `${STATUS_GLYPHS[status]} ${status}` : STATUS_GLYPHS[status];
}

/** Where a row sits in the nested list: a subagent under its parent (depth 1), or a parent, open or not. */
export interface RowNest {
	depth: 0 | 1;
	/** A parent whose subagents are shown below it. */
	open: boolean;
	/** A parent's subagents and what they cost (null: none priced); absent without subagents. */
	subagents?: number;
	subagentCost?: number | null;
}

/** ↳ before a subagent (as the CLI's table marks it), ▸/▾ before a parent with subagents closed/open. */
export function nestMark(nest: RowNest | undefined): string {
	if (!nest) return '';
	if (nest.depth === 1) return '↳ ';
	return nest.subagents ? (nest.open ? '▾ ' : '▸ ') : '';
}

/** A parent's cost including its subagents', as the CLI's "incl. subagents" column counts it. */
export function costWithSubagentsCell(s: Pick<SessionSummary, 'totalCost' | 'costSource'>, nest: RowNest | undefined): string {
	if (!nest?.subagents || nest.subagentCost === undefined || nest.subagentCost === null) return costCell(s);
	return costCell({totalCost: (s.totalCost ?? 0) + nest.subagentCost, costSource: s.costSource});
}

/** A session whose last message is this recent is taken as still running (its agent is writing it). */
export const RUNNING_MS = 5 * 60_000;

/** ● before the label of a session still being written. */
export function isRunning(s: Pick<SessionSummary, 'endMs'>, now: number | undefined): boolean {
	return now !== undefined && now - s.endMs >= 0 && now - s.endMs < RUNNING_MS;
}

/** The unpadded text of each cell, in column order. */
export function cellTexts(s: SessionSummary, widths: ColumnWidths, timeZone: string, nest?: RowNest, now?: number): Record<SortKey, string> {
	return {
		date: dateCell(s.startMs, timeZone, widths.date),
		label: nestMark(nest) + (isRunning(s, now) ? '● ' : '') + (sanitizeLine(s.label) || '(no label)'),
		project: sanitizeLine(s.project) || '—',
		agent: sanitizeLine(s.agent) || '—',
		model: sanitizeLine(s.model) || '—',
		status: statusCell(s.status, widths.status),
		duration: formatDuration(s.durationMs),
		messages: countCell(s.messageCount),
		tools: countCell(s.toolCalls),
		tokens: formatTokens(s.totalTokens),
		cost: costWithSubagentsCell(s, nest),
	};
}

/** A header cell: the title, and on the sort column an arrow for the direction (▲ ascending, ▼ descending). */
export function headerText(column: ColumnSpec, width: number, sort: SortKey, dir: SortDir): string {
	if (column.key !== sort) return column.title.slice(0, width);
	const arrow = dir === 'asc' ? '▲' : '▼';
	return `${column.title.slice(0, Math.max(0, width - 1))}${arrow}`;
}
