// The `?` overlay: every key of the current screen, read from the keymap, in two columns when it helps.
import React from 'react';
import {Box} from 'ink';
import {keysLabel, type Binding} from '../../core/keymap.js';
import {cells, fit} from '../text-fit.js';
import {Segments, type Segment} from './segments.js';

export interface HelpSection {
	title: string;
	bindings: readonly Binding[];
}

/** Greedy word wrap by display width (a word longer than the width is cut by the caller's fit). */
function wrap(text: string, width: number): string[] {
	const out: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		if (line && cells(`${line} ${word}`) > width) {
			out.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	return [...out, line];
}

function lines(sections: readonly HelpSection[], keyWidth: number, width: number): Segment[][] {
	const out: Segment[][] = [];
	const textWidth = Math.max(8, width - keyWidth - 1);
	for (const s of sections) {
		if (out.length) out.push([]);
		out.push([{text: s.title, token: 'title'}]);
		for (const b of s.bindings) {
			wrap(b.help, textWidth).forEach((part, i) => out.push([
				{text: fit(i === 0 ? keysLabel(b) : '', keyWidth), token: 'key'}, {text: ' '}, {text: fit(part, textWidth)},
			]));
		}
	}
	return out;
}

export function HelpOverlay({sections, width, height}: {sections: readonly HelpSection[]; width: number; height: number}) {
	const keyWidth = Math.min(18, Math.max(...sections.flatMap((s) => s.bindings.map((b) => keysLabel(b).length))) + 1);
	const room = Math.max(1, height - 1);
	const twoColumns = lines(sections, keyWidth, width - 2).length > room && width >= 80;
	const colWidth = twoColumns ? Math.floor((width - 4) / 2) : width - 2;
	const body = lines(sections, keyWidth, colWidth);
	// Newspaper order: the first column fills the height, the rest continues in the second.
	const second = body.slice(room);
	const columns = twoColumns ? [body.slice(0, room), second[0]?.length === 0 ? second.slice(1) : second] : [body];
	return (
		<Box flexDirection="column" height={height}>
			<Segments width={width} segments={[{text: ' Keys', token: 'title'}, {text: '  (? or Esc closes)', token: 'muted'}]} />
			<Box flexDirection="row">
				{columns.map((col, c) => (
					<Box key={c} flexDirection="column" width={colWidth + 2} paddingLeft={1}>
						{col.slice(0, room).map((l, i) => <Segments key={i} width={colWidth} segments={l.length ? l : [{text: ' '}]} />)}
					</Box>
				))}
			</Box>
		</Box>
	);
}
