// The `?` overlay: every key of the current screen, read from the keymap, in two columns when it helps.
import React from 'react';
import {Box} from 'ink';
import {keysLabel, type Binding} from '../../core/keymap.js';
import {cells, fit} from '../text-fit.js';
import {Segments, type Segment} from './segments.js';
import {maxOf} from '../../core/numbers.js';

export interface HelpSection {
	title: string;
	bindings: readonly Binding[];
	/** One wrapped line of `keys what` pairs instead of a row per key (a mode's keys that its footer also shows). */
	compact?: boolean;
}

/** Greedy wrap of units (words, or `keys what` pairs) by display width; a unit too long is cut by the caller's fit. */
function wrap(units: readonly string[], width: number, sep = ' '): string[] {
	const out: string[] = [];
	let line = '';
	for (const unit of units) {
		if (line && cells(`${line}${sep}${unit}`) > width) {
			out.push(line);
			line = unit;
		} else line = line ? `${line}${sep}${unit}` : unit;
	}
	return [...out, line];
}

/** The key column's widest label; longer ones (see lines) go on a line of their own. */
const KEY_COLUMN = 11;

function lines(sections: readonly HelpSection[], keyWidth: number, width: number, gaps = true): Segment[][] {
	const out: Segment[][] = [];
	const textWidth = Math.max(8, width - keyWidth - 1);
	for (const s of sections) {
		if (out.length && gaps) out.push([]);
		out.push([{text: s.title, token: 'title'}]);
		if (s.compact) {
			const pairs = s.bindings.map((b) => `${keysLabel(b)} ${b.hint ?? b.help}`);
			for (const part of wrap(pairs, width, ' · ')) out.push([{text: fit(part, width)}]);
			continue;
		}
		for (const b of s.bindings) {
			const label = keysLabel(b);
			// A label wider than the key column gets a line of its own: one long label (Esc/Backspace/←/h) no
			// longer narrows every description, which wrapped the Timeline's keys past the bottom at 80×24.
			const alone = cells(label) > keyWidth;
			if (alone) out.push([{text: fit(label, width), token: 'key'}]);
			wrap(b.help.split(' '), textWidth).forEach((part, i) => out.push([
				{text: fit(i === 0 && !alone ? label : '', keyWidth), token: 'key'}, {text: ' '}, {text: fit(part, textWidth)},
			]));
		}
	}
	return out;
}

export function HelpOverlay({sections, width, height}: {sections: readonly HelpSection[]; width: number; height: number}) {
	// Compact sections put their keys inline, so only the row-per-key sections set the key column's width.
	const keyWidth = Math.min(KEY_COLUMN, maxOf(sections.filter((s) => !s.compact).flatMap((s) => s.bindings.map((b) => cells(keysLabel(b))))));
	const room = Math.max(1, height - 1);
	const twoColumns = lines(sections, keyWidth, width - 2).length > room && width >= 80;
	const colWidth = twoColumns ? Math.floor((width - 4) / 2) : width - 2;
	// The blank line between sections is the first thing to go when the keys would not fit otherwise.
	const spaced = lines(sections, keyWidth, colWidth);
	const body = spaced.length > room * (twoColumns ? 2 : 1) ? lines(sections, keyWidth, colWidth, false) : spaced;
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
