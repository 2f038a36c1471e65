// Claude Code transcripts into the index, against the fixture tree (fixtures/claude-code): golden totals,
// streamed duplicates, a 1-hour cache write, a subagent rolled into its parent, a resumed transcript
// repeating a response, idempotent re-imports, appended lines, and malformed lines.
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import {sessionsJsonChunks} from '../../source/report/sessions-report.js';
import {DEFAULT_FILTERS} from '../../source/core/types.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';
import {copyFixture, dumpIndex, syncTranscripts} from '../helpers/transcripts.js';

const S1 = '8f2c1a9e-4b7d-4c1e-9a53-0d6f2e7b9c11';
const S2 = '2d7e5b10-0c3a-4f55-8e21-6a9b3c4d5e6f';
const SUB = 'agent-a1b2c3d4';
// Sonnet 4.5: input 3, 5-minute write 3.75, 1-hour write 6, read 0.3, output 15 (USD per 1M tokens).
const MSG1 = (3 * 3 + 3117 * 6 + 14723 * 0.3 + 87 * 15) / 1e6; // final snapshot of a 3-line response; 1-hour writes
const MSG2 = (10 * 3 + 500 * 3.75 + 17840 * 0.3 + 120 * 15) / 1e6;
const MSG3 = (4 * 3 + 20000 * 0.3 + 60 * 15) / 1e6; // its final usage comes from the resumed transcript
const S1_COST = MSG1 + MSG2 + MSG3;
// Haiku 4.5: input 1, 5-minute write 1.25, read 0.1, output 5.
const SUB_COST = (5 * 1 + 2000 * 1.25 + 40 * 5) / 1e6 + (8 * 1 + 2000 * 0.1 + 30 * 5) / 1e6;
const S2_COST = (6 * 3 + 300 * 3.75 + 21000 * 0.3 + 25 * 15) / 1e6;

const opened: Workspace[] = [];
afterEach(() => {
	while (opened.length) opened.pop()!.close();
});

async function fixture() {
	const root = copyFixture('claude-code');
	const run = await syncTranscripts({claude: [root]});
	opened.push(run.ws);
	const project = path.join(root, 'projects', '-Users-me-app');
	return {...run, root, project, s1File: path.join(project, `${S1}.jsonl`)};
}

