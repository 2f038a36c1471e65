// The PromptKit message parser: recorded cost, tool calls and results, validations, latency, and times.
import {describe, expect, it} from 'vitest';
import {createPromptKitParser, readPromptKitState} from '../../../source/sources/promptkit/parser.js';

const entry = {path: '/s/conv-abc/messages.jsonl', kind: 'lines' as const, group: 0};

function parse(lines: unknown[]) {
	const p = createPromptKitParser(entry, null, {size: 0, mtimeMs: 5_000});
	const problems = lines.map((l, i) => p.accept(l, i + 1));
	return {out: p.drain(true), problems};
}

describe('PromptKit parser', () => {
	it('maps a types.Message with cost_info, tool calls, validations and latency', () => {
		const {out} = parse([{role: 'assistant', content: 'Hi', timestamp: '2026-07-01T12:00:00Z', latency_ms: 800,
			tool_calls: [{id: 'c1', name: 'lookup', args: {q: 1}}],
			cost_info: {input_tokens: 100, output_tokens: 10, cached_tokens: 40, input_cost_usd: 0.1, output_cost_usd: 0.2, total_cost_usd: 0.3},
			validations: [{validator_type: 'len', passed: false, details: {max: 1}}], meta: {model: 'gpt-4o', provider: 'openai'}}]);
		expect(out.messages[0]).toMatchObject({sessionId: 'abc', seq: 1, message: {
			id: 'abc:1', role: 'assistant', model: 'gpt-4o', provider: 'openai', agent: 'promptkit', latencyMs: 800, stopReason: 'tool_use',
			toolCalls: [{id: 'c1', name: 'lookup', args: {q: 1}}], usage: {input: 100, output: 10, cacheRead: 40},
			recordedCost: {inputUsd: 0.1, outputUsd: 0.2, cachedUsd: 0, totalUsd: 0.3}, validations: [{validator: 'len', passed: false, details: {max: 1}}],
		}});
	});

	it('makes a failed tool result an error, and gives untimed messages the time before them', () => {
		const {out} = parse([
			{role: 'user', content: 'q', timestamp: '2026-07-01T12:00:00Z'},
			{role: 'tool', content: '', timestamp: '0001-01-01T00:00:00Z', tool_result: {id: 'c1', name: 'lookup', content: '', error: 'timeout', latency_ms: 5000}},
		]);
		expect(out.messages[1]!.message).toMatchObject({timestamp: Date.parse('2026-07-01T12:00:00Z'), toolResults: [{id: 'c1', name: 'lookup', error: 'timeout', isError: true, latencyMs: 5000}]});
	});

	it('reports token counts and prices no amount can reach (1e400 parses as Infinity)', () => {
		const {out, problems} = parse([{role: 'assistant', cost_info: {input_tokens: JSON.parse('1e400')}}, {role: 'assistant', cost_info: {total_cost_usd: 2 ** 53}}]);
		expect(problems.map((p) => p?.replace(/:.*/, ''))).toEqual(['not a PromptKit message (cost_info.input_tokens', 'not a PromptKit message (cost_info.total_cost_usd']);
		expect(out.messages).toEqual([]);
	});

	it('reports messages of the wrong shape, and reads the title from state.json', () => {
		expect(parse([{role: 7}]).problems[0]).toMatch(/^not a PromptKit message \(role:/);
		expect(readPromptKitState({path: '/s/conv-abc/state.json', kind: 'json', group: 1}, {id: 'abc', metadata: {title: ' Refund '}}))
			.toEqual({messages: [], notes: [{sessionId: 'abc', customTitle: 'Refund'}]});
		expect(readPromptKitState({path: '/s/conv-abc/state.json', kind: 'json', group: 1}, {metadata: {}})).toMatch(/^not a PromptKit state.json/);
	});
});
