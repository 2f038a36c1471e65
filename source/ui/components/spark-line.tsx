// Daily cost over the period as a sparkline, and the active filters as chips on the right.
import React, {memo} from 'react';
import {sparkline} from '../../core/screens/kpi.js';
import {formatCost} from '../../core/format.js';
import {SplitLine, segmentsWidth, type Segment} from './segments.js';

export const SparkLine = memo(function SparkLine({values, chips, width}: {values: readonly number[]; chips: readonly string[]; width: number}) {
	const right: Segment[] = chips.length
		? chips.flatMap((c, i) => [...(i > 0 ? [{text: ' '}] : []), {text: ` ${c} `, token: 'chipOn' as const}])
		: [{text: 'no filters', token: 'muted'}];
	const rightWidth = Math.min(segmentsWidth(right), Math.floor(width / 2));
	// The tail names the largest run the line draws (not the largest day inside it), so the tallest bar
	// and its figure agree; its width is reserved from the largest the values could sum to.
	const widest = ` max ${formatCost(values.reduce((a, v) => a + v, 0))}`;
	const room = Math.max(4, width - rightWidth - 16 - widest.length);
	const {text, perChar, max} = sparkline(values, Math.min(room, 90));
	const tail = max > 0 ? ` max ${formatCost(max)}` : ' no spend';
	const label = perChar > 1 ? `cost/${perChar}d ` : 'cost/day ';
	return (
		<SplitLine
			width={width}
			left={[{text: ' '}, {text: label, token: 'label'}, {text: text || '—', token: 'spark'}, {text: perChar > 1 ? tail.replace('max', `max/${perChar}d`) : `${tail}/day`, token: 'muted'}]}
			right={[...right, {text: ' '}]}
		/>
	);
});
