// The visible window of the Projects table: a summary line, a header that marks the sort column, then one
// line per project (the selected one inverse). Props in, JSX out.
import React from 'react';
import {Box, Text} from 'ink';
import type {ProjectRow, ProjectSort} from '../../core/project-rollup.js';
import type {ListWindow} from '../../core/screens/list-window.js';
import {PROJECT_GAP, PROJECT_MARKER, projectCells, projectWidths, shownProjectColumns} from '../../core/screens/project-columns.js';
import {PROJECT_SORT_TITLES} from '../../core/screens/projects-reducer.js';
import {formatCost, plural} from '../../core/format.js';
import {fit} from '../text-fit.js';
import {Segments, type Segment} from './segments.js';

/** Lines above the rows: the summary line and the table header. */
export const PROJECT_HEADER_LINES = 2;

export interface ProjectTableProps {
	rows: readonly ProjectRow[];
	list: ListWindow;
	sort: ProjectSort;
	timeZone: string;
	width: number;
	height: number;
}

export function ProjectTable({rows, list, sort, timeZone, width, height}: ProjectTableProps) {
	const cells = rows.map((r) => projectCells(r, timeZone));
	const widths = projectWidths(width, cells);
	const columns = shownProjectColumns(widths);
	const gap = ' '.repeat(PROJECT_GAP);
	const line = (texts: Record<string, string>) => columns.map((c) => fit(texts[c.key]!, widths[c.key], c.align)).join(gap);
	const cost = rows.reduce((a, r) => a + r.totalCost, 0);
	const unpriced = rows.reduce((a, r) => a + r.unpricedSessions, 0);
	const sessions = rows.reduce((a, r) => a + r.sessions, 0);
	const summary: Segment[] = [
		{text: ` ${plural(rows.length, 'project')}`, token: 'value'},
		{text: ` · ${plural(sessions, 'session')} · ${formatCost(cost)}${unpriced ? ` +${unpriced} unpriced` : ''} incl. subagents`, token: 'muted'},
		{text: ` · sorted by ${PROJECT_SORT_TITLES[sort]}`, token: 'muted'},
		{text: '   Enter lists its sessions', token: 'muted'},
	];
	const header: Segment[] = [{text: ' '.repeat(PROJECT_MARKER)}];
	columns.forEach((c, i) => {
		if (i > 0) header.push({text: gap});
		const on = c.sort === sort;
		// Names sort A→Z, every figure largest (or newest) first.
		const title = on ? `${c.title}${sort === 'project' ? '▲' : '▼'}` : c.title;
		header.push({text: fit(title, widths[c.key], c.align), token: on ? 'headerSorted' : 'header'});
	});
	const shown = rows.slice(list.offset, list.offset + list.height);
	const rowsHeight = Math.max(1, height - PROJECT_HEADER_LINES);
	return (
		<Box flexDirection="column" height={height}>
			<Segments width={width} segments={summary} />
			<Segments width={width} segments={header} />
			{rows.length === 0 ? <Text dimColor>  no sessions in this period and filters</Text> : shown.map((r, i) => {
				const at = list.offset + i;
				const text = line(cells[at]!);
				return at === list.cursor
					? <Segments key={r.project} width={width} segments={[{text: fit(`› ${text}`, width), token: 'selected'}]} />
					: <Segments key={r.project} width={width} segments={[{text: ' '.repeat(PROJECT_MARKER)}, {text}]} />;
			})}
			{rowsHeight > shown.length ? <Box height={rowsHeight - Math.max(1, shown.length)} /> : null}
		</Box>
	);
}
