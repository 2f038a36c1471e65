// Five figures side by side: label, value, and the change against the previous period coloured by
// whether it is good news (cost down, everything else up).
import React, {memo} from 'react';
import {Box} from 'ink';
import type {KpiCell} from '../../core/screens/kpi.js';
import {cells as widthOf, fit} from '../text-fit.js';
import {Segments, type Segment} from './segments.js';

const SEP = ' │ ';

function changeSegment(cell: KpiCell, width: number): Segment {
	if (!cell.change) return {text: fit(width >= 17 ? '— no prior period' : '— no prior', width), token: 'muted'};
	const {arrow, text, good} = cell.change;
	const suffix = width >= 16 ? ' vs prev' : '';
	return {text: fit(`${arrow} ${text}${suffix}`, width), token: good === null ? 'neutral' : good ? 'good' : 'bad'};
}

export const KpiHeader = memo(function KpiHeader({cells, width}: {cells: readonly KpiCell[]; width: number}) {
	const colWidth = Math.max(8, Math.floor((width - 1 - SEP.length * (cells.length - 1)) / cells.length));
	const row = (cell: (c: KpiCell) => Segment): Segment[] =>
		cells.flatMap((c, i) => [...(i > 0 ? [{text: SEP, token: 'rule' as const}] : [{text: ' '}]), cell(c)]);
	return (
		<Box flexDirection="column">
			<Segments width={width} segments={row((c) => ({text: fit(c.label, colWidth), token: 'label'}))} />
			<Segments width={width} segments={row((c) => ({text: fit(c.narrow && widthOf(c.value) > colWidth ? c.narrow : c.value, colWidth), token: 'value'}))} />
			<Segments width={width} segments={row((c) => changeSegment(c, colWidth))} />
		</Box>
	);
});
