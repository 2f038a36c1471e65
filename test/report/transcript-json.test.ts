// The JSON report closes each stored row with transcriptJsonText: it must be toJson of the object it replaces.
import {describe, expect, it} from 'vitest';
import {toJson} from '../../source/report/json.js';
import {reclose, renderSessionRow, transcriptJson, transcriptJsonText} from '../../source/report/transcript-json.js';
import {sessionJson} from '../../source/report/session-json.js';
import type {SessionSummary} from '../../source/core/types.js';
import type {SessionInfo} from '../../source/workspace/session-info.js';

const subagents = (totalCost: number | null, unpricedSessions = 0) => ({sessions: 2, inputTokens: 1200, outputTokens: 340, totalTokens: 1540, totalCost, unpricedSessions});

describe('transcriptJsonText and the stored rows', () => {
	const infos: Array<SessionInfo | undefined> = [
		undefined,
		{cwd: '', gitBranch: '', subagents: null},
		{cwd: '/home/me/repo "quoted" \\ back', gitBranch: 'feature/\u202eevil\u001b[31m', subagents: null},
		{cwd: '/srv/app', gitBranch: 'main', subagents: subagents(0.30000000000000004)},
		{cwd: '', gitBranch: '', subagents: subagents(null, 2)},
		{cwd: '/ünïcödé/路径', gitBranch: '', subagents: subagents(1e-7, 1)},
	];
	const sessions = [{totalTokens: 0, totalCost: null}, {totalTokens: 98_765, totalCost: 1.2345678901234567}, {totalTokens: 5, totalCost: 0}];

	it('is byte for byte the JSON writer\'s text of transcriptJson plus parent_in_index', () => {
		for (const info of infos) {
			for (const s of sessions) {
				for (const parentInIndex of [null, true, false]) {
					expect(transcriptJsonText(s, info, parentInIndex)).toBe(toJson({...transcriptJson(s, info), parent_in_index: parentInIndex}));
				}
			}
		}
	});

	it('writes a figure that is not finite as null, as JSON.stringify does', () => {
		const text = transcriptJsonText({totalTokens: 10, totalCost: Number.NaN}, {cwd: '', gitBranch: '', subagents: subagents(Number.POSITIVE_INFINITY)}, null);
		expect(text).toBe(toJson({...transcriptJson({totalTokens: 10, totalCost: Number.NaN}, {cwd: '', gitBranch: '', subagents: subagents(Number.POSITIVE_INFINITY)}), parent_in_index: null}));
		expect(JSON.parse(text).subagent_total_cost).toBeNull();
	});

	it('a stored row closed by other fields is the merged object, whatever its label says', () => {
		const base: SessionSummary = {
			id: 's1', source: 'claude-code', label: 'x', project: 'p', agent: 'claude', model: 'claude-sonnet-4.5', models: ['claude-sonnet-4.5'],
			provider: 'anthropic', status: 'completed', startMs: 0, endMs: 10, durationMs: 10, messageCount: 2, toolCalls: 0, toolErrors: 0,
			inputTokens: 100, outputTokens: 50, cacheReadTokens: 0, cacheWriteTokens: 0, totalTokens: 150, inputCost: 0.1, outputCost: 0.05,
			totalCost: 0.15, costSource: 'computed', unpricedTokens: 0, parentId: null, subSessionCount: 0,
		};
		// A label that spells the tail's own start: inside the string its quotes are escaped.
		for (const label of ['plain', ',"cwd":null,"git_branch":null}', 'ends with ,"cwd":', '\\",\"cwd\":']) {
			const s = {...base, label};
			const stored = renderSessionRow(s);
			expect(stored).toBe(toJson({...sessionJson(s), ...transcriptJson(s, undefined), parent_in_index: null}));
			for (const info of infos) {
				for (const parentInIndex of [null, true, false]) {
					expect(reclose(stored, s, info, parentInIndex)).toBe(toJson({...sessionJson(s), ...transcriptJson(s, info), parent_in_index: parentInIndex}));
				}
			}
		}
	});
});
