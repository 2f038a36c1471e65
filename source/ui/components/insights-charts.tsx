// The Insights charts tab: goal categories and session types on the left, outcomes and friction on the
// right, each bar with its count, its share and a description line under it; scrolled as text.
import React, {memo} from 'react';
import {Box} from 'ink';
import type {ChartColumns, ChartLine} from '../../core/screens/insights-layout.js';
import {formatPercent, groupDigits} from '../../core/format.js';
import {fitToWidth} from '../../terminal/width.js';
import type {Token} from '../theme.js';
import {Segments, fitSegments, segmentsWidth, type Segment} from './segments.js';

const OUTCOME_TOKENS: Readonly<Record<string, Token>> = {
	fully_achieved: 'good', mostly_achieved: 'spark', partially_achieved: 'warn', not_achieved: 'bad', unclear_from_transcript: 'muted',
};

function barToken(line: Extract<ChartLine, {kind: 'bar'}>): Token {
	switch (line.tone) {
		case 'goal': return 'spark';
		case 'type': return 'model';
		case 'friction': return 'bad';
		case 'outcome': return OUTCOME_TOKENS[line.key] ?? 'value';
		default: {
			const never: never = line.tone;
			return never;
		}
	}
}

/** One chart line as segments exactly `width` cells wide. */
export function chartSegments(line: ChartLine | undefined, width: number): Segment[] {
	let segs: Segment[];
	switch (line?.kind) {
		case undefined:
		case 'blank': segs = []; break;
		case 'title': segs = [{text: ` ${line.text}`, token: 'label'}]; break;
		case 'empty': segs = [{text: `   ${line.text}`, token: 'muted'}]; break;
		case 'more': segs = [{text: `   +${line.hidden} more (e)`, token: 'muted'}]; break;
		case 'description': segs = [{text: `     ${line.text}`, token: 'unpriced'}]; break;
		case 'bar': {
			const labelWidth = Math.min(22, Math.floor(width * 0.5));
			const tail = ` ${groupDigits(line.count).padStart(4)} ${formatPercent(line.share).padStart(4)}`;
			const barWidth = Math.max(4, width - 3 - labelWidth - tail.length);
			const filled = Math.max(1, Math.round(line.fraction * barWidth));
			segs = [
				{text: `   ${fitToWidth(line.label, labelWidth - 1)} `}, {text: '█'.repeat(filled), token: barToken(line)},
				{text: '░'.repeat(barWidth - filled), token: 'rule'}, {text: tail, token: 'value'},
			];
			break;
		}
		default: {
			const never: never = line;
			return never;
		}
	}
	const fit = fitSegments(segs, width);
	return [...fit, {text: ' '.repeat(Math.max(0, width - segmentsWidth(fit)))}];
}

export interface InsightsChartsProps {
	columns: ChartColumns;
	/** First line shown. */
	offset: number;
	height: number;
	width: number;
}

export const InsightsCharts = memo(function InsightsCharts({columns, offset, height, width}: InsightsChartsProps) {
	const gap = 2;
	const leftWidth = Math.floor((width - gap) / 2);
	const rightWidth = width - gap - leftWidth;
	const rows = Array.from({length: Math.min(height, Math.max(0, columns.lines - offset))}, (_, i) => offset + i);
	const above = offset > 0;
	const below = offset + height < columns.lines;
	return (
		<Box flexDirection="column" height={height}>
			{rows.map((n, i) => {
				const marker = (i === 0 && above) ? '▲' : (i === rows.length - 1 && below) ? '▼' : ' ';
				return (
					<Segments key={n} width={width} segments={[
						...chartSegments(columns.left[n], leftWidth), {text: ' ', token: 'muted'}, {text: marker, token: 'muted'},
						...chartSegments(columns.right[n], rightWidth),
					]} />
				);
			})}
		</Box>
	);
});
