// One terminal line built from styled pieces, cut to the width by display cells (never wrapped). Almost
// every line the explorer draws is Segments, so this is where its text passes the sanitizer: an ID, a path
// or a warning from a source cannot reach the terminal raw, whichever screen built it.
import React from 'react';
import {Text} from 'ink';
import {cells, cut} from '../text-fit.js';
import {sanitizeLine} from '../../core/sanitize.js';
import {useTheme, type Token} from '../theme.js';

const PLAIN = /^[\u0020-\u007e]*$/;

export interface Segment {
	text: string;
	token?: Token;
}

/** Cuts the segments to `width` cells; the last one that does not fit ends in an ellipsis. */
export function fitSegments(segments: readonly Segment[], width: number): Segment[] {
	const out: Segment[] = [];
	let left = width;
	for (const raw of segments) {
		if (left <= 0) break;
		const clean = PLAIN.test(raw.text) ? raw.text : sanitizeLine(raw.text);
		const s = clean === raw.text ? raw : {...raw, text: clean};
		const w = cells(s.text);
		if (w <= left) {
			out.push(s);
			left -= w;
		} else {
			out.push({...s, text: cut(s.text, left)});
			left = 0;
		}
	}
	return out;
}

export function segmentsWidth(segments: readonly Segment[]): number {
	return segments.reduce((a, s) => a + cells(PLAIN.test(s.text) ? s.text : sanitizeLine(s.text)), 0);
}

export function Segments({segments, width}: {segments: readonly Segment[]; width: number}) {
	const theme = useTheme();
	return (
		<Text wrap="truncate-end">
			{fitSegments(segments, width).map((s, i) => (
				<Text key={i} {...(s.token ? theme.styles[s.token] : {})}>{s.text}</Text>
			))}
		</Text>
	);
}

/** Left pieces, then right pieces flush with the right edge; the left side gives way first. */
export function SplitLine({left, right, width}: {left: readonly Segment[]; right: readonly Segment[]; width: number}) {
	const rightWidth = Math.min(segmentsWidth(right), width);
	const leftFit = fitSegments(left, Math.max(0, width - rightWidth - 1));
	const gap = Math.max(0, width - segmentsWidth(leftFit) - rightWidth);
	return <Segments segments={[...leftFit, {text: ' '.repeat(gap)}, ...right]} width={width} />;
}
