// Fitting text to terminal cells on the render path. Plain ASCII (most labels, numbers and dates) is
// measured by its length; anything else goes through string-width once and is remembered, because
// segmenting graphemes on every frame is the largest cost of drawing a full screen.
import {stringWidth, truncateToWidth} from '../terminal/width.js';
import {sanitize, sanitizeLine} from '../core/sanitize.js';

const PLAIN = /^[\u0020-\u007e]*$/;
const widths = new Map<string, number>();

export function cells(text: string): number {
	if (PLAIN.test(text)) return text.length;
	let w = widths.get(text);
	if (w === undefined) {
		w = stringWidth(text);
		if (widths.size > 20_000) widths.clear();
		widths.set(text, w);
	}
	return w;
}

/** Cuts text to at most `width` cells, ending in an ellipsis when cut; what is not plain is sanitized first. */
export function cut(text: string, width: number): string {
	if (width <= 0) return '';
	if (PLAIN.test(text)) return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
	const clean = sanitizeLine(text);
	return cells(clean) <= width ? clean : truncateToWidth(clean, width);
}

/** Pads (or cuts) to exactly `width` cells. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	const c = cut(text, width);
	const pad = ' '.repeat(Math.max(0, width - cells(c)));
	return align === 'right' ? pad + c : c + pad;
}

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/** Greedy word wrap by display width (of the sanitized text); words wider than the line are cut by graphemes. Keeps blank lines. */
export function wrapText(text: string, width: number): string[] {
	const w = Math.max(1, width);
	const out: string[] = [];
	for (const para of sanitize(text).split('\n')) {
		let line = '';
		let used = 0;
		for (const word of para.split(/(\s+)/)) {
			if (word === '') continue;
			const ww = stringWidth(word);
			if (used + ww <= w) {
				line += word;
				used += ww;
				continue;
			}
			if (/^\s+$/.test(word)) {
				out.push(line.trimEnd());
				line = '';
				used = 0;
				continue;
			}
			if (used > 0) out.push(line.trimEnd());
			line = '';
			used = 0;
			for (const {segment} of segmenter.segment(word)) {
				const sw = stringWidth(segment);
				if (used + sw > w) {
					out.push(line);
					line = '';
					used = 0;
				}
				line += segment;
				used += sw;
			}
		}
		out.push(line.trimEnd());
	}
	return out;
}
