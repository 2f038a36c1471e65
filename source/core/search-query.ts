// The search query language: words (all must match), "quoted phrases", -exclusions, prefix*, and the fields
// tool: role: project: model: in:. It is parsed into values the store binds; the FTS5 expression is built
// from quoted phrases only, so no user text is ever read as FTS5 syntax (or SQL).
import type {Result} from './time.js';
import {camelParts, spaceCjk, wellFormed, SEARCH_COLUMNS, type SearchColumn} from './search-text.js';

/** Longest query accepted, in characters (a pasted log line is fine; a pasted file is not a query). */
export const MAX_QUERY_CHARS = 10_000;
/** Most words and phrases in one query. */
export const MAX_TERMS = 1_000;

export interface SearchTerm {
	text: string;
	/** Written in quotes: matched as the exact sequence of words. */
	phrase: boolean;
	/** `foo*`: any word starting with foo. */
	prefix: boolean;
	negate: boolean;
}

export type SearchField = 'tool' | 'role' | 'project' | 'model';

export interface FieldFilter {
	field: SearchField;
	value: string;
	negate: boolean;
}

export interface SearchQuery {
	terms: SearchTerm[];
	fields: FieldFilter[];
	/** `in:` columns; empty means every column. */
	columns: SearchColumn[];
	/** FTS5 MATCH expression of what must match (exclusions folded in with NOT); null when only fields and exclusions. */
	match: string | null;
	/** FTS5 expression of the exclusions when there is nothing positive to match: those messages are left out. */
	exclude: string | null;
	/** What to highlight in snippets. */
	highlight: Array<{text: string; prefix: boolean}>;
}

const FIELDS = ['tool', 'role', 'project', 'model', 'in'] as const;
const WORDY = /[\p{L}\p{N}]/u;

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

function termExpr(t: SearchTerm): string {
	const star = t.prefix ? ' *' : '';
	const whole = `${quote(spaceCjk(t.text))}${star}`;
	const parts = t.phrase ? [] : camelParts(t.text);
	return parts.length > 1 ? `(${whole} OR ${quote(parts.join(' '))}${star})` : whole;
}

function inColumns(columns: SearchColumn[], expr: string): string {
	return columns.length ? `{${columns.join(' ')}} : (${expr})` : expr;
}

interface Token {
	text: string;
	phrase: boolean;
	negate: boolean;
	field: string | null;
	at: number;
}

/** Splits the query into tokens; a quote left open is the only way to get this wrong. */
function tokenize(query: string): Result<Token[]> {
	const tokens: Token[] = [];
	let i = 0;
	while (i < query.length) {
		if (/\s/.test(query[i]!)) {
			i++;
			continue;
		}
		const at = i;
		let negate = false;
		if (query[i] === '-' && i + 1 < query.length && !/\s/.test(query[i + 1]!)) {
			negate = true;
			i++;
		}
		let field: string | null = null;
		const head = /^([A-Za-z]+):/.exec(query.slice(i, i + 12));
		if (head && (FIELDS as readonly string[]).includes(head[1]!.toLowerCase())) {
			field = head[1]!.toLowerCase();
			i += head[0].length;
		}
		if (query[i] === '"') {
			const close = query.indexOf('"', i + 1);
			if (close < 0) return {ok: false, error: `unclosed quote at character ${i + 1}: end the phrase with another "`};
			tokens.push({text: query.slice(i + 1, close), phrase: true, negate, field, at});
			i = close + 1;
			continue;
		}
		let end = i;
		while (end < query.length && !/\s/.test(query[end]!)) end++;
		tokens.push({text: query.slice(i, end), phrase: false, negate, field, at});
		i = end;
	}
	return {ok: true, value: tokens};
}

function columnOf(value: string): SearchColumn | null {
	const v = value.toLowerCase();
	return (SEARCH_COLUMNS as readonly string[]).includes(v) ? (v as SearchColumn) : v === 'tools' ? 'tool' : v === 'reasoning' ? 'thinking' : null;
}

export function parseSearchQuery(input: string): Result<SearchQuery> {
	if (input.length > MAX_QUERY_CHARS) {
		return {ok: false, error: `the search is ${input.length.toLocaleString('en-US')} characters long; at most ${MAX_QUERY_CHARS.toLocaleString('en-US')} are accepted`};
	}
	const tokens = tokenize(wellFormed(input));
	if (!tokens.ok) return tokens;
	const q: SearchQuery = {terms: [], fields: [], columns: [], match: null, exclude: null, highlight: []};
	for (const t of tokens.value) {
		if (t.field) {
			const value = t.text.trim();
			if (value === '') return {ok: false, error: `${t.field}: needs a value (e.g. ${t.field === 'in' ? 'in:thinking' : `${t.field}:${t.field === 'tool' ? 'Bash' : t.field === 'role' ? 'user' : 'name'}`})`};
			if (t.field === 'in') {
				const column = columnOf(value);
				if (!column || t.negate) return {ok: false, error: `in:${value}: expected in:text, in:thinking or in:tool`};
				if (!q.columns.includes(column)) q.columns.push(column);
			} else q.fields.push({field: t.field as SearchField, value, negate: t.negate});
			continue;
		}
		let text = t.text;
		const prefix = !t.phrase && text.length > 1 && text.endsWith('*');
		if (prefix) text = text.replace(/\*+$/, '');
		// Punctuation alone (`-`, `&&`, `*`) has no words for the index to find: it is left out, not an error.
		if (!WORDY.test(text)) continue;
		q.terms.push({text, phrase: t.phrase, prefix, negate: t.negate});
	}
	if (q.terms.length > MAX_TERMS) return {ok: false, error: `the search has ${q.terms.length} words; at most ${MAX_TERMS} are accepted`};
	const positive = q.terms.filter((t) => !t.negate);
	const negative = q.terms.filter((t) => t.negate);
	if (positive.length === 0 && q.fields.every((f) => f.negate)) {
		return {ok: false, error: negative.length || q.fields.length
			? 'a search of exclusions only would match everything: add a word, a "phrase" or a field such as tool:Bash'
			: 'nothing to search for: give a word, a "phrase", a prefix* or a field such as tool:Bash'};
	}
	const excluded = negative.length ? negative.map(termExpr).join(' OR ') : null;
	if (positive.length) {
		const all = positive.map(termExpr).join(' AND ');
		q.match = inColumns(q.columns, excluded ? `(${all}) NOT (${excluded})` : all);
	} else if (excluded) q.exclude = inColumns(q.columns, excluded);
	q.highlight = positive.map((t) => ({text: t.text, prefix: t.prefix}));
	return {ok: true, value: q};
}
