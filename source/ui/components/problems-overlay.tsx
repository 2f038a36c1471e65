// The `w` overlay of the Sessions screen: every problem the sources have, in full. The status bar has room
// for the first one only; here each names its file (and lines) and what is wrong, wrapped, scrollable.
import React from 'react';
import {Box} from 'ink';
import type {SyncSnapshot} from '../services/types.js';
import {groupDigits} from '../../core/format.js';
import {Segments, type Segment} from './segments.js';
import {wrapText} from '../text-fit.js';

/** The overlay's lines below its title, wrapped to the width. */
export function problemLines(sync: Pick<SyncSnapshot, 'errors' | 'warnings'>, width: number): Segment[][] {
	const room = Math.max(8, width - 4);
	const lines: Segment[][] = [];
	for (const error of sync.errors) {
		wrapText(error, room).forEach((part, i) => lines.push([{text: i === 0 ? ' ✗ ' : '   ', token: 'bad'}, {text: part}]));
	}
	for (const w of sync.warnings) {
		wrapText(w.where, room).forEach((part, i) => lines.push([{text: i === 0 ? ' ⚠ ' : '   ', token: 'warn'}, {text: part}]));
		const times = w.count > 1 ? ` (${groupDigits(w.count)} times)` : '';
		for (const part of wrapText(`${w.message}${times}`, room - 2)) lines.push([{text: '     '}, {text: part, token: 'muted'}]);
	}
	if (lines.length === 0) lines.push([{text: ' No problems: every source was read in full.', token: 'muted'}]);
	return lines;
}

export function ProblemsOverlay({lines, scroll, width, height}: {lines: readonly Segment[][]; scroll: number; width: number; height: number}) {
	const room = Math.max(1, height - 1);
	const shown = lines.slice(scroll, scroll + room);
	const range = lines.length > room ? `  ${scroll + 1}–${scroll + shown.length} of ${lines.length} lines, j/k scroll` : '';
	return (
		<Box flexDirection="column" height={height}>
			<Segments width={width} segments={[{text: ' Problems', token: 'title'}, {text: `  (w or Esc closes)${range}`, token: 'muted'}]} />
			{shown.map((segments, i) => <Segments key={i} width={width} segments={segments} />)}
		</Box>
	);
}
