import {describe, expect, it} from 'vitest';
import {buildSessionAnalytics, toolFrequency, type AnalyticsRow} from '../../source/core/session-analytics.js';

const row = (role: string, seconds: number, extra: Partial<AnalyticsRow> = {}): AnalyticsRow => ({
	role,
	timestamp: seconds * 1000,
	inputTokens: 0,
	outputTokens: 0,
	text: '',
	toolCalls: [],
	toolError: false,
	...extra,
});

describe('buildSessionAnalytics (acceptance 18)', () => {
	it('counts messages by role', () => {
		const a = buildSessionAnalytics([row('user', 0), row('assistant', 1), row('user', 2), row('tool', 3)]);
		expect([a.userMessages, a.assistantMessages]).toEqual([2, 1]);
	});

	it('measures response time, pauses, tools, errors and tokens per minute', () => {
		const a = buildSessionAnalytics([
			row('user', 0, {text: '<system-reminder>x</system-reminder>\nFix the login bug\nplease', inputTokens: 100}),
			row('assistant', 4, {text: 'Looking', toolCalls: ['Read'], outputTokens: 20}),
			row('user', 32, {text: 'ok', inputTokens: 60}),
			row('assistant', 38, {text: 'Done.', toolCalls: ['Read', 'Grep'], toolError: true, outputTokens: 20}),
		]);
		expect(a.avgResponseTimeMs).toBe(5000);
		expect(a.longestPauseMs).toBe(28_000);
		expect(a.uniqueTools).toBe(2);
		expect(a.toolErrors).toBe(1);
		expect(a.firstPrompt).toBe('Fix the login bug');
		expect(a.tokensPerMinute).toBeCloseTo(200 / (38 / 60), 9);
		expect(a.avgResponseLength).toBe(Math.floor((7 + 5) / 2));
	});

	it('skips prompts with no usable line and cuts the first prompt to 200 characters', () => {
		const long = 'é'.repeat(250);
		const a = buildSessionAnalytics([row('user', 0, {text: 'Command: /clear'}), row('user', 1, {text: long})]);
		expect(a.firstPrompt).toBe(`${'é'.repeat(197)}...`);
	});

	it('measures prompt length in characters', () => {
		const a = buildSessionAnalytics([row('user', 0, {text: '😀😀😀'}), row('user', 1, {text: 'ab'})]);
		expect(a.avgPromptLength).toBe(2); // (3 + 2) / 2 rounded down
	});

	it('sorts rows by time so gaps are never negative', () => {
		const a = buildSessionAnalytics([row('assistant', 10), row('user', 0)]);
		expect([a.longestPauseMs, a.avgResponseTimeMs]).toEqual([10_000, 10_000]);
	});

	it('returns zeros for no messages', () => {
		expect(buildSessionAnalytics([])).toEqual({
			userMessages: 0,
			assistantMessages: 0,
			avgResponseTimeMs: 0,
			longestPauseMs: 0,
			uniqueTools: 0,
			toolErrors: 0,
			tokensPerMinute: 0,
			avgPromptLength: 0,
			avgResponseLength: 0,
			firstPrompt: '',
		});
	});

	it('has no tokens per minute for a single message', () => {
		expect(buildSessionAnalytics([row('user', 0, {inputTokens: 50})]).tokensPerMinute).toBe(0);
	});
});

describe('toolFrequency (acceptance 17)', () => {
	it('counts calls per tool, most used first', () => {
		const rows = [{toolCalls: ['Read']}, {toolCalls: ['Grep', 'Read', '']}];
		expect(toolFrequency(rows)).toEqual([
			{name: 'Read', count: 2},
			{name: 'Grep', count: 1},
		]);
		expect(toolFrequency([])).toEqual([]);
	});

	it('orders ties by name', () => {
		expect(toolFrequency([{toolCalls: ['b', 'a']}]).map((t) => t.name)).toEqual(['a', 'b']);
	});
});
