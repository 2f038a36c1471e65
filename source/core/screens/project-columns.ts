// The Projects table's columns: the text of every cell and how wide each is at a terminal width. The
// figures take what their data needs; the project name gets what is left; columns that do not fit are
// dropped, the least telling first (last active, then tokens, then agent time).
import type {ProjectRow, ProjectSort} from '../project-rollup.js';
import {formatCostShort, formatDuration, formatTokens} from '../format.js';
import {sanitizeLine} from '../sanitize.js';
import {dateCell} from './session-columns.js';

export type ProjectColumnKey = 'project' | 'sessions' | 'cost' | 'tokens' | 'time' | 'success' | 'last';

export interface ProjectColumn {
	key: ProjectColumnKey;
	title: string;
	align: 'left' | 'right';
	/** The sort this column shows, when there is one. */
	sort?: ProjectSort;
}

export const PROJECT_COLUMNS: readonly ProjectColumn[] = [
	{key: 'project', title: 'project', align: 'left', sort: 'project'},
	{key: 'sessions', title: 'sessions', align: 'right', sort: 'sessions'},
	{key: 'cost', title: 'cost incl. sub', align: 'right', sort: 'cost'},
	{key: 'tokens', title: 'tokens', align: 'right', sort: 'tokens'},
	{key: 'time', title: 'agent time', align: 'right'},
	{key: 'success', title: 'success', align: 'right'},
	{key: 'last', title: 'last active', align: 'left', sort: 'last-active'},
];

/** Dropped in this order when the width runs out (the project name keeps at least MIN_PROJECT). */
const DROP_ORDER: readonly ProjectColumnKey[] = ['last', 'tokens', 'time', 'success'];
const MIN_PROJECT = 12;
export const PROJECT_GAP = 2;
/** The cursor marker (`› `) before the first column. */
export const PROJECT_MARKER = 2;

export type ProjectWidths = Readonly<Record<ProjectColumnKey, number>>;

export function projectCells(r: ProjectRow, timeZone: string): Record<ProjectColumnKey, string> {
	return {
		project: sanitizeLine(r.project) || '—',
		sessions: String(r.sessions) + (r.subagentSessions ? ` +${r.subagentSessions}↳` : ''),
		cost: formatCostShort(r.totalCost) + (r.unpricedSessions ? '+' : ''),
		tokens: formatTokens(r.totalTokens),
		time: formatDuration(r.durationMs),
		success: r.sessions ? `${Math.round(r.successRate * 100)}%` : '—',
		last: r.lastActiveMs > 0 ? dateCell(r.lastActiveMs, timeZone, 12) : '—',
	};
}

/** Widths that fit `width` cells: each figure as wide as its widest cell (or title and sort arrow), the name the rest. */
export function projectWidths(width: number, cells: ReadonlyArray<Record<ProjectColumnKey, string>>): ProjectWidths {
	const need = {} as Record<ProjectColumnKey, number>;
	for (const c of PROJECT_COLUMNS) need[c.key] = cells.reduce((w, row) => Math.max(w, Array.from(row[c.key]).length), c.title.length + 1);
	const shown = new Set(PROJECT_COLUMNS.map((c) => c.key));
	const used = () => [...shown].filter((k) => k !== 'project').reduce((a, k) => a + need[k] + PROJECT_GAP, PROJECT_MARKER);
	for (const k of DROP_ORDER) {
		if (width - used() >= Math.min(MIN_PROJECT, need.project)) break;
		shown.delete(k);
	}
	const out = {} as Record<ProjectColumnKey, number>;
	for (const c of PROJECT_COLUMNS) out[c.key] = shown.has(c.key) ? need[c.key] : 0;
	out.project = Math.max(1, Math.min(need.project, width - used()));
	return out;
}

export function shownProjectColumns(widths: ProjectWidths): ProjectColumn[] {
	return PROJECT_COLUMNS.filter((c) => widths[c.key] > 0);
}
