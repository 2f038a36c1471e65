// What the full-text index holds for one message, and the one text form both the index and the queries use.
//
// The index runs SQLite's `unicode61` tokenizer (diacritics folded): letters and digits of every script make
// words, everything else separates them. Two things it cannot do are done here, on the text before it is
// indexed and on every query term the same way:
// - CJK scripts have no spaces, so a Han/Kana/Hangul run would be one huge word: each such character is made
//   a word of its own, and a query term in those scripts becomes the phrase of its characters.
// - `TestSessionGrouping` is one word to unicode61: its parts (`Test Session Grouping`) are appended once per
//   message, so `SessionGrouping` or `grouping` finds it while the identifier itself still matches whole.
// `_`, `.`, `/` and `-` separate words, and every query term is sent as a quoted phrase, so `session_id`,
// `os.path.join` and `src/sync/tapes-sync.ts` match that exact sequence of words.
import type {CanonicalMessage} from './types.js';
import {sanitize} from './sanitize.js';

/** The columns of the index, in order: message text, thinking or reasoning, tool names, arguments and results. */
export const SEARCH_COLUMNS = ['text', 'thinking', 'tool'] as const;
export type SearchColumn = (typeof SEARCH_COLUMNS)[number];

export type SearchDoc = Record<SearchColumn, string>;

// Han, Hiragana, Katakana, Hangul, and their compatibility and extension blocks.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_ALL = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])/gu;
// A lower-to-upper step or an acronym before a capitalized word: HTTPServer, parseJSONLine.
const CAMEL_STEP = /\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}/u;
const CAMEL_STEPS = /\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** A letter or digit (ASCII decided without a regex: this runs over every indexed character near a step). */
function isWordChar(ch: string): boolean {
	const c = ch.charCodeAt(0);
	if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
	return WORD_CHAR.test(ch);
}
const CAMEL_PART = /\p{Lu}+(?![\p{Ll}])|\p{Lu}?\p{Ll}+|\p{N}+|\p{Lu}+/gu;

/** Lone surrogates (half an emoji cut by a source) become U+FFFD: SQLite and the terminal want well-formed text. */
export function wellFormed(text: string): string {
	if (!/[\ud800-\udfff]/.test(text)) return text;
	return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** CJK characters spaced apart, so each is a word to the tokenizer. */
export function spaceCjk(text: string): string {
	return CJK.test(text) ? text.replace(CJK_ALL, ' $1 ') : text;
}

/** The parts of a CamelCase word (`HTTPServerError` → HTTP Server Error); [] for a word without case steps. */
export function camelParts(word: string): string[] {
	if (!CAMEL_STEP.test(word)) return [];
	return word.match(CAMEL_PART) ?? [];
}

/** The text as the index stores it: CJK spaced, CamelCase words followed (once per text) by their parts. */
export function indexForm(text: string): string {
	if (text === '') return '';
	const base = spaceCjk(wellFormed(text));
	// Most texts have no CamelCase at all: one scan says so, and only texts with some are split into words.
	if (!CAMEL_STEP.test(base)) return base;
	const seen = new Set<string>();
	const parts: string[] = [];
	let end = 0;
	// From each case step out to the ends of its word (a word with several steps is taken once).
	for (const step of base.matchAll(CAMEL_STEPS)) {
		if (step.index < end) continue;
		let start = step.index;
		while (start > 0 && isWordChar(base[start - 1]!)) start--;
		end = step.index + step[0].length;
		while (end < base.length && isWordChar(base[end]!)) end++;
		const word = base.slice(start, end);
		if (seen.has(word)) continue;
		seen.add(word);
		const split = camelParts(word);
		if (split.length > 1) parts.push(split.join(' '));
	}
	return parts.length ? `${base}\n${parts.join('\n')}` : base;
}

/** Every value inside a tool call's arguments, depth-first (keys are left out: they name fields, not content). */
function argStrings(value: unknown, out: string[], depth = 0): void {
	if (depth > 8) return;
	if (typeof value === 'string') out.push(value);
	else if (typeof value === 'number' || typeof value === 'boolean') out.push(String(value));
	else if (Array.isArray(value)) for (const v of value) argStrings(v, out, depth + 1);
	else if (value && typeof value === 'object') {
		for (const v of Object.values(value)) argStrings(v, out, depth + 1);
	}
}

/** What the index reads of a message: a canonical message, or a body decoded from the index. */
export type SearchableMessage = Pick<CanonicalMessage, 'text' | 'toolCalls' | 'toolResults' | 'parts'>;

/** The parts of a kind, by column: thinking and reasoning summaries are `thinking`; a notice (aborted) is text. */
function partTexts(m: SearchableMessage, kinds: ReadonlySet<string>): string[] {
	return (m.parts ?? []).filter((p) => kinds.has(p.kind) && p.text !== '').map((p) => p.text);
}
const THINKING_KINDS: ReadonlySet<string> = new Set(['thinking', 'reasoning']);
const NOTICE_KINDS: ReadonlySet<string> = new Set(['aborted']);

/** The raw (not yet index-formed) texts of a message, by column. */
export function searchTexts(m: SearchableMessage): SearchDoc {
	const tool: string[] = [];
	for (const call of m.toolCalls) {
		tool.push(call.name);
		argStrings(call.args, tool);
	}
	for (const result of m.toolResults) {
		if (result.name) tool.push(result.name);
		if (result.content) tool.push(result.content);
		// Sources often repeat the output as the error text of a failed call.
		if (result.error && result.error !== result.content) tool.push(result.error);
	}
	// Indexed as the terminal shows them: `\u001b[31mterraform` is the word terraform, not `31mterraform`.
	const text = [m.text, ...partTexts(m, NOTICE_KINDS)].filter((t) => t !== '').join('\n');
	return {text: sanitize(text), thinking: sanitize(partTexts(m, THINKING_KINDS).join('\n')), tool: sanitize(tool.join('\n'))};
}

/** Most characters of one column indexed: a 1 MB tool result is a file's content, not what people search. */
export const SEARCH_COLUMN_CAP = 32_000;

const capped = (text: string) => indexForm(text.length > SEARCH_COLUMN_CAP ? text.slice(0, SEARCH_COLUMN_CAP) : text);

/** What the index stores for a message; null when it has no words at all (nothing to find it by). */
export function searchDoc(m: SearchableMessage): SearchDoc | null {
	const raw = searchTexts(m);
	if (raw.text === '' && raw.thinking === '' && raw.tool === '') return null;
	return {text: capped(raw.text), thinking: capped(raw.thinking), tool: capped(raw.tool)};
}
