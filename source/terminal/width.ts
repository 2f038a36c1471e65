// Display-width aware text fitting: CJK and emoji take two columns, combining marks none.
import stringWidth from 'string-width';

export {stringWidth};

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/** Cuts text to at most `width` columns, ending in an ellipsis when cut, never splitting a grapheme. */
export function truncateToWidth(text: string, width: number, ellipsis = '…'): string {
	if (width <= 0) return '';
	if (stringWidth(text) <= width) return text;
	const room = width - stringWidth(ellipsis);
	let out = '';
	let used = 0;
	for (const {segment} of segmenter.segment(text)) {
		const w = stringWidth(segment);
		if (used + w > room) break;
		out += segment;
		used += w;
	}
	return room >= 0 ? out + ellipsis : out;
}

/** Pads (or cuts) to exactly `width` columns. */
export function fitToWidth(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	const cut = truncateToWidth(text, width);
	const pad = ' '.repeat(Math.max(0, width - stringWidth(cut)));
	return align === 'right' ? pad + cut : cut + pad;
}
