// The reference demo's figures (reference §2.17 and §6 item 26) through the whole pipeline: seed → tapes reader → sync → index.
import path from 'node:path';
import {beforeAll, afterAll, describe, expect, it} from 'vitest';
import {seedDemo} from '../../source/sources/demo/seed.js';
import {DEFAULT_FILTERS, type SessionSummary} from '../../source/core/types.js';
import {costBuckets, durationBuckets, modelPerformance, providerBreakdown} from '../../source/core/analytics.js';
import {formatCost, formatTokens} from '../../source/core/format.js';
import {openAndSync, tempDir} from '../helpers/workspace.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';

const REFERENCE = [
	{label: 'Can you review PR #342? It adds J...', project: 'tapes', model: 'claude-sonnet-4.5', messages: 6, in: 16800, out: 6200, cost: 0.1434, tools: 4, minutes: 6, status: 'completed'},
	{label: 'Memory usage climbs until the wor...', project: 'tapes', model: 'claude-sonnet-4.5', messages: 9, in: 26300, out: 8700, cost: 0.2094, tools: 5, minutes: 9, status: 'completed'},
	{label: 'We need rate limiting across auth...', project: 'acme-api', model: 'gpt-4o', messages: 7, in: 19000, out: 6100, cost: 0.1085, tools: 5, minutes: 6, status: 'completed'},
	{label: /^[0-9a-f]{9}\.\.\.$/, project: 'acme-api', model: 'claude-haiku-4.5', messages: 4, in: 4200, out: 1950, cost: 0.014, tools: 3, minutes: 1.5, status: 'completed'},
	{label: 'Deploy failed in production. Can ...', project: 'infra-ops', model: 'gpt-4o', messages: 3, in: 7800, out: 1700, cost: 0.0365, tools: 1, minutes: 40 / 60, status: 'failed'},
	{label: 'What is the syntax for Go generics?', project: 'tapes', model: 'gpt-4o-mini', messages: 2, in: 2000, out: 1600, cost: 0.00126, tools: 0, minutes: 0.1, status: 'completed'},
	{label: 'Research pricing changes for the ...', project: 'acme-api', model: 'claude-sonnet-4.5', messages: 3, in: 4900, out: 900, cost: 0.0282, tools: 1, minutes: 5, status: 'abandoned'},
] as const;

const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);
let ws: Workspace;
let seven: SessionSummary[];

beforeAll(async () => {
	const dir = tempDir();
	const sqlite = path.join(dir, 'demo.sqlite');
	seedDemo(sqlite, {overwrite: false, now: NOW});
	({ws} = await openAndSync({sqlite, index: path.join(dir, 'index.sqlite')}));
	// The reference's seven are the sessions started 6 to 42 hours before the seed, one every 6 hours.
	seven = ws.queries.list({...DEFAULT_FILTERS, sort: 'date', sortDir: 'desc', fromMs: NOW - 43 * 3_600_000})
		.filter((s) => s.agent === '' && Math.abs(((NOW - s.startMs) / 3_600_000) % 6) < 0.1);
});
afterAll(() => ws.close());

