// The transcript the LLM reads: roles, tool calls and results, and a cap that keeps both ends.
import {describe, expect, it} from 'vitest';
import {buildTranscript, describeToolArgs} from '../../source/core/facet-transcript.js';
import {HELLO, call, msg, result, session} from './helpers/session-fixture.js';

describe('buildTranscript', () => {
	it('has a line per message with its role (reference acceptance 20)', () => {
		const t = buildTranscript(HELLO);
		expect(t.text).toContain('[user] Hello');
		expect(t.text).toContain('[assistant] Hi there');
		expect(t.messagesSeen).toBe(2);
		expect(t.omitted).toBe(0);
	});

	it('starts with a header naming the session', () => {
		expect(buildTranscript(HELLO).text.split('\n')[0]).toBe('Session: Fix the login bug · project web · agent claude · 2 messages · 1m · status completed');
	});

	it('shows tool calls by their telling argument and marks failed results', () => {
		const t = buildTranscript(session([
			msg('user', 'Run the tests'),
			call('Bash', {command: 'npm test'}, 'c1'),
			result('FAIL src/a.test.ts', {id: 'c1', isError: true}),
			call('shell', {command: ['bash', '-lc', 'go test ./...']}, 'c2'),
			result('ok', {id: 'c2'}),
		]));
		expect(t.text).toContain('[tool call] Bash: npm test');
		expect(t.text).toContain('[tool error] FAIL src/a.test.ts');
		expect(t.text).toContain('[tool call] shell: go test ./...');
		expect(t.text).toContain('[tool result] ok');
	});

	it('leaves out what agents inject into prompts', () => {
		const t = buildTranscript(session([msg('user', 'Fix it<system-reminder>secret harness text</system-reminder>')]));
		expect(t.text).toContain('[user] Fix it');
		expect(t.text).not.toContain('secret harness text');
	});

	it('notes an answer cut off at the token limit', () => {
		expect(buildTranscript(session([msg('assistant', 'partial', {stopReason: 'max_tokens'})])).text).toContain('cut off');
	});

	it('over the cap keeps the beginning and the end, where the outcome is', () => {
		const messages = [msg('user', 'FIRST PROMPT')];
		for (let i = 0; i < 200; i++) messages.push(msg('assistant', `step ${i} ${'x'.repeat(200)}`));
		messages.push(msg('assistant', 'FINAL OUTCOME: all tests pass'));
		const t = buildTranscript(session(messages), 5000);
		expect(t.text.length).toBeLessThanOrEqual(5000);
		expect(t.text).toContain('FIRST PROMPT');
		expect(t.text).toContain('FINAL OUTCOME');
		expect(t.omitted).toBeGreaterThan(150);
		expect(t.text).toContain(`[… ${t.omitted} messages omitted …]`);
		expect(t.messagesSeen).toBe(202);
		// More of the budget goes to the end than to the beginning.
		const [head, tail] = t.text.split(/\[… \d+ messages omitted …\]/);
		expect(tail!.length).toBeGreaterThan(head!.length);
	});

	it('cuts each entry by characters, never inside a character', () => {
		const t = buildTranscript(session([msg('user', '🙂'.repeat(3000))]));
		expect(t.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
		expect(t.text).toContain('...');
	});
});

describe('describeToolArgs', () => {
	it.each([
		[{command: 'ls -la'}, 'ls -la'],
		[{file_path: 'src/a.ts', content: '...'}, 'src/a.ts'],
		[{filePath: 'src/b.ts'}, 'src/b.ts'],
		[{command: ['bash', '-lc', 'make']}, 'make'],
		[{other: 1}, '{"other":1}'],
		['raw', 'raw'],
		[null, ''],
	])('%j → %s', (args, expected) => {
		expect(describeToolArgs(args)).toBe(expected);
	});
});
