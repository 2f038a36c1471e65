// Small FacetSessionInput builders for extractor and heuristic tests.
import type {FacetMessage, FacetSessionInput} from '../../../source/core/facet-transcript.js';

let seq = 0;

export function msg(role: string, text: string, over: Partial<FacetMessage> = {}): FacetMessage {
	seq++;
	return {id: `m${seq}`, parentId: null, role, timestamp: seq * 1000, text, toolCalls: [], toolResults: [], stopReason: '', ...over};
}

export function call(name: string, args: unknown, id = `call-${++seq}`): FacetMessage {
	return msg('assistant', '', {toolCalls: [{id, name, args}], stopReason: 'tool_use'});
}

export function result(content: string, opts: {id?: string; isError?: boolean; error?: string} = {}): FacetMessage {
	return msg('user', '', {toolResults: [{id: opts.id ?? '', content, error: opts.error ?? '', isError: opts.isError ?? false}]});
}

export function session(messages: FacetMessage[], over: Partial<FacetSessionInput> = {}): FacetSessionInput {
	return {
		sessionId: 'session-1', label: 'Fix the login bug', project: 'web', agent: 'claude', status: 'completed',
		startMs: 0, durationMs: 60_000, messages, ...over,
	};
}

/** A short finished session: one prompt, one answer. */
export const HELLO = session([msg('user', 'Hello'), msg('assistant', 'Hi there', {stopReason: 'end_turn'})]);

export const VALID_ANSWER = {
	underlying_goal: 'Fix the login bug',
	goal_category: 'fix_bug',
	outcome: 'fully_achieved',
	session_type: 'single_task',
	friction_types: ['buggy_code'],
	friction_detail: 'The first fix broke a test.',
	brief_summary: 'The user wanted the login bug fixed and it was.',
};

export const VALID_JSON = JSON.stringify(VALID_ANSWER);
