// What real Claude Code transcripts hold besides text, and what the parser keeps of it: thinking and
// redacted thinking, tool references and images in tool results, blocks of unknown types, declined tool
// calls, subagents started by a Task/Agent call, and worktree subagents (fixtures shaped after real files).
import {describe, expect, it} from 'vitest';
import {createClaudeParser} from '../../../source/sources/claude-code/parser.js';

const S = '11111111-2222-4333-8444-555555555555';
const base = {sessionId: S, cwd: '/Users/me/app', gitBranch: 'main', isSidechain: false};
const usage = {input_tokens: 3, output_tokens: 5};

function run(lines: unknown[], path = `/p/-Users-me-app/${S}.jsonl`) {
	const p = createClaudeParser({path, kind: 'lines', group: 0});
	const problems = lines.map((l, i) => p.accept(l, i + 1));
	return {out: p.drain(true), problems};
}

const assistant = (uuid: string, ts: string, id: string, content: unknown[], extra: object = {}) =>
	({...base, ...extra, type: 'assistant', uuid, timestamp: ts, requestId: `req_${id}`, message: {id, model: 'claude-opus-4-7', content, stop_reason: null, usage}});
const user = (uuid: string, ts: string, content: unknown, extra: object = {}) =>
	({...base, ...extra, type: 'user', uuid, timestamp: ts, message: {role: 'user', content}});

describe('Claude Code content besides text', () => {
	it('keeps thinking, redacted thinking and unknown blocks as parts of the message, merged across streamed lines', () => {
		const {out, problems} = run([
			assistant('a1', '2026-05-12T09:00:00Z', 'msg_1', [{type: 'thinking', thinking: 'The user wants X; check the filter first.', signature: 'sig'}]),
			assistant('a2', '2026-05-12T09:00:01Z', 'msg_1', [{type: 'redacted_thinking', data: 'QUJDREVGRw=='}]),
			assistant('a3', '2026-05-12T09:00:02Z', 'msg_1', [{type: 'server_widget', payload: {a: 1}}, {type: 'text', text: 'Done.'}]),
		]);
		expect(problems.every((p) => p === null)).toBe(true);
		const m = out.messages[0]!.message;
		expect(m.text).toBe('Done.');
		expect(m.parts).toEqual([
			{kind: 'thinking', text: 'The user wants X; check the filter first.'},
			{kind: 'redacted_thinking', text: '', size: 12},
			{kind: 'unknown', text: 'server_widget', size: JSON.stringify({type: 'server_widget', payload: {a: 1}}).length},
		]);
	});

	it('shows tool_reference, image and unknown tool-result content as markers instead of an empty "ok"', () => {
		const {out} = run([
			assistant('a1', '2026-05-12T09:00:00Z', 'msg_1', [{type: 'tool_use', id: 'tu1', name: 'ToolSearch', input: {query: 'notebook'}}]),
			user('u1', '2026-05-12T09:00:02Z', [{type: 'tool_result', tool_use_id: 'tu1', content: [
				{type: 'tool_reference', tool_name: 'NotebookEdit'},
				{type: 'image', source: {type: 'base64', media_type: 'image/png', data: 'A'.repeat(4096)}},
				{type: 'chart', points: [1, 2]},
			]}]),
		]);
		const result = out.messages[1]!.message.toolResults[0]!;
		expect(result.content.split('\n')).toEqual([
			'[tool reference: NotebookEdit]',
			'[image: image/png, 3 KB]',
			`[chart] (${JSON.stringify({type: 'chart', points: [1, 2]}).length} characters)`,
		]);
	});

	it('marks a declined or interrupted tool call as declined, not as a tool error', () => {
		const declined = "The user doesn't want to proceed with this tool use. The tool use was rejected (eg. if it was a file edit, the new_string was NOT written to the file). STOP what you are doing and wait for the user to tell you how to proceed.";
		const {out} = run([
			assistant('a1', '2026-05-12T09:00:00Z', 'msg_1', [{type: 'tool_use', id: 'tu1', name: 'Edit', input: {}}, {type: 'tool_use', id: 'tu2', name: 'Bash', input: {}}]),
			user('u1', '2026-05-12T09:00:02Z', [{type: 'tool_result', tool_use_id: 'tu1', content: declined, is_error: true}]),
			user('u2', '2026-05-12T09:00:03Z', [{type: 'tool_result', tool_use_id: 'tu2', content: '[Request interrupted by user for tool use]', is_error: true}]),
			user('u3', '2026-05-12T09:00:04Z', [{type: 'tool_result', tool_use_id: 'tu3', content: 'exit 1', is_error: true}]),
		]);
		const results = out.messages.slice(1).map((m) => m.message.toolResults[0]!);
		expect(results.map((r) => r.declined ?? false)).toEqual([true, true, false]);
	});

	it('titles a subagent with the description of the Task/Agent call whose result names it', () => {
		const {out} = run([
			assistant('a1', '2026-05-12T09:00:00Z', 'msg_1', [{type: 'tool_use', id: 'tu1', name: 'Agent', input: {description: 'Research plan mode', prompt: 'You are alice…'}}]),
			user('u1', '2026-05-12T09:05:00Z', [{type: 'tool_result', tool_use_id: 'tu1', content: [{type: 'text', text: 'Report'}]}],
				{toolUseResult: {status: 'completed', agentId: 'a4ca7529859c158c2', prompt: 'You are alice…'}}),
		]);
		expect(out.notes).toContainEqual({sessionId: 'agent-a4ca7529859c158c2', taskTitle: 'Research plan mode'});
	});

	it("gives a worktree subagent its parent's project, not the worktree folder", () => {
		const path = `/p/-Users-me-app/${S}/subagents/agent-a4ca7529859c158c2.jsonl`;
		const {out} = run([
			user('u1', '2026-05-12T09:00:00Z', 'You are alice…', {cwd: '/Users/me/app/.claude/worktrees/agent-a4ca7529', isSidechain: true, agentId: 'a4ca7529859c158c2'}),
		], path);
		expect(out.messages[0]!.message.project).toBe('app');
		expect(out.messages[0]!.sessionId).toBe('agent-a4ca7529859c158c2');
	});
});
