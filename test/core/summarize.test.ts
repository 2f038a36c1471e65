import {describe, expect, it} from 'vitest';
import {costOfUsage} from '../../source/core/cost.js';
import {defaultPricing, pricingForModel} from '../../source/core/pricing.js';
import {dominantModel, summarizeSession} from '../../source/core/summarize.js';
import type {MessageFacts} from '../../source/core/message-facts.js';
import {facts, usage} from './build-message.js';

const pricing = defaultPricing();
const summarize = (messages: MessageFacts[], extra: {labelLines?: string[]} = {}) =>
	summarizeSession({id: 'leaf-0123456789', source: 'tapes', messages, pricing, ...extra});

describe('summarizeSession: cost and models', () => {
	it('acceptance 3: a model-less assistant turn is priced with the model carried forward', () => {
		const {modelUsage, summary} = summarize([
			facts({id: 'u', role: 'user', model: 'claude-opus-4-6-20260219', timestamp: 1, usage: usage({input: 100})}),
			facts({id: 'a', role: 'assistant', model: '', timestamp: 2, usage: usage({output: 50})}),
		]);
		expect(modelUsage.map((m) => m.model)).toEqual(['claude-opus-4.6']);
		expect(modelUsage[0]!.output).toBe(50);
		expect(summary.totalCost).toBeGreaterThan(0);
		expect(summary.totalCost).toBeCloseTo((100 * 5 + 50 * 25) / 1e6, 12);
		expect(summary.model).toBe('claude-opus-4.6');
		expect(summary.costSource).toBe('computed');
	});

	it('acceptance 4: total cost equals the sum of per-message costs', () => {
		const messages = [
			facts({id: '1', role: 'user', model: 'claude-sonnet-4-5', timestamp: 1, usage: usage({input: 120_000, cacheRead: 90_000})}),
			facts({id: '2', role: 'assistant', model: 'claude-sonnet-4-5', timestamp: 2, usage: usage({input: 3_000, output: 500_000, cacheWrite: 1_000})}),
			facts({id: '3', role: 'assistant', model: 'gpt-4o', timestamp: 3, usage: usage({input: 7_777, output: 500_000, cacheRead: 1_000})}),
		];
		const perMessage = messages.reduce((sum, m) => sum + costOfUsage(pricingForModel(pricing, m.model)!, m.usage).total, 0);
		const {summary} = summarize(messages);
		expect(Math.abs(summary.totalCost! - perMessage)).toBeLessThan(1e-12);
		expect(summary.inputCost + summary.outputCost).toBeCloseTo(summary.totalCost!, 12);
	});

	it('acceptance 5: a lone assistant with no model gives no model usage', () => {
		const {modelUsage, summary} = summarize([facts({role: 'assistant', usage: usage({output: 10})})]);
		expect(modelUsage).toEqual([]);
		expect(summary.model).toBe('');
		expect(summary.totalCost).toBeNull();
		expect(summary.costSource).toBe('unpriced');
	});

	it('fixes reference: an unpriced model keeps its tokens and is never $0', () => {
		const {summary, modelUsage} = summarize([facts({role: 'assistant', model: 'mystery-1', usage: usage({input: 40, output: 60})})]);
		expect(summary.totalCost).toBeNull();
		expect(summary.costSource).toBe('unpriced');
		expect(summary.unpricedTokens).toBe(100);
		expect(summary.totalTokens).toBe(100);
		expect(summary.models).toEqual(['mystery-1']);
		expect(summary.model).toBe('mystery-1');
		expect(modelUsage[0]).toMatchObject({model: 'mystery-1', input: 40, output: 60, messages: 1});
	});

	it('marks a mix of priced and unpriced models as partial', () => {
		const {summary} = summarize([
			facts({id: '1', role: 'assistant', model: 'gpt-4o', timestamp: 1, usage: usage({input: 1_000_000})}),
			facts({id: '2', role: 'assistant', model: 'mystery-1', timestamp: 2, usage: usage({input: 5_000_000})}),
		]);
		expect(summary.costSource).toBe('partial');
		expect(summary.totalCost).toBeCloseTo(2.5, 12);
		expect(summary.unpricedTokens).toBe(5_000_000);
		expect(summary.models).toEqual(['gpt-4o', 'mystery-1']);
		expect(summary.model).toBe('gpt-4o');
	});

	it('uses a recorded cost instead of the computed one', () => {
		const {summary} = summarize([
			facts({id: '1', role: 'assistant', model: 'gpt-4o', timestamp: 1, usage: usage({input: 1_000_000}), recordedCostUsd: 1}),
			facts({id: '2', role: 'assistant', model: 'gpt-4o', timestamp: 2, usage: usage({input: 1_000_000})}),
		]);
		expect(summary.costSource).toBe('recorded');
		expect(summary.totalCost).toBeCloseTo(1 + 2.5, 12);
		expect(summary.inputCost).toBeCloseTo(2.5, 12);
	});

	it('reports none (and $0) for a session without tokens', () => {
		const {summary} = summarize([facts({role: 'user', model: 'gpt-4o'})]);
		expect(summary.costSource).toBe('none');
		expect(summary.totalCost).toBe(0);
	});

	it('sums tokens with cache tokens split out', () => {
		const {summary} = summarize([
			facts({id: '1', timestamp: 1, model: 'gpt-4o', usage: usage({input: 100, output: 10, cacheRead: 30, cacheWrite: 20, cacheWrite1h: 5})}),
			facts({id: '2', timestamp: 2, model: 'gpt-4o', usage: usage({input: 50, output: 5, cacheRead: 1})}),
		]);
		expect(summary).toMatchObject({inputTokens: 150, outputTokens: 15, cacheReadTokens: 31, cacheWriteTokens: 25, totalTokens: 165});
	});
});

