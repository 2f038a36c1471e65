// What the index stores for a message, and the snippet cut around a match.
import {describe, expect, it} from 'vitest';
import {camelParts, indexForm, searchDoc, spaceCjk} from '../../source/core/search-text.js';
import {findMarks, makeSnippet, narrowSnippet} from '../../source/core/search-snippet.js';

const msg = (text: string, extra: Partial<{toolCalls: never[]; toolResults: never[]}> = {}) => ({text, toolCalls: [], toolResults: [], ...extra});

describe('search text', () => {
	it('splits CamelCase and acronyms, and spaces CJK characters apart', () => {
		expect(camelParts('TestSessionGrouping')).toEqual(['Test', 'Session', 'Grouping']);
		expect(camelParts('HTTPServerError')).toEqual(['HTTP', 'Server', 'Error']);
		expect(camelParts('parseJSONLine2')).toEqual(['parse', 'JSON', 'Line', '2']);
		expect(camelParts('plain')).toEqual([]);
		expect(spaceCjk('修复東京bug')).toBe(' 修  复  東  京 bug');
		expect(indexForm('fix TestSessionGrouping, then TestSessionGrouping again')).toBe('fix TestSessionGrouping, then TestSessionGrouping again\nTest Session Grouping');
	});

	it('indexes text, thinking and tool names, arguments and results by column', () => {
		const doc = searchDoc({
			text: 'Running it', parts: [{kind: 'thinking', text: 'the cache is stale'}, {kind: 'redacted_thinking', text: '', size: 900}, {kind: 'aborted', text: 'turn aborted by the user'}],
			toolCalls: [{id: 'c1', name: 'Bash', args: {command: 'terraform destroy', opts: ['-auto-approve', 3]}}],
			toolResults: [{id: 'c1', name: '', content: 'Destroy complete!', error: '', isError: false, latencyMs: null}],
		} as never);
		expect(doc).toEqual({text: 'Running it\nturn aborted by the user', thinking: 'the cache is stale', tool: 'Bash\nterraform destroy\n-auto-approve\n3\nDestroy complete!'});
		expect(searchDoc(msg(''))).toBeNull();
	});
});

describe('snippets', () => {
	it('marks whole words, CamelCase parts and prefixes; not the middle of a word', () => {
		const text = 'valid id: TestSessionGrouping failed in session_id';
		expect(findMarks(text, [{text: 'id', prefix: false}])).toEqual([[6, 8], [48, 50]]);
		expect(findMarks(text, [{text: 'Session', prefix: false}])).toEqual([[14, 21], [40, 47]]);
		expect(findMarks(text, [{text: 'fail', prefix: true}])).toEqual([[30, 36]]);
		expect(findMarks(text, [{text: 'session_id', prefix: false}])).toEqual([[40, 50]]);
	});

	it('cuts a window around the first match, with an ellipsis where it cut', () => {
		const text = `${'word '.repeat(40)}the flaky TestSessionGrouping fix ${'more '.repeat(40)}`;
		const s = makeSnippet(msg(text), [{text: 'flaky', prefix: false}], 40);
		expect(s.text.startsWith('…')).toBe(true);
		expect(s.text.endsWith('…')).toBe(true);
		const [[start, end]] = s.marks as [[number, number]];
		expect(s.text.slice(start, end)).toBe('flaky');
	});

	it('takes the column that matched and never carries escape sequences', () => {
		const s = makeSnippet({text: 'no match here', toolCalls: [], toolResults: [
			{id: '', name: 'Bash', content: 'ok \u001b[31mred\u001b[0m \u001b]0;title\u0007 done\r\nnext', error: '', isError: false, latencyMs: null},
		]}, [{text: 'red', prefix: false}], 60);
		expect(s.column).toBe('tool');
		expect(s.text).toBe('Bash ok red  done next');
		expect(s.text).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
		expect(s.text.slice(...s.marks[0]!)).toBe('red');
	});
});

describe('narrowSnippet', () => {
	const snippet = {column: 'text' as const, text: 'Why does TestSessionGrouping flake on CI but pass locally?', marks: [[29, 34]] as Array<[number, number]>};

	it('keeps a snippet whose first match fits as it is', () => {
		expect(narrowSnippet(snippet, 40)).toBe(snippet);
		expect(narrowSnippet({...snippet, marks: []}, 10)).toEqual({...snippet, marks: []});
	});

	it('starts a narrow one shortly before its first match, at a word, every mark moved with it', () => {
		// A quarter of the width before the match falls inside TestSessionGrouping: the cut moves to the next word.
		expect(narrowSnippet(snippet, 24).text).toBe('…flake on CI but pass locally?');
		const text = 'one two three four five six seven eight nine flake ten flake';
		const at = text.indexOf('flake');
		const narrow = narrowSnippet({column: 'text', text, marks: [[at, at + 5], [text.length - 5, text.length]]}, 20);
		expect(narrow.text).toBe('…nine flake ten flake');
		expect(narrow.marks.map(([a, b]) => narrow.text.slice(a, b))).toEqual(['flake', 'flake']);
		expect(narrow.marks[0]![1]).toBeLessThan(20);
	});
});
