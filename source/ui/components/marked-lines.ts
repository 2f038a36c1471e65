// Marks a search's matches inside already-built lines (the Timeline's detail pane): each segment's text is
// split where a term matches, the matched part taking the `match` style.
import {findMarks, type HighlightTerm} from '../../core/search-snippet.js';
import type {Segment} from './segments.js';

export function markLines(lines: readonly Segment[][], terms: readonly HighlightTerm[]): Segment[][] {
	if (terms.length === 0) return lines as Segment[][];
	return lines.map((line) => line.flatMap((segment) => {
		const marks = findMarks(segment.text, terms);
		if (marks.length === 0) return [segment];
		const out: Segment[] = [];
		let at = 0;
		for (const [s, e] of marks) {
			if (s > at) out.push({...segment, text: segment.text.slice(at, s)});
			out.push({text: segment.text.slice(s, e), token: 'match'});
			at = e;
		}
		if (at < segment.text.length) out.push({...segment, text: segment.text.slice(at)});
		return out;
	}));
}