describe('dominantModel', () => {
	it.each([
		['largest cost', [{model: 'b', cost: 1, tokens: 1}, {model: 'a', cost: 2, tokens: 1}], 'a'],
		['cost tie → more tokens', [{model: 'a', cost: 1, tokens: 1}, {model: 'b', cost: 1, tokens: 9}], 'b'],
		['cost and token tie → name', [{model: 'b', cost: 1, tokens: 1}, {model: 'a', cost: 1, tokens: 1}], 'a'],
		['priced beats unpriced', [{model: 'big', cost: null, tokens: 1e9}, {model: 'small', cost: 0.01, tokens: 1}], 'small'],
		['all unpriced → most tokens', [{model: 'a', cost: null, tokens: 5}, {model: 'b', cost: null, tokens: 7}], 'b'],
		['no tokens → first listed', [{model: 'z', cost: 0, tokens: 0}, {model: 'a', cost: 0, tokens: 0}], 'z'],
		['nothing', [], ''],
	])('%s', (_name, entries, want) => {
		expect(dominantModel(entries)).toBe(want);
	});
});

describe('summarizeSession: time, status, label and attribution', () => {
	it('fixes reference: start and end are min/max of its own messages, not chain order', () => {
		const {summary} = summarize([
			facts({id: 'b', timestamp: 5_000, role: 'assistant', stopReason: 'end_turn'}),
			facts({id: 'a', timestamp: 1_000, role: 'user'}),
			facts({id: 'c', timestamp: 9_000, role: 'assistant', stopReason: 'end_turn'}),
		]);
		expect([summary.startMs, summary.endMs, summary.durationMs]).toEqual([1_000, 9_000, 8_000]);
		expect(summary.status).toBe('completed');
	});

	it('takes the status from the latest message and session-wide tool errors and git activity', () => {
		const base = [
			facts({id: '1', timestamp: 1, role: 'user'}),
			facts({id: '2', timestamp: 2, role: 'assistant', stopReason: 'end_turn'}),
		];
		expect(summarize(base).summary.status).toBe('completed');
		expect(summarize([...base, facts({id: '3', timestamp: 3, role: 'user'})]).summary.status).toBe('abandoned');
		expect(summarize([{...base[0]!, toolErrorCount: 1}, base[1]!]).summary.status).toBe('failed');
		expect(summarize([...base, facts({id: '3', timestamp: 3, role: 'user', gitActivity: true})]).summary.status).toBe('completed');
		expect(summarize([]).summary.status).toBe('unknown');
	});

	it('dedupes messages by ID and orders equal times by ID', () => {
		const m = facts({id: 'x', timestamp: 1, role: 'user', usage: usage({input: 10})});
		const {summary} = summarize([m, m, facts({id: 'w', timestamp: 1, role: 'assistant', stopReason: 'stop'})]);
		expect(summary.messageCount).toBe(2);
		expect(summary.inputTokens).toBe(10);
		// 'x' sorts after 'w' at the same time, so the leaf is the user message
		expect(summary.status).toBe('abandoned');
	});

	it('builds the label from label lines, falling back to the ID', () => {
		const messages = [
			facts({id: '1', timestamp: 1, role: 'user', labelLine: 'one'}),
			facts({id: '2', timestamp: 2, role: 'user', labelLine: ''}),
			facts({id: '3', timestamp: 3, role: 'user', labelLine: 'two'}),
		];
		expect(summarize(messages).summary.label).toBe('one / two');
		expect(summarize(messages, {labelLines: ['a', 'b', 'c', 'd']}).summary.label).toBe('b / c / d');
		expect(summarize([facts({labelLine: ''})]).summary.label).toBe('leaf-0123...');
	});

	it('takes project, agent and provider from the first message that has one and sums tools', () => {
		const {summary} = summarizeSession({
			id: 's',
			source: 'claude-code',
			pricing,
			parentId: 'parent',
			subSessionCount: 2,
			messages: [
				facts({id: '1', timestamp: 1, toolCallCount: 2}),
				facts({id: '2', timestamp: 2, project: 'tapes', agent: 'claude', provider: 'anthropic', toolCallCount: 1, toolErrorCount: 1}),
				facts({id: '3', timestamp: 3, project: 'other', agent: 'codex', provider: 'openai'}),
			],
		});
		expect(summary).toMatchObject({
			id: 's',
			source: 'claude-code',
			project: 'tapes',
			agent: 'claude',
			provider: 'anthropic',
			toolCalls: 3,
			toolErrors: 1,
			messageCount: 3,
			parentId: 'parent',
			subSessionCount: 2,
		});
	});
});
