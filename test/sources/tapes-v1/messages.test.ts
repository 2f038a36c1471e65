// The shared mapping of a tapes session to canonical messages: the display title rule, where recorded cost
// goes, what a turn becomes, and RFC 3339 times with more than millisecond precision.
import {describe, expect, it} from 'vitest';
import {displayTitle, mapSession} from '../../../source/sources/tapes-v1/messages.js';
import {timeMs, type V1SessionRead, type V1Span} from '../../../source/sources/tapes-v1/model.js';
import {defaultPricing} from '../../../source/core/pricing.js';

const session = (over: Partial<V1SessionRead['session']> = {}): V1SessionRead['session'] => ({
	id: 's1', harnessId: 'codex', harnessSessionId: 'abcdef1234567890', name: '', cwd: '/w/api', parentSessionId: null, startedMs: 0, lastSeenMs: 0,
	displayTitle: null, displayName: '', derivedTitle: '', totalInputTokens: 0, totalOutputTokens: 0, totalCostUsd: 0, ...over,
});
const llm = (over: Partial<V1Span>): V1Span => ({
	traceId: 't1', spanId: 'llm_1', parentSpanId: 'root', kind: 'llm', name: 'gpt-5', status: 'ok', callKind: 'main', threadId: '', model: 'gpt-5',
	stopReason: 'stop', startedMs: 1000, durationNs: 2e9, seq: 1, input: [], output: [], usage: {}, ...over,
});

describe('tapes v1 mapping', () => {
	it.each([
		[{displayName: 'Renamed', derivedTitle: 'Derived'}, [{prompt: 'hi', synthetic: ''}], 'Renamed'],
		[{derivedTitle: 'Derived', name: 'slug'}, [{prompt: 'hi', synthetic: ''}], 'Derived'],
		[{name: 'slug'}, [{prompt: '', synthetic: 'shadow-opener'}, {prompt: 'the first real prompt', synthetic: ''}], 'the first real prompt'],
		[{name: 'slug'}, [{prompt: '{"json": true}', synthetic: ''}], 'slug'],
		[{name: 'slug'}, [{prompt: '  42  ', synthetic: ''}], 'slug'],
		[{name: 'slug'}, [{prompt: 'true story: fix the parser', synthetic: ''}], 'true story: fix the parser'],
		[{name: 'slug'}, [{prompt: '[draft] fix the parser', synthetic: ''}], '[draft] fix the parser'],
		[{}, [], 'abcdef123456'],
	])('display title of %j with traces %j is %s', (over, traces, title) => {
		const read: V1SessionRead = {session: session(over), traces: traces.map((t, i) => ({traceId: `t${i}`, userPrompt: t.prompt, synthetic: t.synthetic,
			startedMs: i, costUsd: 0})), spans: []};
		expect(displayTitle(read)).toBe(title);
	});

	it('shares a trace\'s recorded cost among its calls by their price, and prices a trace tapes recorded at 0', () => {
		const read: V1SessionRead = {
			session: session(),
			traces: [{traceId: 't1', userPrompt: 'go', synthetic: '', startedMs: 1000, costUsd: 0.3}, {traceId: 't2', userPrompt: 'on', synthetic: '', startedMs: 9000, costUsd: 0}],
			spans: [
				llm({input: [{type: 'text', text: 'go'}], output: [{type: 'text', text: 'a'}], usage: {prompt_tokens: 1000, completion_tokens: 100}}),
				llm({spanId: 'llm_2', seq: 2, startedMs: 4000, callKind: 'offshoot:title-gen', output: [{type: 'text', text: 'Title'}],
					usage: {prompt_tokens: 1000, completion_tokens: 100}}),
				llm({traceId: 't2', spanId: 'llm_3', startedMs: 9000, input: [{type: 'text', text: 'on'}], usage: {prompt_tokens: 10, completion_tokens: 1}}),
			],
		};
		const [root] = mapSession(read, defaultPricing());
		const replies = root!.messages.filter((m) => m.role === 'assistant');
		expect(replies.map((m) => m.recordedCost?.totalUsd ?? null)).toEqual([0.15, 0.15, null]);
		expect(replies[1]!.meta).toEqual({callKind: 'offshoot:title-gen'});
		expect(root!.messages.filter((m) => m.role === 'user').map((m) => m.text)).toEqual(['go', 'on']);
		expect(root!.messages[0]).toMatchObject({agent: 'codex', provider: 'openai', project: 'api', timestamp: 1000});
		expect(replies[0]!.timestamp).toBe(3000);
	});

	it.each([
		['2026-08-01T12:00:00Z', Date.UTC(2026, 7, 1, 12)],
		['2026-08-01T12:00:00.123456789Z', Date.UTC(2026, 7, 1, 12) + 123.456789],
		['2026-08-01 14:00:00.5+02', Date.UTC(2026, 7, 1, 12) + 500],
		['2026-08-01T07:30:00-04:30', Date.UTC(2026, 7, 1, 12)],
	])('reads %s', (text, ms) => {
		expect(timeMs(text)).toBeCloseTo(ms, 6);
	});
	it('rejects a time without a zone', () => {
		expect(timeMs('2026-08-01T12:00:00')).toBeNaN();
	});
});
