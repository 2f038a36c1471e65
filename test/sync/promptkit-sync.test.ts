// A PromptKit file state store into the index, against fixtures/promptkit: the recorded cost is the
// session's cost, a failed tool call and a validation, titles from state.json, appends and rewrites.
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import {loadSessionDetail} from '../../source/workspace/session-detail.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';
import {copyFixture, dumpIndex, syncTranscripts} from '../helpers/transcripts.js';

const opened: Workspace[] = [];
afterEach(() => {
	while (opened.length) opened.pop()!.close();
});

async function fixture() {
	const root = copyFixture('promptkit');
	const run = await syncTranscripts({promptkit: [root]});
	opened.push(run.ws);
	return {...run, root, support: path.join(root, 'conv-support-42')};
}

describe('PromptKit sync', () => {
	it('shows the recorded cost as the session cost (not what the price table would say)', async () => {
		const {byId} = await fixture();
		const s = byId('support-42');
		expect(s).toMatchObject({label: 'Order 1234 missing', agent: 'promptkit', source: 'promptkit', model: 'gpt-4o', costSource: 'recorded',
			inputTokens: 930, outputTokens: 57, cacheReadTokens: 400, messageCount: 5, toolCalls: 1, toolErrors: 1, status: 'failed'});
		// gpt-4o's table price would give 0.0014 + 0.000995; PromptKit recorded 0.0021 + 0.0015.
		expect(s.totalCost).toBeCloseTo(0.0036, 12);
		expect(byId('notes-1')).toMatchObject({label: "Summarise yesterday's tickets.", costSource: 'none', messageCount: 2});
	});

	it('keeps tool calls with arguments, the failed result with error and latency, and validations', async () => {
		const {ws} = await fixture();
		const detail = loadSessionDetail(ws, 'support-42');
		if (!detail.ok) throw new Error(detail.error);
		const [, , call, result, answer] = detail.value.messages;
		expect(call!.toolCalls).toEqual([{id: 'call_a', name: 'lookup_order', args: {order_id: '1234'}}]);
		expect(call!.latencyMs).toBe(850);
		expect(call!.cost?.total).toBeCloseTo(0.0021, 12);
		expect(result!.toolResults).toEqual([{id: 'call_a', name: 'lookup_order', content: '', error: 'order service timeout after 5000ms', isError: true, latencyMs: 5000}]);
		expect(answer!.validations.map((v) => [v.validator, v.passed])).toEqual([['*validators.BannedWordsValidator', true], ['*validators.LengthValidator', false]]);
	});

	it('warns about the malformed line and goes on', async () => {
		const {synced, root} = await fixture();
		expect(synced.summaries[0]!.warnings).toEqual([{where: `${path.join(root, 'conv-notes-1', 'messages.jsonl')}:2`, message: expect.stringMatching(/^not a PromptKit message \(role:/), count: 1}]);
	});

	it('adds appended messages, follows a new title, and reads a rewritten log afresh', async () => {
		const {ws, support, byId} = await fixture();
		const before = dumpIndex(ws);
		expect((await syncWorkspace(ws)).summaries[0]!.newMessages).toBe(0);
		expect(dumpIndex(ws)).toEqual(before);
		const log = path.join(support, 'messages.jsonl');
		fs.appendFileSync(log, JSON.stringify({role: 'user', content: 'Thanks', timestamp: '2026-07-01T12:01:00Z'}) + '\n');
		expect((await syncWorkspace(ws)).summaries[0]!.newMessages).toBe(1);
		expect(byId('support-42').messageCount).toBe(6);
		// PromptKit writes state.json atomically (a new file) on every save.
		fs.writeFileSync(path.join(support, 'state.json.tmp'), JSON.stringify({id: 'support-42', metadata: {title: 'Order 1234: ticket T-88'}}));
		fs.renameSync(path.join(support, 'state.json.tmp'), path.join(support, 'state.json'));
		await syncWorkspace(ws);
		expect(byId('support-42')).toMatchObject({label: 'Order 1234: ticket T-88', messageCount: 6});
		// A shorter history is written to a new file and renamed over the log.
		const first = fs.readFileSync(log, 'utf8').split('\n').slice(0, 2).join('\n') + '\n';
		fs.writeFileSync(`${log}.tmp`, first);
		fs.renameSync(`${log}.tmp`, log);
		await syncWorkspace(ws);
		expect(byId('support-42')).toMatchObject({messageCount: 2, costSource: 'none', toolCalls: 0});
	});
});
