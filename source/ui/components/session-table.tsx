// The visible window of the session table: a header that marks the sort column and direction, then one
// line per session. Each line is one Text (nested spans are not layout nodes) and a memoized component,
// so moving the cursor re-renders two rows, and a frame costs the same over 100 sessions as over 100,000.
import React, {memo} from 'react';
import {Box} from 'ink';
import type {SessionSummary, SortDir, SortKey} from '../../core/types.js';
import {GAP, MARKER_WIDTH, cellTexts, headerText, shownColumns, type ColumnWidths, type RowNest} from '../../core/screens/session-columns.js';
import {fit} from '../text-fit.js';
import type {Token} from '../theme.js';
import {Segments, type Segment} from './segments.js';

export interface SessionTableProps {
	rows: readonly SessionSummary[];
	/** The clock: sessions written to in the last minutes are marked ● (running now). */
	now?: number;
	/** Each row's place among parents and subagents (the Sessions list); absent: a flat list. */
	nest?: readonly RowNest[];
	/** Index of rows[0] in the whole list. */
	offset: number;
	cursor: number;
	widths: ColumnWidths;
	sort: SortKey;
	sortDir: SortDir;
	timeZone: string;
	/** Lines for rows (the header is extra). */
	height: number;
	width: number;
	empty: string;
}

function cellToken(key: SortKey, s: SessionSummary): Token | undefined {
	switch (key) {
		case 'date': case 'project': case 'agent': return 'muted';
		case 'model': return 'model';
		case 'status': return `status.${s.status}`;
		case 'cost': return s.totalCost === null ? 'unpriced' : 'cost';
		default: return undefined;
	}
}

const gap = ' '.repeat(GAP);
const marker = ' '.repeat(MARKER_WIDTH);

interface RowProps {
	session: SessionSummary;
	nest?: RowNest | undefined;
	now?: number | undefined;
	selected: boolean;
	widths: ColumnWidths;
	timeZone: string;
	width: number;
}

export const SessionRow = memo(function SessionRow({session: s, nest, now, selected, widths, timeZone, width}: RowProps) {
	const texts = cellTexts(s, widths, timeZone, nest, now);
	const columns = shownColumns(widths);
	const cells = columns.map((c) => fit(texts[c.key], widths[c.key], c.align));
	if (selected) return <Segments width={width} segments={[{text: fit(`› ${cells.join(gap)}`, width), token: 'selected'}]} />;
	// Runs of one style become one span (a gap takes the style of the cell before it; a space's
	// foreground colour does not show): a third as many text nodes for Ink to lay out and colour.
	const segments: Segment[] = [{text: marker}];
	columns.forEach((c, j) => {
		const token = cellToken(c.key, s);
		const last = segments[segments.length - 1]!;
		const text = j > 0 ? gap + cells[j]! : cells[j]!;
		if (last.token === token) last.text += text;
		else if (j > 0) {
			last.text += gap;
			segments.push(token ? {text: cells[j]!, token} : {text: cells[j]!});
		} else segments.push(token ? {text, token} : {text});
	});
	return <Segments width={width} segments={segments} />;
});

export const TableHeader = memo(function TableHeader({widths, sort, sortDir, width}: {widths: ColumnWidths; sort: SortKey; sortDir: SortDir; width: number}) {
	const header: Segment[] = [{text: marker}];
	shownColumns(widths).forEach((c, i) => {
		if (i > 0) header.push({text: gap});
		header.push({text: fit(headerText(c, widths[c.key], sort, sortDir), widths[c.key], c.align), token: c.key === sort ? 'headerSorted' : 'header'});
	});
	return <Segments width={width} segments={header} />;
});

export function SessionTable(p: SessionTableProps) {
	return (
		<Box flexDirection="column" height={p.height + 1}>
			<TableHeader widths={p.widths} sort={p.sort} sortDir={p.sortDir} width={p.width} />
			{p.rows.length
				? p.rows.slice(0, p.height).map((s, i) => (
					<SessionRow key={s.id} session={s} nest={p.nest?.[i]} now={p.now} selected={p.offset + i === p.cursor} widths={p.widths} timeZone={p.timeZone} width={p.width} />
				))
				: <Segments width={p.width} segments={[{text: `  ${p.empty}`, token: 'muted'}]} />}
		</Box>
	);
}
