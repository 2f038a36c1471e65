import {describe, expect, it} from 'vitest';
import {rollUpProjects} from '../../source/core/project-rollup.js';
import type {SessionSummary} from '../../source/core/types.js';

const s = (over: Partial<SessionSummary>): SessionSummary => ({
	id: 'x', source: 'tapes', label: '', project: '', agent: '', model: 'gpt-4o', models: ['gpt-4o'], provider: 'openai',
	status: 'completed', startMs: 0, endMs: 0, durationMs: 0, messageCount: 1, toolCalls: 0, toolErrors: 0, inputTokens: 0,
	outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, totalTokens: 0, inputCost: 0, outputCost: 0, totalCost: 0,
	costSource: 'computed', unpricedTokens: 0, parentId: null, subSessionCount: 0, ...over,
});

describe('rollUpProjects', () => {
	it('sums cost, tokens and time over every row, and counts top-level sessions for sessions and success', () => {
		const rows = rollUpProjects([
			s({id: 'a', project: 'api', totalCost: 1, totalTokens: 100, durationMs: 10, endMs: 5, subSessionCount: 1}),
			s({id: 'a1', project: 'api', parentId: 'a', totalCost: 0.5, totalTokens: 50, durationMs: 4, endMs: 9, status: 'failed'}),
			s({id: 'b', project: 'api', totalCost: null, totalTokens: 20, status: 'failed', endMs: 3}),
			s({id: 'c', project: 'web', totalCost: 2, totalTokens: 10, endMs: 1}),
		]);
		expect(rows.map((r) => r.project)).toEqual(['web', 'api']);
		const api = rows[1]!;
		expect(api).toMatchObject({sessions: 2, subagentSessions: 1, totalCost: 1.5, unpricedSessions: 1, totalTokens: 170,
			durationMs: 14, lastActiveMs: 9, completed: 1, failed: 1, successRate: 0.5});
	});

	it('ties on cost go to the project active last; no sessions, no rows', () => {
		expect(rollUpProjects([s({project: 'old', endMs: 1}), s({project: 'new', endMs: 2})]).map((r) => r.project)).toEqual(['new', 'old']);
		expect(rollUpProjects([])).toEqual([]);
	});
});