describe('Claude Code sync', () => {
	it('gives the golden totals: streamed duplicates once, 1-hour writes at 2x, replays and synthetic rows free', async () => {
		const {byId, ws} = await fixture();
		const s1 = byId(S1);
		expect(s1.totalCost).toBeCloseTo(S1_COST, 12);
		expect(s1).toMatchObject({
			label: 'auth-401-fix', project: 'app', agent: 'claude-code', source: 'claude-code', model: 'claude-sonnet-4.5',
			messageCount: 9, toolCalls: 2, toolErrors: 1, status: 'failed', costSource: 'computed',
			inputTokens: 3 + 3117 + 14723 + 10 + 500 + 17840 + 4 + 20000, outputTokens: 87 + 120 + 60, cacheReadTokens: 14723 + 17840 + 20000,
			cacheWriteTokens: 3117 + 500, subSessionCount: 1, parentId: null,
		});
		expect(ws.store.sessions.modelUsage(S1)).toEqual([expect.objectContaining({model: 'claude-sonnet-4.5', cacheWrite: 500, cacheWrite1h: 3117, cacheRead: 52563, output: 267})]);
		expect(byId(S2)).toMatchObject({label: 'Run the whole suite', messageCount: 2, status: 'completed'});
		expect(byId(S2).totalCost).toBeCloseTo(S2_COST, 12);
	});

	it('links the subagent: its own spend on its row, and the parent\'s "incl. subagents" fields add it', async () => {
		const {ws, byId} = await fixture();
		expect(byId(SUB)).toMatchObject({parentId: S1, label: 'Find the 401 cause', model: 'claude-haiku-4.5', messageCount: 4, inputTokens: 4013, outputTokens: 70});
		expect(byId(SUB).totalCost).toBeCloseTo(SUB_COST, 12);
		const report = JSON.parse([...sessionsJsonChunks({queries: ws.queries, pricing: ws.pricing, filters: DEFAULT_FILTERS, now: Date.now(), timeZone: 'UTC', warnings: [], sessionInfo: ws.sessionInfo})].join(''));
		const row = (id: string) => report.sessions.find((s: {id: string}) => s.id === id);
		expect(row(S1)).toMatchObject({subagent_sessions: 1, subagent_input_tokens: 4013, subagent_output_tokens: 70, subagent_total_tokens: 4083,
			total_tokens_incl_subagents: 56464 + 4083, cwd: '/Users/me/app', git_branch: 'fix/auth-401'});
		expect(row(S1).total_cost).toBeCloseTo(S1_COST, 12);
		expect(row(S1).subagent_total_cost).toBeCloseTo(SUB_COST, 12);
		expect(row(S1).total_cost_incl_subagents).toBeCloseTo(S1_COST + SUB_COST, 12);
		expect(row(SUB)).toMatchObject({parent_id: S1, subagent_sessions: 0, subagent_total_cost: null});
		// Rows carry their own spend, so their sum is the report's total: nothing is counted twice.
		const sum = report.sessions.reduce((a: number, s: {total_cost: number}) => a + s.total_cost, 0);
		expect(report.total_cost).toBeCloseTo(sum, 12);
		expect(report.total_cost).toBeCloseTo(S1_COST + SUB_COST + S2_COST, 12);
	});

	it('shows tool calls, tool results and the compaction boundary in the timeline', async () => {
		const {ws} = await fixture();
		const bodies = ws.store.messages.bodiesForSession(S1).map((b) => JSON.parse(b.body ?? '{}') as {t?: string; r?: Array<{isError: boolean; name: string}>; c?: Array<{name: string}>});
		expect(bodies.flatMap((b) => b.c ?? []).map((c) => c.name)).toEqual(['Bash', 'Task']);
		expect(bodies.flatMap((b) => b.r ?? []).map((r) => [r.name, r.isError])).toEqual([['Bash', true], ['Task', false]]);
		expect(bodies.map((b) => b.t ?? '')).toContain('— conversation compacted (auto, 155,000 tokens before) —');
	});

	it('warns about each malformed line with its file and line number, and goes on', async () => {
		const {synced, s1File, ws} = await fixture();
		const warnings = synced.summaries[0]!.warnings;
		expect(warnings).toEqual([
			{where: `${s1File}:15`, message: 'not valid JSON', count: 1},
			{where: `${s1File}:16`, message: expect.stringMatching(/^not a Claude Code assistant line \(message\.usage\.input_tokens/), count: 1},
		]);
		// A later sync with nothing new still lists them for the source.
		await syncWorkspace(ws);
		expect(ws.store.sources.list().find((s) => s.kind === 'claude-code')!.warnings).toHaveLength(2);
	});

	it('importing the same tree again adds nothing, even when files are touched or replaced by copies', async () => {
		const {ws, s1File, project} = await fixture();
		const before = dumpIndex(ws);
		expect((await syncWorkspace(ws)).summaries[0]!.newMessages).toBe(0);
		const later = new Date('2026-06-01T00:00:00Z');
		for (const f of fs.readdirSync(project, {recursive: true, encoding: 'utf8'})) fs.utimesSync(path.join(project, f), later, later);
		fs.copyFileSync(s1File, `${s1File}.tmp`);
		fs.renameSync(`${s1File}.tmp`, s1File);
		expect((await syncWorkspace(ws)).summaries[0]!.newMessages).toBe(0);
		expect(dumpIndex(ws)).toEqual(before);
	});

	it('appending lines adds exactly them, and a response finished in a later sync keeps one usage', async () => {
		const {ws, byId, s1File} = await fixture();
		const line = (o: object) => JSON.stringify({sessionId: S1, cwd: '/Users/me/app', isSidechain: false, ...o});
		const usage = (out: number) => ({input_tokens: 7, cache_creation_input_tokens: 0, cache_read_input_tokens: 1000, output_tokens: out});
		const answer = (uuid: string, out: number, content: object, stop: string | null) => line({type: 'assistant', uuid, timestamp: '2026-05-12T09:20:05Z', requestId: 'req_05',
			message: {id: 'msg_05', model: 'claude-sonnet-4-5-20250929', content: [content], stop_reason: stop, usage: usage(out)}});
		fs.appendFileSync(s1File, [
			line({type: 'user', uuid: 'n1', timestamp: '2026-05-12T09:20:00Z', message: {role: 'user', content: 'Also add a regression test'}}),
			line({type: 'progress', uuid: 'p9', timestamp: '2026-05-12T09:20:01Z', data: {}}),
			answer('n2', 3, {type: 'thinking', thinking: 'ok'}, null),
			answer('n3', 3, {type: 'text', text: 'Adding it.'}, null),
		].join('\n') + '\n');
		const before = byId(S1);
		const synced = await syncWorkspace(ws);
		expect(synced.summaries[0]!.newMessages).toBe(2);
		expect(synced.summaries[0]!.warnings).toEqual([]);
		expect(byId(S1).messageCount).toBe(before.messageCount + 2);
		expect(byId(S1).totalCost! - before.totalCost!).toBeCloseTo((7 * 3 + 1000 * 0.3 + 3 * 15) / 1e6, 12);
		// The response's last line arrives later, half-written first: nothing until the newline is there.
		const last = answer('n4', 42, {type: 'tool_use', id: 'tu9', name: 'Write', input: {file_path: 't.ts'}}, 'tool_use');
		fs.appendFileSync(s1File, last.slice(0, 40));
		expect((await syncWorkspace(ws)).summaries[0]!.newMessages).toBe(0);
		expect(byId(S1).outputTokens).toBe(before.outputTokens + 3);
		fs.appendFileSync(s1File, last.slice(40) + '\n');
		expect((await syncWorkspace(ws)).summaries[0]!.newMessages).toBe(0);
		expect(byId(S1)).toMatchObject({messageCount: before.messageCount + 2, outputTokens: before.outputTokens + 42, toolCalls: before.toolCalls + 1});
		expect(byId(S1).totalCost! - before.totalCost!).toBeCloseTo((7 * 3 + 1000 * 0.3 + 42 * 15) / 1e6, 12);
	});

	it('reads a shrunk file again from the start without counting anything twice', async () => {
		const {ws, project} = await fixture();
		const sub = path.join(project, S1, 'subagents', `${SUB}.jsonl`);
		const before = dumpIndex(ws);
		const lines = fs.readFileSync(sub, 'utf8').split('\n');
		fs.writeFileSync(sub, lines.slice(0, 2).join('\n') + '\n');
		await syncWorkspace(ws);
		// Transcript history is kept when Claude Code rewrites or deletes a file (it deletes after 30 days).
		expect(dumpIndex(ws).messages).toEqual(before.messages);
	});
});
