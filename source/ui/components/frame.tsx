// The fixed-height frame every screen draws into: title line, body, status bar, footer. It is one row
// shorter than the terminal (Ink clears the whole screen on every frame as tall as the terminal), and
// below 80×24 a one-line notice replaces it. Every line is fitted to the width before it gets here, so no
// box clips (a clipping box makes Ink slice every line of every frame).
import React, {type ReactNode} from 'react';
import {Box, Text} from 'ink';
import type {Size} from '../hooks/use-terminal-size.js';
import {cut} from '../text-fit.js';

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;
/** Lines the frame itself takes: title, status bar, footer. */
export const FRAME_LINES = 3;

export function tooSmall(size: Size): boolean {
	return size.columns < MIN_COLUMNS || size.rows < MIN_ROWS;
}

/** Rows left for a screen's body at a terminal size. */
export function bodyHeight(size: Size): number {
	return Math.max(1, size.rows - 1 - FRAME_LINES);
}

export function Frame({size, title, status, footer, children}: {size: Size; title: ReactNode; status: ReactNode; footer: ReactNode; children: ReactNode}) {
	if (tooSmall(size)) {
		const notice = `terminal too small: ${size.columns}×${size.rows}, tapedeck needs ${MIN_COLUMNS}×${MIN_ROWS}`;
		return <Text wrap="truncate-end">{cut(notice, Math.max(1, size.columns))}</Text>;
	}
	return (
		<Box flexDirection="column" width={size.columns} height={size.rows - 1}>
			{title}
			<Box flexDirection="column" height={bodyHeight(size)}>
				{children}
			</Box>
			{status}
			{footer}
		</Box>
	);
}
