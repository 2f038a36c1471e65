// Building blocks of the Analytics page. Panels are drawn as lines of styled segments, each fitted to its
// width by display cells, so panels can sit side by side or stack, and the page can scroll by lines,
// without a box ever clipping a glyph in half.
import {stringWidth, truncateToWidth} from '../../terminal/width.js';
import {fitSegments, segmentsWidth, type Segment} from './segments.js';

export type Line = Segment[];

/** Exactly `width` cells: cut by display width, then padded. */
export function padLine(line: Line, width: number): Line {
	const fit = fitSegments(line, width);
	const gap = width - segmentsWidth(fit);
	return gap > 0 ? [...fit, {text: ' '.repeat(gap)}] : fit;
}

/** `TITLE detail ─────`: the panel title (marked when the panel has the focus), a muted note, a rule. */
export function sectionHeader(title: string, detail: string, width: number, focused: boolean): Line {
	const head: Line = [{text: focused ? '▸ ' : '  ', token: 'key'}, {text: title, token: focused ? 'title' : 'label'}];
	if (detail) head.push({text: ` ${truncateToWidth(detail, Math.max(0, width - stringWidth(title) - 6))}`, token: 'muted'});
	const rule = width - segmentsWidth(head) - 1;
	return rule > 0 ? [...head, {text: ' '}, {text: '─'.repeat(rule), token: 'rule'}] : head;
}

/** Two panels side by side: each line padded to its column, a gap between, the shorter panel padded with blanks. */
export function sideBySide(left: readonly Line[], right: readonly Line[], leftWidth: number, gap: number): Line[] {
	const out: Line[] = [];
	for (let i = 0; i < Math.max(left.length, right.length); i++) {
		out.push([...padLine(left[i] ?? [], leftWidth), {text: ' '.repeat(gap)}, ...(right[i] ?? [])]);
	}
	return out;
}

/** A horizontal bar: `filled` cells of █ in the token, the rest of `width` as dim ░. */
export function bar(filled: number, width: number, token: Segment['token']): Line {
	const rest = Math.max(0, width - filled);
	return [...(filled > 0 ? [{text: '█'.repeat(filled), ...(token ? {token} : {})}] : []), ...(rest > 0 ? [{text: '░'.repeat(rest), token: 'rule' as const}] : [])];
}

export const BLANK: Line = [];
