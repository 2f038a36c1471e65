// Sources whose IDs, file paths, warnings and values are full of terminal control sequences: OSC 52 (write
// the clipboard), OSC 0 (set the title), CSI 2J (clear), DCS, an 8-bit CSI and a C1 NEL. All four readers
// get them, in the places that are not "content": session and subagent IDs, directory and file names,
// values quoted back in warnings.
import fs from 'node:fs';
import path from 'node:path';
import {buildTapesDb} from '../../fixtures/tapes-builder.js';

export const HOSTILE_ID = '\u001b]52;c;cHduZWQ=\u0007\u001b]0;pwned\u0007\u001b[2J\u001bP1$r\u001b\\\u009b31m\u0085x';
/** Anything a terminal acts on: C0 controls but newline, DEL and C1 controls. */
export const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

export interface HostileSources {
	claude: string;
	codex: string;
	promptkit: string;
	sqlite: string;
}

const jsonl = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

export function writeHostileSources(dir: string): HostileSources {
	const H = HOSTILE_ID;
	const claude = path.join(dir, 'claude');
	const project = path.join(claude, `-Users-me-app${H}`);
	const sessionId = `c-${H}`;
	fs.mkdirSync(path.join(project, sessionId, 'subagents'), {recursive: true});
	const base = {isSidechain: false, userType: 'external', cwd: `/Users/me/app${H}`, sessionId, version: '2.1.117', gitBranch: `main${H}`};
	fs.writeFileSync(path.join(project, `${sessionId}.jsonl`), jsonl([
		{...base, type: 'user', parentUuid: null, uuid: `u1${H}`, timestamp: '2026-05-12T09:00:00.000Z', message: {role: 'user', content: 'hello'}},
		{...base, type: 'assistant', parentUuid: `u1${H}`, uuid: 'a1', timestamp: '2026-05-12T09:00:05.000Z', requestId: `r${H}`,
			message: {id: `m${H}`, type: 'message', role: 'assistant', model: `claude-sonnet-4-5${H}`, content: [{type: 'text', text: 'hi'}],
				stop_reason: 'end_turn', stop_sequence: null, usage: {input_tokens: 10, output_tokens: 5}}},
		{...base, type: 'user', parentUuid: 'a1', uuid: 'u2', timestamp: `when${H}`, message: {role: 'user', content: 'bad time'}},
	]));
	fs.writeFileSync(path.join(project, sessionId, 'subagents', `agent-${H}.jsonl`), jsonl([
		{...base, isSidechain: true, agentId: `ag${H}`, type: 'user', parentUuid: null, uuid: 's1', timestamp: '2026-05-12T09:00:01.000Z', message: {role: 'user', content: 'sub'}},
		{...base, isSidechain: true, agentId: `ag${H}`, type: 'assistant', parentUuid: 's1', uuid: 's2', timestamp: `t${H}`,
			message: {id: 'm2', type: 'message', role: 'assistant', model: 'claude-haiku-4-5', content: [{type: 'text', text: 'ok'}], usage: {input_tokens: 1, output_tokens: 1}}},
	]));

	const codex = path.join(dir, 'codex');
	const day = path.join(codex, 'sessions', '2026', '06', '18');
	fs.mkdirSync(day, {recursive: true});
	fs.writeFileSync(path.join(day, `rollout-2026-06-18T01-00-00-${H}.jsonl`), jsonl([
		{timestamp: '2026-06-18T01:00:00.000Z', type: 'session_meta', payload: {id: `x-${H}`, timestamp: '2026-06-18T01:00:00.000Z', cwd: `/Users/me/api${H}`, originator: `cli${H}`, cli_version: '0.1', model_provider: `openai${H}`}},
		{timestamp: '2026-06-18T01:00:01.000Z', type: 'turn_context', payload: {turn_id: 't', cwd: '/Users/me/api', model: `gpt-5${H}`}},
		{timestamp: '2026-06-18T01:00:02.000Z', type: 'response_item', payload: {type: 'message', role: 'user', content: [{type: 'input_text', text: 'Add it'}]}},
		{timestamp: `bad${H}`, type: 'response_item', payload: {type: 'message', role: 'assistant', content: [{type: 'output_text', text: 'done'}]}},
		{timestamp: '2026-06-18T01:00:04.000Z', type: `kind${H}`, payload: {}},
	]));

	const promptkit = path.join(dir, 'promptkit');
	fs.mkdirSync(path.join(promptkit, `conv-${H}`), {recursive: true});
	fs.writeFileSync(path.join(promptkit, `conv-${H}`, 'messages.jsonl'), jsonl([
		{role: 'user', content: 'Summarise', timestamp: '2026-07-02T09:00:00Z'},
		{role: `r${H}`, content: 'odd role', timestamp: '2026-07-02T09:00:01Z'},
		{role: 'assistant', content: 'Done.', timestamp: `x${H}`},
		{role: 'assistant', content: 'Done.', timestamp: '2026-07-02T09:00:04Z', model: `m${H}`},
	]));

	const sqlite = path.join(dir, 'tapes.sqlite');
	buildTapesDb(sqlite, [
		{id: 'u1', hash: `h${H}`, text: 'hello', project: `p${H}`, agent: `a${H}`},
		{id: 'a1', parent: 'u1', role: 'assistant', text: 'hi', model: `claude-sonnet-4-5${H}`, provider: `anthropic${H}`, tokens: {in: 100, out: 20}, stop: 'end_turn'},
		{id: 'a2', parent: 'a1', role: `role${H}`, text: 'x', raw: {created_at: `when${H}`}},
	]);
	return {claude, codex, promptkit, sqlite};
}
