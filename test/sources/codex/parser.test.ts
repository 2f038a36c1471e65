// The Codex rollout parser: model per turn, usage per response (cached input inside input), the
// cumulative fallback, repeated token counts, tool outputs and injected context.
import {describe, expect, it} from 'vitest';
import {createCodexParser} from '../../../source/sources/codex/parser.js';
import {toolOutcome} from '../../../source/sources/codex/tool-output.js';

const ID = '019dec85-b760-71f2-bca7-b1c463f0d36e';
const entry = {path: `/c/sessions/rollout-2026-06-18T01-00-00-${ID}.jsonl`, kind: 'lines' as const, group: 0};
const tok = (input: number, cached: number, output: number) => ({input_tokens: input, cached_input_tokens: cached, output_tokens: output, reasoning_output_tokens: 0, total_tokens: input + output});
const t = (s: number) => `2026-06-18T01:00:${String(s).padStart(2, '0')}.000Z`;

function parse(lines: unknown[], saved: unknown = null) {
	const p = createCodexParser(entry, saved, {size: 0, mtimeMs: 0});
	const problems = lines.map((l, i) => p.accept(l, i + 1));
	return {out: p.drain(true), problems, state: p.state()};
}

describe('Codex parser', () => {
	it('puts each response usage on its last item, with cached input inside input', () => {
		const {out} = parse([
			{timestamp: t(0), type: 'session_meta', payload: {id: ID, cwd: '/Users/me/api', git: {branch: 'main'}}},
			{timestamp: t(1), type: 'turn_context', payload: {model: 'gpt-5.2-codex'}},
			{timestamp: t(2), type: 'response_item', payload: {type: 'function_call', name: 'exec_command', arguments: '{"cmd":"ls"}', call_id: 'c1'}},
			{timestamp: t(3), type: 'event_msg', payload: {type: 'token_count', info: {total_token_usage: tok(1000, 250, 125), last_token_usage: tok(1000, 250, 125)}}},
		]);
		expect(out.messages).toHaveLength(1);
		expect(out.messages[0]!.message).toMatchObject({
			id: `${ID}:3`, model: 'gpt-5.2-codex', project: 'api', stopReason: 'tool_use',
			toolCalls: [{id: 'c1', name: 'exec_command', args: {cmd: 'ls'}}],
			usage: {input: 1000, cacheRead: 250, output: 125, cacheWrite: 0, total: 1125},
		});
		expect(out.notes).toEqual([{sessionId: ID, cwd: '/Users/me/api', gitBranch: 'main'}]);
	});

	it('falls back to the difference of cumulative totals, and ignores a repeated count', () => {
		const {out, state} = parse([
			{timestamp: t(1), type: 'response_item', payload: {type: 'message', role: 'assistant', content: [{type: 'output_text', text: 'a'}]}},
			{timestamp: t(2), type: 'event_msg', payload: {type: 'token_count', info: {total_token_usage: tok(1000, 200, 50)}}},
			{timestamp: t(3), type: 'event_msg', payload: {type: 'token_count', info: {total_token_usage: tok(1000, 200, 50)}}},
			{timestamp: t(4), type: 'response_item', payload: {type: 'message', role: 'assistant', content: [{type: 'output_text', text: 'b'}]}},
			{timestamp: t(5), type: 'event_msg', payload: {type: 'token_count', info: {total_token_usage: tok(1600, 700, 80)}}},
		]);
		expect(out.messages.map((m) => [m.message.usage.input, m.message.usage.cacheRead, m.message.usage.output])).toEqual([[1000, 200, 50], [600, 500, 30]]);
		expect((state as {lastTotal: {input_tokens: number}}).lastTotal.input_tokens).toBe(1600);
	});

	it('carries model and totals across syncs through its saved state', () => {
		const first = parse([{timestamp: t(1), type: 'turn_context', payload: {model: 'gpt-5.1-codex'}},
			{timestamp: t(2), type: 'event_msg', payload: {type: 'token_count', info: {total_token_usage: tok(100, 0, 10)}}}]);
		const {out} = parse([{timestamp: t(9), type: 'event_msg', payload: {type: 'token_count', info: {total_token_usage: tok(300, 100, 30)}}}], first.state);
		expect(out.messages[0]!.message).toMatchObject({model: 'gpt-5.1-codex', usage: {input: 200, cacheRead: 100, output: 20}});
	});

	it('reads tool outputs and marks injected context as system', () => {
		const {out} = parse([
			{timestamp: t(1), type: 'response_item', payload: {type: 'message', role: 'user', content: [{type: 'input_text', text: '<environment_context>\n<cwd>/a</cwd>\n</environment_context>'}]}},
			{timestamp: t(2), type: 'response_item', payload: {type: 'function_call', name: 'shell', arguments: '{}', call_id: 'c9'}},
			{timestamp: t(6), type: 'response_item', payload: {type: 'function_call_output', call_id: 'c9', output: 'Exit code: 2\nWall time: 1.5 seconds\nOutput:\nno'}},
		]);
		expect(out.messages[0]!.message.role).toBe('system');
		expect(out.messages[2]!.message.toolResults).toEqual([{id: 'c9', name: 'shell', content: 'Exit code: 2\nWall time: 1.5 seconds\nOutput:\nno', error: 'exit code 2', isError: true, latencyMs: 1500}]);
	});

	it('reports lines of the wrong shape', () => {
		const {problems} = parse([{type: 'session_meta', payload: {cwd: 1}}, {type: 'event_msg', timestamp: t(1), payload: {type: 'token_count', info: {last_token_usage: {input_tokens: -5}}}}]);
		expect(problems[0]).toMatch(/^not a Codex session_meta line/);
		expect(problems[1]).toMatch(/^not a Codex token_count event/);
	});

	it('reports token counts no count can reach (1e400 parses as Infinity), so no sum becomes Infinity', () => {
		const count = (usage: unknown) => ({type: 'event_msg', timestamp: t(1), payload: {type: 'token_count', info: {last_token_usage: usage}}});
		const {out, problems} = parse([count({input_tokens: JSON.parse('1e400')}), count({output_tokens: 2 ** 53}), count({input_tokens: 2 ** 53 - 1})]);
		expect(problems.map((p) => p?.replace(/:.*/, ''))).toEqual(['not a Codex token_count event (payload.info.last_token_usage.input_tokens',
			'not a Codex token_count event (payload.info.last_token_usage.output_tokens', undefined]);
		expect(out.messages.map((m) => m.message.usage.input)).toEqual([2 ** 53 - 1]);
	});
});

describe('toolOutcome', () => {
	it('reads the JSON form with exit code and duration', () => {
		expect(toolOutcome('{"output":"ok","metadata":{"exit_code":0,"duration_seconds":3.1}}')).toEqual({content: 'ok', exitCode: 0, durationMs: 3100, failed: false});
	});
});
