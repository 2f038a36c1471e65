// The grouped timeline: a header and only the visible slice of rows (10,000 messages draw as fast as 10).
// Columns give way by priority when the pane is narrow; the detail pane repeats what they drop.
import React, {memo} from 'react';
import {Box} from 'ink';
import {formatCost, formatDuration, formatTokens} from '../../core/format.js';
import {sanitizeLine} from '../../core/sanitize.js';
import type {TimelineRow} from '../../core/screens/timeline-rows.js';
import type {MessageSortKey} from '../../core/message-groups.js';
import {fitToWidth} from '../../terminal/width.js';
import type {TimelineOutline} from '../services/types.js';
import {Segments} from './segments.js';
import {clockTime, roleLabel} from './timeline-format.js';

type Column = 'num' | 'role' | 'time' | 'gap' | 'tokens' | 'cost' | 'tools';

interface Cells {
	num: string;
	role: string;
	time: string;
	gap: string;
	tokens: string;
	cost: string;
	tools: string;
}

const RIGHT: ReadonlySet<Column> = new Set(['num', 'gap', 'tokens', 'cost']);
const TITLES: Record<Column, string> = {num: '#', role: 'role', time: 'time', gap: 'gap', tokens: 'tokens', cost: 'cost', tools: 'tools'};
const SORTED: Record<MessageSortKey, Column> = {time: 'time', tokens: 'tokens', cost: 'cost', gap: 'gap'};

export interface TableLayout {
	columns: Array<{column: Column; width: number}>;
}

/** Column widths for a pane: time goes first when narrow, then gap; tools take what is left (at least 6). */
export function tableLayout(width: number, messageCount: number): TableLayout {
	const digits = String(Math.max(1, messageCount)).length;
	const fixed: Array<{column: Column; width: number}> = [
		{column: 'num', width: Math.min(11, Math.max(3, digits * 2 + 1))}, {column: 'role', width: 12}, {column: 'time', width: 8},
		{column: 'gap', width: 5}, {column: 'tokens', width: 7}, {column: 'cost', width: 8},
	];
	const room = (cols: typeof fixed) => width - 2 - cols.reduce((a, c) => a + c.width + 1, 0);
	let cols = fixed;
	for (const drop of ['time', 'gap'] as Column[]) if (room(cols) < 6) cols = cols.filter((c) => c.column !== drop);
	return {columns: [...cols, {column: 'tools', width: Math.max(0, room(cols))}]};
}

function cellsOf(row: TimelineRow, o: TimelineOutline, timeZone: string): Cells {
	if (row.kind === 'group') {
		const g = o.groups[row.group]!;
		return {
			num: g.count > 1 ? `${g.startIndex + 1}-${g.endIndex}` : String(g.startIndex + 1),
			role: roleLabel(g.role, g.count), time: clockTime(g.startMs, timeZone), gap: g.deltaMs > 0 ? formatDuration(g.deltaMs) : '',
			tokens: formatTokens(g.totalTokens), cost: formatCost(g.totalCost), tools: g.toolCalls.map(sanitizeLine).join(' '),
		};
	}
	const m = o.messages[row.message]!;
	const u = m.facts.usage;
	return {
		num: `└${row.message + 1}`, role: ` ${roleLabel(m.facts.role, 1)}`, time: clockTime(m.facts.timestamp, timeZone),
		gap: m.deltaMs > 0 ? formatDuration(m.deltaMs) : '', tokens: formatTokens(u.total ?? u.input + u.output),
		cost: formatCost(m.totalCost), tools: m.facts.toolNames.map(sanitizeLine).join(' '),
	};
}

function line(layout: TableLayout, cells: Cells, marker: string): string {
	const parts = layout.columns.filter((c) => c.width > 0)
		.map(({column, width}) => fitToWidth(cells[column], width, RIGHT.has(column) ? 'right' : 'left'));
	return `${marker} ${parts.join(' ')}`;
}

export interface TimelineTableProps {
	outline: TimelineOutline;
	rows: readonly TimelineRow[];
	offset: number;
	cursor: number;
	sort: MessageSortKey;
	/** Rows of the list (the header line comes on top of them). */
	height: number;
	width: number;
	timeZone: string;
}

export const TimelineTable = memo(function TimelineTable(p: TimelineTableProps) {
	const layout = tableLayout(p.width, p.outline.messages.length);
	// The sorted column's title carries the direction: time runs up, the measures run down.
	const titles = {...TITLES, [SORTED[p.sort]]: `${TITLES[SORTED[p.sort]]}${p.sort === 'time' ? '↑' : '↓'}`};
	const visible = p.rows.slice(p.offset, p.offset + p.height);
	return (
		<Box flexDirection="column" width={p.width} height={p.height + 1}>
			<Segments width={p.width} segments={[{text: fitToWidth(line(layout, titles, ' '), p.width), token: 'header'}]} />
			{visible.map((row, i) => {
				const at = p.offset + i;
				const selected = at === p.cursor;
				const text = fitToWidth(line(layout, cellsOf(row, p.outline, p.timeZone), selected ? '›' : ' '), p.width);
				const token = selected ? 'selected' as const : row.kind === 'message' ? 'muted' as const : undefined;
				return <Segments key={at} width={p.width} segments={[token ? {text, token} : {text}]} />;
			})}
			{visible.length === 0 ? <Segments width={p.width} segments={[{text: ' no messages', token: 'muted'}]} /> : null}
		</Box>
	);
});
