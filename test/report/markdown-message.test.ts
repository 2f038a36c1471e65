// One message of the Markdown export: code spans and fences that hostile text cannot break, and the
// message's blocks for what the source gave (no arguments, content beside an error, passed validations).
import {describe, expect, it} from 'vitest';
import {messageFacts} from '../../source/core/message-facts.js';
import {closeFences, code, fence, messageMarkdown} from '../../source/report/markdown-message.js';
import type {DetailMessage} from '../../source/workspace/session-detail.js';
import {message, usage} from '../core/build-message.js';

describe('fence', () => {
	it.each([
		['plain text', 'ls -la', '```'],
		['a triple backtick inside', 'see ```js\ncode\n```', '````'],
		['a run of five', 'a ````` b', '``````'],
	])('outgrows %s', (_name, text, want) => {
		const block = fence(text, 'json');
		expect(block.split('\n')[0]).toBe(`${want}json`);
		expect(block.split('\n').at(-1)).toBe(want);
		// No line inside is as long a run of backticks as the fence, so none can close it early.
		for (const line of text.split('\n')) expect(line.startsWith(want)).toBe(false);
	});
});

describe('code', () => {
	it.each([
		['Read', '`Read`'],
		['a`b', '``a`b``'],
		['`edge`', '`` `edge` ``'],
		['two\nlines', '`two lines`'],
		['red \u001b[31mRED\u001b[0m \u001b]0;pwned\u0007end', '`red RED end`'],
	])('%j → %s', (text, want) => {
		expect(code(text)).toBe(want);
	});
});

describe('closeFences', () => {
	it.each([
		['text without fences', 'plain', 'plain'],
		['a closed fence', '```js\nx\n```', '```js\nx\n```'],
		['an open fence', 'see:\n```python\nx = 1', 'see:\n```python\nx = 1\n```'],
		['an open tilde fence, a shorter run inside it', '~~~~\n~~~\nx', '~~~~\n~~~\nx\n~~~~'],
		['a closing line with text after the run', '```\n``` not a close', '```\n``` not a close\n```'],
		['two fences, the second open', '```\na\n```\n````\nb', '```\na\n```\n````\nb\n````'],
	])('%s', (_name, text, want) => {
		expect(closeFences(text)).toBe(want);
	});
});

function detail(over: Partial<DetailMessage> = {}): DetailMessage {
	const facts = messageFacts(message({role: 'assistant', model: '', usage: usage({input: 10, output: 5}), timestamp: Date.UTC(2026, 0, 2, 3, 4, 5)}), '');
	return {facts, deltaMs: 0, cost: null, costRecorded: false, cacheSavingUsd: null, text: 'hello', blockText: 'hello', toolCalls: [],
		toolResults: [], validations: [], latencyMs: null, ...over};
}

describe('messageMarkdown', () => {
	it('heads a bare message with its number and time, leaves out the lines it has nothing for, and says unpriced', () => {
		expect(messageMarkdown(detail(), 6, 'UTC')).toEqual([
			'', '### 7. assistant · 2026-01-02 03:04:05', '', '- **Tokens:** 10 in · 5 out · **Cost:** unpriced', '', 'hello',
		]);
	});

	it('fences hostile tool output and names, and prints content beside an error once each', () => {
		const out = messageMarkdown(detail({
			text: 'tool call: x`y', blockText: '',
			toolCalls: [{id: '', name: 'x`y', args: null}, {id: 'c1', name: 'Bash', args: 'echo ```'}],
			toolResults: [{id: 'c1', name: 'Bash', content: 'partial ``` output', error: 'exit 1', isError: false, latencyMs: 12}],
			validations: [{validator: 'len', passed: true, details: {note: 'ok'}}],
		}), 0, 'UTC').join('\n');
		expect(out).not.toContain('tool call: x`y');
		expect(out).toContain('**Tool call:** ``x`y``\n\n*(no arguments)*');
		expect(out).toContain('**Tool call:** `Bash` · id `c1`\n\n````\necho ```\n````');
		expect(out).toContain('**Tool result:** `Bash` · **error** · 12 ms\n\nError:\n\n```\nexit 1\n```\n\n````\npartial ``` output\n````');
		expect(out).toContain('**Validation:** ✓ passed · `len`\n\n```json\n{\n  "note": "ok"\n}\n```');
	});
});
