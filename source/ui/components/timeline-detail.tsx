// The detail pane: a title line, then the visible slice of the selected row's lines (it scrolls on its
// own with J/K), and a position marker when there is more than fits.
import React, {memo} from 'react';
import {Box} from 'ink';
import {fitToWidth} from '../../terminal/width.js';
import {Segments, SplitLine, type Segment} from './segments.js';

export interface TimelineDetailProps {
	lines: readonly Segment[][];
	scroll: number;
	/** Lines for the text under the title. */
	height: number;
	width: number;
}

export const TimelineDetail = memo(function TimelineDetail({lines, scroll, height, width}: TimelineDetailProps) {
	const top = Math.min(scroll, Math.max(0, lines.length - height));
	const visible = lines.slice(top, top + height);
	const more = lines.length > height ? `${top + 1}–${Math.min(lines.length, top + height)}/${lines.length} J/K` : '';
	return (
		<Box flexDirection="column" width={width} height={height + 1}>
			<SplitLine width={width} left={[{text: 'detail', token: 'header'}]} right={[{text: more, token: 'muted'}]} />
			{visible.map((l, i) => <Segments key={top + i} width={width} segments={l.length ? l : [{text: ' '}]} />)}
		</Box>
	);
});

/** The sub-sessions (subagents) of this session, to open one with Enter. */
export function SubSessionList({rows, cursor, offset, height, width}: {
	rows: ReadonlyArray<{label: string; agent: string; messages: number; cost: string}>; cursor: number; offset: number; height: number; width: number;
}) {
	return (
		<Box flexDirection="column" width={width} height={height + 1}>
			<Segments width={width} segments={[{text: ` sub-sessions (${rows.length}) · Enter opens · Esc closes`, token: 'header'}]} />
			{rows.slice(offset, offset + height).map((r, i) => {
				const selected = offset + i === cursor;
				const text = `${selected ? '›' : ' '} ${r.label} · ${r.agent || '—'} · ${r.messages} messages · ${r.cost}`;
				return <Segments key={offset + i} width={width} segments={[selected ? {text: fitToWidth(text, width), token: 'selected'} : {text}]} />;
			})}
		</Box>
	);
}
