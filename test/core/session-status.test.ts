// Why a session gets its status: the reference's rule for tapes, one that holds on real transcripts otherwise.
import {describe, expect, it} from 'vitest';
import {sessionStatus} from '../../source/core/session-status.js';
import {facts} from './build-message.js';

const call = (id: string, tool: string, t: number) => facts({id, role: 'assistant', timestamp: t, toolNames: [tool], toolCallCount: 1, stopReason: 'tool_use'});
const result = (id: string, tool: string, outcome: 0 | 1 | 2, t: number) => facts({id, role: 'tool', timestamp: t,
	toolErrorCount: outcome === 1 ? 1 : 0, toolRejectionCount: outcome === 2 ? 1 : 0, toolOutcomes: [[tool, outcome]]});
const answer = (t: number, stopReason = '') => facts({id: `end${t}`, role: 'assistant', timestamp: t, stopReason});

describe('sessionStatus for transcripts', () => {
	it('a declined call is a rejection, not an error', () => {
		const v = sessionStatus('claude-code', [call('c', 'Edit', 1), result('r', 'Edit', 2, 2), answer(3, 'end_turn')]);
		expect(v).toEqual({status: 'completed', rejections: 1, reason: 'the last answer ended with "end_turn"; 1 tool call declined by the user'});
	});

	it('an error that a later call of the same tool recovers from does not fail the session', () => {
		const v = sessionStatus('claude-code', [call('c1', 'Bash', 1), result('r1', 'Bash', 1, 2), call('c2', 'Bash', 3), result('r2', 'Bash', 0, 4), answer(5)]);
		expect(v.status).toBe('completed');
		expect(v.reason).toBe('the last answer calls no tool, so the turn ended; 1 tool error, all recovered');
	});

	it('an error no later call of that tool recovered from fails it, naming the tool', () => {
		const v = sessionStatus('codex', [call('c1', 'apply_patch', 1), result('r1', 'apply_patch', 1, 2), call('c2', 'Read', 3), result('r2', 'Read', 0, 4), answer(5, 'end_turn')]);
		expect(v).toMatchObject({status: 'failed', reason: 'apply_patch failed and no later call of it succeeded'});
	});

	it('harness lines after the last exchange do not make a finished session abandoned', () => {
		const v = sessionStatus('claude-code', [facts({id: 'u', role: 'user', timestamp: 1}), answer(2, 'end_turn'), facts({id: 's', role: 'system', timestamp: 3})]);
		expect(v.status).toBe('completed');
		expect(sessionStatus('claude-code', [answer(1, 'end_turn'), facts({id: 'u', role: 'user', timestamp: 2})]).status).toBe('abandoned');
	});

	it('facts stored before outcomes were kept count their errors as lasting ones', () => {
		const old = facts({id: 'r', role: 'tool', timestamp: 2, toolErrorCount: 1});
		expect(sessionStatus('claude-code', [old, answer(3, 'end_turn')]).status).toBe('failed');
	});
});

describe('sessionStatus for tapes keeps the reference rule', () => {
	it('any tool error fails, even one recovered later or a declined call the proxy saw as an error', () => {
		const v = sessionStatus('tapes', [call('c1', 'Bash', 1), result('r1', 'Bash', 1, 2), call('c2', 'Bash', 3), result('r2', 'Bash', 0, 4), answer(5, 'end_turn')]);
		expect(v).toMatchObject({status: 'failed', reason: '1 tool error (any tool error fails a tapes session)'});
		expect(sessionStatus('tapes', [answer(1, '')]).status).toBe('unknown');
		expect(sessionStatus('tapes', [answer(1, 'max_tokens')]).reason).toBe('the last answer stopped with "max_tokens"');
	});
});