describe('reference demo golden', () => {
	it('finds the seven reference sessions, newest first', () => {
		expect(seven).toHaveLength(7);
	});

	it.each(REFERENCE.map((r, i) => [i, r] as const))('session %i has the reference label, tokens, cost, tools, duration and status', (i, ref) => {
		const s = seven[i]!;
		// The reference cut labels to 36 characters when it stored them; tapedeck stores them whole.
		if (typeof ref.label === 'string' && ref.label.endsWith('...')) expect(s.label.startsWith(ref.label.slice(0, -3)) && s.label.length > 33).toBe(true);
		else if (typeof ref.label === 'string') expect(s.label).toBe(ref.label);
		else expect(s.label).toMatch(ref.label);
		expect(s).toMatchObject({project: ref.project, model: ref.model, messageCount: ref.messages, inputTokens: ref.in, outputTokens: ref.out, toolCalls: ref.tools, status: ref.status});
		expect(s.totalCost).toBeCloseTo(ref.cost, 4);
		expect(s.durationMs).toBe(ref.minutes * 60_000);
	});

	it('totals: $0.54, 81.0K in / 27.1K out, 28m16s, 19 tool calls, 5/1/1 (71%)', () => {
		const cost = seven.reduce((a, s) => a + s.totalCost!, 0);
		expect(cost).toBeCloseTo(0.5412, 4);
		expect(formatCost(cost)).toBe('$0.54');
		expect(formatTokens(seven.reduce((a, s) => a + s.inputTokens, 0))).toBe('81.0K');
		expect(seven.reduce((a, s) => a + s.outputTokens, 0)).toBe(27150);
		expect(seven.reduce((a, s) => a + s.durationMs, 0)).toBe((28 * 60 + 16) * 1000);
		expect(seven.reduce((a, s) => a + s.toolCalls, 0)).toBe(19);
		expect(['completed', 'failed', 'abandoned'].map((st) => seven.filter((s) => s.status === st).length)).toEqual([5, 1, 1]);
	});

	it('duration and cost buckets are [2,1,4,0,0,0] and [1,3,3,0,0,0]', () => {
		expect(durationBuckets(seven.map((s) => s.durationMs)).map((b) => b.count)).toEqual([2, 1, 4, 0, 0, 0]);
		expect(costBuckets(seven.map((s) => s.totalCost)).map((b) => b.count)).toEqual([1, 3, 3, 0, 0, 0]);
	});

	it('tools: Write 5/3, Read 4/4, Edit 4/3, Bash 4/2, Grep 2/2, no errors in the reference seven except the deploy', () => {
		const byTool = new Map<string, {calls: number; sessions: number}>();
		for (const s of seven) {
			for (const t of ws.store.sessions.tools(s.id)) {
				const e = byTool.get(t.tool) ?? {calls: 0, sessions: 0};
				byTool.set(t.tool, {calls: e.calls + t.calls, sessions: e.sessions + 1});
			}
		}
		expect(Object.fromEntries(byTool)).toEqual({
			Write: {calls: 5, sessions: 3}, Read: {calls: 4, sessions: 4}, Edit: {calls: 4, sessions: 3},
			Bash: {calls: 4, sessions: 2}, Grep: {calls: 2, sessions: 2},
		});
	});

	it('providers count sessions, not nodes (fixes reference: anthropic 22 / openai 12 were nodes)', () => {
		expect(providerBreakdown(seven).map((p) => [p.provider, p.sessions])).toEqual([['anthropic', 4], ['openai', 3]]);
	});

	it('model performance: sonnet 3 sessions avg $0.13, 67%; gpt-4o 2 sessions $0.07, 50%', () => {
		const perf = modelPerformance(seven);
		const sonnet = perf.find((m) => m.model === 'claude-sonnet-4.5')!;
		const gpt4o = perf.find((m) => m.model === 'gpt-4o')!;
		expect([sonnet.sessions, formatCost(sonnet.avgCost), Math.round(sonnet.successRate * 100), formatTokens(sonnet.avgTokens)]).toEqual([3, '$0.13', 67, '21.3K']);
		expect([gpt4o.sessions, formatCost(gpt4o.avgCost), Math.round(gpt4o.successRate * 100), formatTokens(gpt4o.avgTokens)]).toEqual([2, '$0.07', 50, '17.3K']);
	});

	it('the bug-hunt session has 9 messages using Read, Grep, Edit and Write', () => {
		const bug = seven[1]!;
		expect(bug.messageCount).toBe(9);
		expect(ws.store.sessions.tools(bug.id).map((t) => t.tool).sort()).toEqual(['Edit', 'Grep', 'Read', 'Write']);
	});
});
