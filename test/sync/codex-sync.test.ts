// Codex rollouts into the index, against fixtures/codex: a two-turn session with two models, golden
// totals (cached input counted once, at the cache-read rate), the archived copy read once, appended
// turns, and a replaced rollout.
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';
import {copyFixture, dumpIndex, syncTranscripts} from '../helpers/transcripts.js';

const ID = '019dec85-b760-71f2-bca7-b1c463f0d36e';
// gpt-5.2-codex: input 1.75, cached 0.175, output 14; gpt-5.1-codex: 1.25, 0.125, 10 (USD per 1M tokens).
const TURN1 = ((1000 - 250) * 1.75 + 250 * 0.175 + 125 * 14 + (1500 - 1000) * 1.75 + 1000 * 0.175 + 80 * 14) / 1e6;
// Turn 2: one response from last_token_usage, one from the difference of cumulative totals.
const TURN2 = ((2000 - 1800) * 1.25 + 1800 * 0.125 + 60 * 10 + (800 - 600) * 1.25 + 600 * 0.125 + 40 * 10) / 1e6;

const opened: Workspace[] = [];
afterEach(() => {
	while (opened.length) opened.pop()!.close();
});

async function fixture() {
	const root = copyFixture('codex');
	const run = await syncTranscripts({codex: [root]});
	opened.push(run.ws);
	return {...run, root, file: path.join(root, 'sessions', '2026', '06', '18', `rollout-2026-06-18T01-00-00-${ID}.jsonl`)};
}

const tokenCount = (ts: string, total: number[], last: number[]) => JSON.stringify({timestamp: ts, type: 'event_msg', payload: {type: 'token_count', info: {
	total_token_usage: {input_tokens: total[0], cached_input_tokens: total[1], output_tokens: total[2], total_tokens: total[0]! + total[2]!},
	last_token_usage: {input_tokens: last[0], cached_input_tokens: last[1], output_tokens: last[2], total_tokens: last[0]! + last[2]!}}}});

describe('Codex sync', () => {
	it('gives the golden totals of a two-turn session', async () => {
		const {sessions, ws} = await fixture();
		expect(sessions()).toHaveLength(1);
		const s = sessions()[0]!;
		expect(s).toMatchObject({
			id: ID, source: 'codex', agent: 'codex', project: 'api', label: 'Add rate limiting', model: 'gpt-5.2-codex',
			models: ['gpt-5.2-codex', 'gpt-5.1-codex'], inputTokens: 5300, outputTokens: 305, cacheReadTokens: 3650, cacheWriteTokens: 0,
			// The failed test run is run again and passes: the error is recovered, so the session completes.
			messageCount: 9, toolCalls: 2, toolErrors: 1, status: 'completed', provider: 'openai',
		});
		expect(ws.store.sessions.notes(ID)?.statusReason).toBe('the last answer ended with "end_turn"; 1 tool error, all recovered');
		expect(s.totalCost).toBeCloseTo(TURN1 + TURN2, 12);
		expect(ws.sessionInfo([ID]).get(ID)).toMatchObject({cwd: '/Users/me/api', gitBranch: 'feature/rate-limit'});
	});

	it('reads a rollout present in sessions/ and archived_sessions/ once', async () => {
		const {ws} = await fixture();
		expect(ws.store.db.prepare(`SELECT DISTINCT file FROM cursors`).pluck().all()).toEqual([expect.stringContaining(`${path.sep}sessions${path.sep}`)]);
	});

	it('a second import adds nothing; an appended turn adds exactly its messages and usage', async () => {
		const {ws, file, sessions} = await fixture();
		const before = dumpIndex(ws);
		expect((await syncWorkspace(ws)).summaries[0]!.newMessages).toBe(0);
		expect(dumpIndex(ws)).toEqual(before);
		const cost = sessions()[0]!.totalCost!;
		fs.appendFileSync(file, [
			JSON.stringify({timestamp: '2026-06-18T01:01:00.000Z', type: 'response_item', payload: {type: 'message', role: 'user', content: [{type: 'input_text', text: 'Commit it'}]}}),
			JSON.stringify({timestamp: '2026-06-18T01:01:01.000Z', type: 'event_msg', payload: {type: 'agent_message', message: 'Committing'}}),
			JSON.stringify({timestamp: '2026-06-18T01:01:02.000Z', type: 'response_item', payload: {type: 'message', role: 'assistant', content: [{type: 'output_text', text: 'Committed.'}]}}),
			tokenCount('2026-06-18T01:01:03.000Z', [6300, 4650, 325], [1000, 1000, 20]),
		].join('\n') + '\n');
		const synced = await syncWorkspace(ws);
		expect(synced.summaries[0]!.newMessages).toBe(2);
		expect(sessions()[0]!).toMatchObject({messageCount: 11, inputTokens: 6300, outputTokens: 325});
		expect(sessions()[0]!.totalCost! - cost).toBeCloseTo((1000 * 0.125 + 20 * 10) / 1e6, 12);
	});

	it('a rollout replaced by a shorter one is read again, and its session holds only the new lines', async () => {
		const {ws, file, sessions} = await fixture();
		const lines = fs.readFileSync(file, 'utf8').split('\n');
		fs.rmSync(file);
		fs.writeFileSync(file, lines.slice(0, 8).join('\n') + '\n');
		await syncWorkspace(ws);
		expect(sessions()[0]!).toMatchObject({messageCount: 3, inputTokens: 1000, outputTokens: 125, toolCalls: 1});
	});
});
