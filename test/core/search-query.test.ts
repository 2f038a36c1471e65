// The search query language: every form, and that no user text reaches FTS5 unquoted.
import {describe, expect, it} from 'vitest';
import {MAX_QUERY_CHARS, parseSearchQuery} from '../../source/core/search-query.js';

const parsed = (q: string) => {
	const r = parseSearchQuery(q);
	if (!r.ok) throw new Error(r.error);
	return r.value;
};
const error = (q: string) => {
	const r = parseSearchQuery(q);
	if (r.ok) throw new Error(`expected an error for ${q}`);
	return r.error;
};

describe('parseSearchQuery', () => {
	it.each([
		['rate limiting', '"rate" AND "limiting"'],
		['"rate limiting"', '"rate limiting"'],
		['deploy -staging', '("deploy") NOT ("staging")'],
		['deploy -staging -"dry run"', '("deploy") NOT ("staging" OR "dry run")'],
		['migrat*', '"migrat" *'],
		['session_id', '"session_id"'],
		['src/sync/tapes-sync.ts', '"src/sync/tapes-sync.ts"'],
		['TestSessionGrouping', '("TestSessionGrouping" OR "Test Session Grouping")'],
		['"TestSessionGrouping"', '"TestSessionGrouping"'],
		['東京', '" 東  京 "'],
		['in:thinking cache', '{thinking} : ("cache")'],
		['in:tool in:text cache', '{tool text} : ("cache")'],
	])('%s → %s', (q, match) => {
		expect(parsed(q).match).toBe(match);
	});

	it('reads the fields, negated or not, with quoted values', () => {
		const q = parsed('tool:Bash role:USER -model:haiku project:"my app" destroy');
		expect(q.fields).toEqual([
			{field: 'tool', value: 'Bash', negate: false},
			{field: 'role', value: 'USER', negate: false},
			{field: 'model', value: 'haiku', negate: true},
			{field: 'project', value: 'my app', negate: false},
		]);
		expect(q.match).toBe('"destroy"');
		expect(q.highlight).toEqual([{text: 'destroy', prefix: false}]);
	});

	it('a field alone is a query (no words to match); exclusions then leave messages out', () => {
		const q = parsed('tool:Bash -ls');
		expect(q.match).toBeNull();
		expect(q.exclude).toBe('"ls"');
	});

	it('a word that only looks like a field stays a word', () => {
		expect(parsed('http://example.com').match).toBe('"http://example.com"');
		expect(parsed('file.ts:12').match).toBe('"file.ts:12"');
	});

	it.each([
		['"unclosed phrase', /unclosed quote at character 1/],
		['tool:', /tool: needs a value \(e\.g\. tool:Bash\)/],
		['in:everything', /in:everything: expected in:text, in:thinking or in:tool/],
		['-alone', /exclusions only/],
		['', /nothing to search for/],
		['  ***  - ', /nothing to search for/],
	])('bad syntax %j gets one line', (q, message) => {
		const e = error(q);
		expect(e).toMatch(message);
		expect(e).not.toMatch(/\n|SQL|fts5/i);
	});

	it('escapes quotes, stars, dashes, colons and SQL metacharacters inside phrases', () => {
		// Quotes pair up left to right: two phrases and an empty one (left out).
		expect(parsed(`"say ""hi"""`).match).toBe('"say " AND "hi"');
		expect(parsed(`it's; DROP TABLE messages;--`).match).toBe(`"it's;" AND "DROP" AND "TABLE" AND "messages;--"`);
		expect(parsed('a*b NEAR(x) OR AND').match).toBe('"a*b" AND "NEAR(x)" AND "OR" AND "AND"');
		expect(parsed('"{text} : x" ^start').match).toBe('"{text} : x" AND "^start"');
		// A double quote inside a word is doubled, never closing the phrase.
		expect(parsed('ab"').match).toBe('"ab"""');
	});

	it('turns lone surrogates into U+FFFD', () => {
		expect(parsed('bad\ud800half').match).toBe('"bad\ufffdhalf"');
		expect(parsed('\udc00x').terms[0]!.text).toBe('\ufffdx');
	});

	it('takes 10,000 characters, and says how long a longer query is', () => {
		const long = Array.from({length: 1_000}, (_, i) => `w${i}`).join(' ').padEnd(MAX_QUERY_CHARS, 'x');
		expect(long.length).toBe(MAX_QUERY_CHARS);
		expect(parsed(long).terms.length).toBe(1_000);
		expect(error('a'.repeat(50_000))).toBe('the search is 50,000 characters long; at most 10,000 are accepted');
		expect(error(Array.from({length: 1_500}, () => 'ab').join(' '))).toMatch(/1500 words; at most 1000/);
	});
});
