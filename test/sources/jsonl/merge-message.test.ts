// Merging copies of one message: every block once, the largest usage, the earliest time.
import {describe, expect, it} from 'vitest';
import {mergeMessages} from '../../../source/sources/jsonl/merge-message.js';
import type {CanonicalMessage} from '../../../source/core/types.js';

const msg = (over: Partial<CanonicalMessage>): CanonicalMessage => ({
	id: 'm:r', parentId: null, role: 'assistant', model: 'claude-sonnet-4-5', provider: 'anthropic', agent: 'claude-code', project: 'app',
	timestamp: 1000, text: '', toolCalls: [], toolResults: [], usage: {input: 100, output: 5, cacheWrite: 0, cacheWrite1h: 0, cacheRead: 0, total: 105},
	stopReason: '', latencyMs: null, recordedCost: null, validations: [], meta: null, ...over,
});

describe('mergeMessages', () => {
	it('keeps the snapshot with most tokens, each block once, and the final stop reason', () => {
		const a = msg({text: 'Let me look.'});
		const b = msg({timestamp: 1500, toolCalls: [{id: 't1', name: 'Bash', args: {command: 'ls'}}], usage: {input: 100, output: 87, cacheWrite: 0, cacheWrite1h: 0, cacheRead: 0, total: 187}, stopReason: 'tool_use'});
		const merged = mergeMessages(mergeMessages(a, b), b);
		expect(merged).toMatchObject({text: 'Let me look.', timestamp: 1000, stopReason: 'tool_use', usage: {output: 87}});
		expect(merged.toolCalls).toHaveLength(1);
	});

	it('never lets a later, smaller copy shrink the usage', () => {
		const big = msg({usage: {input: 100, output: 60, cacheWrite: 0, cacheWrite1h: 0, cacheRead: 0, total: 160}, stopReason: 'end_turn'});
		const partial = msg({usage: {input: 100, output: 5, cacheWrite: 0, cacheWrite1h: 0, cacheRead: 0, total: 105}});
		expect(mergeMessages(big, partial)).toMatchObject({usage: {output: 60}, stopReason: 'end_turn'});
		expect(mergeMessages(partial, big).usage.output).toBe(60);
	});

	it('is idempotent on text already included', () => {
		const a = msg({text: 'one\ntwo'});
		expect(mergeMessages(a, msg({text: 'two'})).text).toBe('one\ntwo');
		expect(mergeMessages(msg({text: 'one'}), msg({text: 'two'})).text).toBe('one\ntwo');
	});
});
