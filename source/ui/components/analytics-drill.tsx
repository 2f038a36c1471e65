// The drill-down: the sessions one activity cell or one hour of the week counted, as the session table.
import React from 'react';
import {Box} from 'ink';
import type {SessionSummary, SortDir, SortKey} from '../../core/types.js';
import type {DrillSlot} from '../../core/screens/analytics-slot.js';
import {slotLabel} from '../../core/screens/analytics-slot.js';
import type {ListWindow} from '../../core/screens/list-window.js';
import {columnNeeds, columnWidths, maximaOf} from '../../core/screens/session-columns.js';
import {formatCost, groupDigits} from '../../core/format.js';
import {Segments} from './segments.js';
import {SessionTable} from './session-table.js';

/** Lines above the table rows: the title line and the table header. */
export const DRILL_HEADER_LINES = 2;

export interface DrillViewProps {
	slot: DrillSlot;
	rows: readonly SessionSummary[];
	list: ListWindow;
	sort: SortKey;
	sortDir: SortDir;
	timeZone: string;
	width: number;
	height: number;
}

export function DrillView({slot, rows, list, sort, sortDir, timeZone, width, height}: DrillViewProps) {
	const priced = rows.filter((r) => r.totalCost !== null);
	const cost = priced.length ? formatCost(priced.reduce((a, r) => a + (r.totalCost ?? 0), 0)) : '—';
	const what = `session${rows.length === 1 ? '' : 's'} started${slot.kind === 'hour' ? ' in this hour of the week' : ''}`;
	return (
		<Box flexDirection="column" height={height}>
			<Segments width={width} segments={[
				{text: ' ◂ ', token: 'key'}, {text: slotLabel(slot), token: 'title'},
				{text: `  ${groupDigits(rows.length)} ${what} · ${cost}`, token: 'muted'},
				{text: '   Enter opens · Esc back to the charts', token: 'muted'},
			]} />
			<SessionTable rows={rows.slice(list.offset, list.offset + list.height)} offset={list.offset} cursor={list.cursor}
				widths={columnWidths(width, columnNeeds(maximaOf(rows)), sort)} sort={sort} sortDir={sortDir} timeZone={timeZone}
				height={Math.max(1, height - DRILL_HEADER_LINES)} width={width} empty="no sessions" />
		</Box>
	);
}
