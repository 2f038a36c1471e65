// A node's facts cross from the tapes reading thread as a flat array: what comes out is what went in, for
// messages with tool calls, failed and declined results, a recorded cost, no total, and a prompt's label line.
import {describe, expect, it} from 'vitest';
import {messageFacts, type MessageFacts} from '../../source/core/message-facts.js';
import type {CanonicalMessage} from '../../source/core/types.js';
import {decodeNode, encodeNode} from '../../source/sync/tapes-node-codec.js';

const base: CanonicalMessage = {
	id: 'a'.repeat(64), parentId: 'b'.repeat(64), role: 'assistant', model: 'claude-sonnet-4-5-20250929', provider: 'anthropic', agent: 'claude',
	project: 'tapes', timestamp: Date.UTC(2026, 0, 2, 3, 4, 5, 678), usage: {input: 1200, output: 340, cacheWrite: 50, cacheWrite1h: 7, cacheRead: 9000, total: null},
	stopReason: 'tool_use', text: 'Reading the file.', toolCalls: [{id: 't1', name: 'Read', args: {path: 'a.go'}}, {id: 't2', name: '', args: {}}],
	toolResults: [], validations: [], latencyMs: null, recordedCost: null, meta: null,
};
const results: CanonicalMessage = {...base, id: 'c'.repeat(64), role: 'user', model: '', text: 'Fix the flaky test\nin pkg/deck.', toolCalls: [],
	usage: {input: 0, output: 0, cacheWrite: 0, cacheWrite1h: 0, cacheRead: 0, total: 0},
	toolResults: [{id: 't1', name: 'Read', content: 'no such file', error: 'no such file', isError: true, latencyMs: 12},
		{id: 't2', name: 'Bash', content: 'The user declined', error: '', isError: false, latencyMs: null, declined: true}]};
const priced: CanonicalMessage = {...base, id: 'd'.repeat(64), parentId: null, recordedCost: {inputUsd: 0.01, outputUsd: 0.02, cachedUsd: 0, totalUsd: 0.03}, toolCalls: []};

describe('tapes node codec', () => {
	it.each([['tool calls', base], ['failed and declined results', results], ['a recorded cost and no parent', priced]])('round-trips a node with %s', (_name, m) => {
		const node = {rowid: 4242, facts: messageFacts(m, '')};
		const back = decodeNode(encodeNode(node));
		expect(back).toEqual({...node, parentHash: m.parentId});
		expect(Object.keys(back.facts).sort()).toEqual(Object.keys(node.facts).sort());
	});

	it('leaves optional facts absent when they were', () => {
		const facts: MessageFacts = messageFacts(base, '');
		delete facts.toolOutcomes;
		delete facts.toolRejectionCount;
		const back = decodeNode(encodeNode({rowid: 1, facts}));
		expect('toolOutcomes' in back.facts).toBe(false);
		expect('toolRejectionCount' in back.facts).toBe(false);
		expect(back.facts).toEqual(facts);
	});
});
