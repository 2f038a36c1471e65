import {describe, expect, it} from 'vitest';
import {messageFacts, messageFactsInOrder} from '../../source/core/message-facts.js';
import {message, usage} from './build-message.js';

describe('messageFacts', () => {
	it('derives the stored facts of a message', () => {
		const m = message({
			id: 'a',
			parentId: 'p',
			role: 'assistant',
			model: 'claude-sonnet-4-5-20250929',
			provider: 'anthropic',
			agent: 'claude-code',
			project: 'tapes',
			timestamp: 1000,
			text: 'done',
			usage: usage({input: 10, output: 5}),
			stopReason: 'tool_use',
			toolCalls: [
				{id: '1', name: 'Bash', args: {command: 'git commit -m x'}},
				{id: '2', name: '', args: null},
			],
			toolResults: [
				{id: '1', name: 'Bash', content: 'ok', error: '', isError: false, latencyMs: 5},
				{id: '2', name: 'Read', content: '', error: 'not found', isError: false, latencyMs: null},
				{id: '3', name: 'Read', content: 'x', error: '', isError: true, latencyMs: null},
				{id: '4', name: 'Edit', content: 'no', error: 'no', isError: true, latencyMs: null, declined: true},
			],
			recordedCost: {inputUsd: 0.1, outputUsd: 0.2, cachedUsd: 0, totalUsd: 0.3},
		});
		expect(messageFacts(m, 'ignored')).toEqual({
			id: 'a',
			parentId: 'p',
			role: 'assistant',
			model: 'claude-sonnet-4.5',
			provider: 'anthropic',
			agent: 'claude-code',
			project: 'tapes',
			timestamp: 1000,
			usage: usage({input: 10, output: 5}),
			stopReason: 'tool_use',
			toolNames: ['Bash'],
			toolCallCount: 2,
			toolErrorCount: 2,
			toolRejectionCount: 1,
			toolOutcomes: [['Bash', 0], ['Read', 1], ['Read', 1], ['Edit', 2]],
			gitActivity: true,
			labelLine: '',
			recordedCostUsd: 0.3,
		});
	});

	it('carries the model forward and takes a label line from user text', () => {
		const f = messageFacts(message({role: 'user', text: '<system-reminder>x</system-reminder>\nCommand: y\nFix the bug'}), 'gpt-4o');
		expect(f.model).toBe('gpt-4o');
		expect(f.labelLine).toBe('Fix the bug');
		expect(f.recordedCostUsd).toBeNull();
	});

	it('messageFactsInOrder carries the last model across messages', () => {
		const list = messageFactsInOrder([
			message({id: '1', model: 'claude-opus-4-6-20260219'}),
			message({id: '2', role: 'assistant'}),
			message({id: '3', model: 'gpt-4o'}),
			message({id: '4'}),
		]);
		expect(list.map((f) => f.model)).toEqual(['claude-opus-4.6', 'claude-opus-4.6', 'gpt-4o', 'gpt-4o']);
	});
});
