// The Claude Code line parser on its own: streamed copies, tool results, side-question replays,
// synthetic rows, subagent sessions, titles and compaction boundaries.
import {describe, expect, it} from 'vitest';
import {createClaudeParser} from '../../../source/sources/claude-code/parser.js';
import type {FileOutput} from '../../../source/sources/jsonl/file-source.js';

const S = '11111111-2222-4333-8444-555555555555';
const entry = (path = `/p/-Users-me-app/${S}.jsonl`) => ({path, kind: 'lines' as const, group: 0});
const base = {sessionId: S, cwd: '/Users/me/app', gitBranch: 'main', isSidechain: false};

function run(lines: unknown[], path?: string): {out: FileOutput; problems: Array<string | null>} {
	const p = createClaudeParser(entry(path));
	const problems = lines.map((l, i) => p.accept(l, i + 1));
	return {out: p.drain(true), problems};
}

const assistant = (uuid: string, ts: string, id: string, req: string, content: unknown[], usage: object, extra: object = {}) =>
	({...base, ...extra, type: 'assistant', uuid, timestamp: ts, requestId: req, message: {id, model: 'claude-sonnet-4-5-20250929', content, stop_reason: null, usage}});

describe('Claude Code parser', () => {
	it('merges the lines of one streamed response, keeping the final usage (1-hour writes apart)', () => {
		const partial = {input_tokens: 3, output_tokens: 5, cache_creation_input_tokens: 1000, cache_read_input_tokens: 200, cache_creation: {ephemeral_5m_input_tokens: 400, ephemeral_1h_input_tokens: 600}};
		const {out} = run([
			assistant('a1', '2026-05-12T09:00:00Z', 'msg_1', 'req_1', [{type: 'text', text: 'Looking.'}], partial),
			assistant('a2', '2026-05-12T09:00:01Z', 'msg_1', 'req_1', [{type: 'tool_use', id: 'tu1', name: 'Read', input: {file_path: 'a.ts'}}], {...partial, output_tokens: 90}),
		]);
		expect(out.messages).toHaveLength(1);
		const m = out.messages[0]!.message;
		expect(m.id).toBe('msg_1:req_1');
		expect(m.text).toBe('Looking.');
		expect(m.toolCalls).toEqual([{id: 'tu1', name: 'Read', args: {file_path: 'a.ts'}}]);
		expect(m.usage).toEqual({input: 1203, output: 90, cacheWrite: 400, cacheWrite1h: 600, cacheRead: 200, total: 1293});
		expect(m.timestamp).toBe(Date.parse('2026-05-12T09:00:00Z'));
	});

	it('turns tool_result lines into tool messages with error, name and latency', () => {
		const {out} = run([
			assistant('a1', '2026-05-12T09:00:00Z', 'msg_1', 'req_1', [{type: 'tool_use', id: 'tu1', name: 'Bash', input: {command: 'npm test'}}], {input_tokens: 1, output_tokens: 1}),
			{...base, type: 'user', uuid: 'u1', timestamp: '2026-05-12T09:00:04Z', message: {role: 'user', content: [{type: 'tool_result', tool_use_id: 'tu1', content: 'boom', is_error: true}]}, toolUseResult: 'Error: exit 1'},
		]);
		const result = out.messages[1]!.message;
		expect(result.role).toBe('tool');
		expect(result.toolResults).toEqual([{id: 'tu1', name: 'Bash', content: 'boom', error: 'Error: exit 1', isError: true, latencyMs: 4000}]);
	});

	it('drops a side question replaying an earlier response under a new request ID', () => {
		const u = {input_tokens: 10, output_tokens: 20};
		const {out, problems} = run([
			assistant('a1', '2026-05-12T09:00:00Z', 'msg_1', 'req_1', [{type: 'text', text: 'Done.'}], u),
			assistant('a2', '2026-05-12T09:01:00Z', 'msg_1', 'req_btw', [{type: 'text', text: 'Done.'}], u, {isSidechain: true}),
		]);
		expect(problems).toEqual([null, null]);
		expect(out.messages.map((m) => m.message.id)).toEqual(['msg_1:req_1']);
	});

	it('gives <synthetic> rows no model and no usage', () => {
		const {out} = run([{...base, type: 'assistant', uuid: 'a9', timestamp: '2026-05-12T09:00:00Z', message: {id: 'x', model: '<synthetic>', content: [{type: 'text', text: 'No response requested.'}], usage: {input_tokens: 50, output_tokens: 50}}}]);
		expect(out.messages[0]!.message).toMatchObject({model: '', usage: {input: 0, output: 0}, meta: {synthetic: true}});
	});

	it('puts a subagent file in its own session, linked to the parent', () => {
		const {out} = run([{...base, isSidechain: true, agentId: 'abc123', type: 'user', uuid: 's1', timestamp: '2026-05-12T09:00:00Z', message: {role: 'user', content: 'Find the bug'}}],
			`/p/-Users-me-app/${S}/subagents/agent-abc123.jsonl`);
		expect(out.messages[0]!.sessionId).toBe('agent-abc123');
		expect(out.notes).toContainEqual({sessionId: 'agent-abc123', cwd: '/Users/me/app', gitBranch: 'main', parentId: S, agentId: 'abc123'});
	});

	it('collects titles, resolves a summary through its leaf message, and marks compaction', () => {
		const {out} = run([
			{...base, type: 'user', uuid: 'u1', timestamp: '2026-05-12T09:00:00Z', message: {role: 'user', content: 'Fix it'}},
			{...base, type: 'system', subtype: 'compact_boundary', uuid: 'c1', timestamp: '2026-05-12T09:05:00Z', compactMetadata: {trigger: 'manual', preTokens: 1200}},
			{type: 'summary', summary: 'Fixing it', leafUuid: 'u1'},
			{type: 'summary', summary: 'Another session', leafUuid: 'elsewhere'},
			{type: 'ai-title', aiTitle: 'Fix it', sessionId: S},
			{type: 'custom-title', customTitle: 'my fix', sessionId: S},
		]);
		expect(out.messages.map((m) => [m.message.role, m.message.text])).toEqual([['user', 'Fix it'], ['system', '— conversation compacted (manual, 1,200 tokens before) —']]);
		expect(out.notes.filter((n) => n.summaryTitle || n.aiTitle || n.customTitle)).toEqual([
			{sessionId: S, aiTitle: 'Fix it'}, {sessionId: S, customTitle: 'my fix'}, {sessionId: S, summaryTitle: 'Fixing it'},
		]);
		// The sync resolves the other against what other files and syncs read: the session's last message is a leaf to them.
		expect(out.leafTitles).toEqual([{leafUuid: 'elsewhere', title: 'Another session'}]);
		expect(out.leaves).toEqual([{uuid: 'c1', sessionId: S}]);
	});

	it('keeps a summary read before a batch cut in its state, for the rest of the file to resolve', () => {
		const first = createClaudeParser(entry());
		first.accept({type: 'summary', summary: 'Fixing it', leafUuid: 'u9'}, 1);
		first.accept({...base, type: 'user', uuid: 'u1', timestamp: '2026-05-12T09:00:00Z', message: {role: 'user', content: 'Fix it'}}, 2);
		expect(first.drain(false)).toMatchObject({leafTitles: [], leaves: [{uuid: 'u1', sessionId: S}]});
		const resumed = createClaudeParser(entry(), JSON.parse(JSON.stringify(first.state())));
		resumed.accept({...base, type: 'user', uuid: 'u9', timestamp: '2026-05-12T09:01:00Z', message: {role: 'user', content: 'And now?'}}, 3);
		const out = resumed.drain(true);
		expect(out.notes).toContainEqual({sessionId: S, summaryTitle: 'Fixing it'});
		expect(out.leafTitles).toEqual([]);
		expect(resumed.state()).not.toHaveProperty('summaries');
	});

	it('reports lines of the wrong shape, and ignores types it does not read', () => {
		const {problems} = run([
			{type: 'assistant', timestamp: '2026-05-12T09:00:00Z', message: {content: 'x', usage: {input_tokens: 'ten'}}},
			{type: 'user', sessionId: S, timestamp: 'yesterday', message: {content: 'hi'}},
			{type: 'attachment', anything: true},
			[1, 2],
		]);
		expect(problems[0]).toMatch(/^not a Claude Code assistant line \(message\.usage\.input_tokens/);
		expect(problems[1]).toBe('unreadable timestamp "yesterday"');
		expect(problems[2]).toBeNull();
		expect(problems[3]).toBe('not a JSON object');
	});
});
