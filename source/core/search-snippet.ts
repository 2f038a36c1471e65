// The snippet shown for a search hit: one sanitized line of the message around its first match, with the
// matched words marked. Snippets are cut here from the message itself (the index keeps no text), the same
// way for bodies stored in the index and bodies read back from a tapes file.
import {sanitizeLine} from './sanitize.js';
import {SEARCH_COLUMNS, searchTexts, wellFormed, type SearchColumn, type SearchableMessage} from './search-text.js';

export interface Snippet {
	column: SearchColumn;
	text: string;
	/** Marked ranges of `text`, [start, end) in UTF-16 units, in order and not overlapping. */
	marks: Array<[number, number]>;
}

export interface HighlightTerm {
	text: string;
	prefix: boolean;
}

const WORD = /[\p{L}\p{N}]/u;
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;

/** A word may start here: after a non-word character, or at a CamelCase step (`Test|Session`). */
function startsWord(text: string, i: number): boolean {
	if (i === 0) return true;
	const prev = text[i - 1]!;
	return !WORD.test(prev) || (LOWER.test(prev) && UPPER.test(text[i]!));
}

function endsWord(text: string, end: number): boolean {
	if (end >= text.length) return true;
	const next = text[end]!;
	return !WORD.test(next) || (LOWER.test(text[end - 1]!) && UPPER.test(next));
}

/** Where the terms occur in `text` (case-insensitively, words in order with anything but words between). */
export function findMarks(text: string, terms: readonly HighlightTerm[]): Array<[number, number]> {
	const lower = text.toLowerCase();
	// Lowercasing changes the length of a few characters (İ); offsets would drift, so nothing is marked then.
	if (lower.length !== text.length) return [];
	const found: Array<[number, number]> = [];
	for (const term of terms) {
		const words = wellFormed(term.text).toLowerCase().match(/[\p{L}\p{N}]+/gu);
		if (!words) continue;
		const pattern = new RegExp(words.join('[^\\p{L}\\p{N}]*'), 'gu');
		for (const m of lower.matchAll(pattern)) {
			let end = m.index + m[0].length;
			if (!startsWord(text, m.index) || (!term.prefix && !endsWord(text, end))) continue;
			// A prefix marks the whole word it starts.
			if (term.prefix) while (end < text.length && WORD.test(text[end]!)) end++;
			found.push([m.index, end]);
			if (found.length > 200) break;
		}
	}
	found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
	const merged: Array<[number, number]> = [];
	for (const [s, e] of found) {
		const last = merged[merged.length - 1];
		if (last && s <= last[1]) last[1] = Math.max(last[1], e);
		else merged.push([s, e]);
	}
	return merged;
}

/**
 * The snippet of a message: the first column (text, thinking, tool) with a match, about `width` characters
 * from a little before the first match; the message's start when nothing can be marked.
 */
export function makeSnippet(m: SearchableMessage, terms: readonly HighlightTerm[], width: number): Snippet {
	const texts = searchTexts(m);
	let fallback: Snippet | null = null;
	for (const column of SEARCH_COLUMNS) {
		const line = sanitizeLine(wellFormed(texts[column])).trim();
		if (line === '') continue;
		const marks = findMarks(line, terms);
		if (marks.length === 0) {
			fallback ??= {column, text: cut(line, 0, width), marks: []};
			continue;
		}
		return windowAround(column, line, marks, width);
	}
	return fallback ?? {column: 'text', text: '', marks: []};
}

function cut(line: string, start: number, width: number): string {
	const piece = line.slice(start, start + width);
	return (start > 0 ? '…' : '') + piece + (start + width < line.length ? '…' : '');
}

function windowAround(column: SearchColumn, line: string, marks: Array<[number, number]>, width: number): Snippet {
	const first = marks[0]![0];
	let start = Math.max(0, first - Math.floor(width / 4));
	// Start at a word, not inside one.
	while (start > 0 && start < first && WORD.test(line[start - 1]!)) start++;
	const end = Math.min(line.length, start + width);
	const lead = start > 0 ? 1 : 0;
	const text = (start > 0 ? '…' : '') + line.slice(start, end) + (end < line.length ? '…' : '');
	const shifted: Array<[number, number]> = [];
	for (const [s, e] of marks) {
		if (s >= end) break;
		if (e <= start) continue;
		shifted.push([Math.max(s, start) - start + lead, Math.min(e, end) - start + lead]);
	}
	return {column, text, marks: shifted};
}

/**
 * The snippet for a column `width` characters wide, its first match in view: the snippet is cut for the
 * widest line, and a narrow column (the Search list at 80 columns) showed only the words that led up to it.
 */
export function narrowSnippet(s: Snippet, width: number): Snippet {
	const first = s.marks[0];
	if (!first || first[1] < width) return s;
	let start = Math.max(0, first[0] - Math.floor(width / 4));
	while (start > 0 && start < first[0] && WORD.test(s.text[start - 1]!)) start++;
	if (start === 0) return s;
	const marks = s.marks.filter(([, e]) => e > start).map(([from, e]): [number, number] => [Math.max(from, start) - start + 1, e - start + 1]);
	return {column: s.column, text: `…${s.text.slice(start)}`, marks};
}
