// Text from a source or an LLM full of terminal control sequences: every human-readable report prints it
// inert (no ESC, BEL, C1 or other control byte reaches the terminal), and --json carries it exactly, escaped
// as JSON escapes control characters.
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {buildTapesDb} from '../../fixtures/tapes-builder.js';
import {VALID_ANSWER} from '../facets/helpers/session-fixture.js';
import {answer, startFakeLlm, type FakeLlmServer} from '../facets/helpers/fake-llm-server.js';
import {tempDir} from '../helpers/workspace.js';
import {runCli, runCliAsync, type CliRun} from './run-cli.js';

// CSI colour, OSC window title, OSC 8 hyperlink, DCS, APC, an 8-bit CSI, BEL, a bare ESC, a full reset.
const HOSTILE = 'Fix \u001b[31mred\u001b[0m \u001b]0;pwned\u0007 \u001b]8;;http://evil.example\u001b\\link\u001b]8;;\u001b\\ '
	+ '\u001bP1$r\u001b\\ \u001b_apc\u001b\\ \u009b2J \u0007bell \u001bc 漢字😀';
// Anything a terminal acts on: C0 controls but newline, DEL and C1 controls.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

let server: FakeLlmServer;
let dir: string;
let args: string[];
let id: string;

beforeAll(async () => {
	dir = tempDir();
	const sqlite = path.join(dir, 'tapes.sqlite');
	buildTapesDb(sqlite, [
		{id: 'u1', text: HOSTILE, project: `web${HOSTILE}`, agent: `agent\u001b[2J`},
		{id: 'a1', parent: 'u1', role: 'assistant', text: `answer ${HOSTILE}`, model: `claude-sonnet-4-5\u001b]0;x\u0007`,
			blocks: [{type: 'tool_use', tool_use_id: 't1', tool_name: `Bash\u001b[1m`, tool_input: {command: HOSTILE}}],
			tokens: {in: 100, out: 20}, stop: 'tool_use'},
		{id: 'r1', parent: 'a1', blocks: [{type: 'tool_result', tool_result_id: 't1', tool_output: HOSTILE, is_error: true}]},
		{id: 'a2', parent: 'r1', role: 'assistant', text: 'done', tokens: {in: 120, out: 5}, stop: 'end_turn'},
	]);
	args = ['--sqlite', sqlite, '--index', path.join(dir, 'index.sqlite')];
	server = await startFakeLlm('openai');
	// The model answers with control sequences in every free-text field.
	server.script([answer(JSON.stringify({...VALID_ANSWER, underlying_goal: `Goal ${HOSTILE}`, brief_summary: `Summary ${HOSTILE}`}))]);
	const facets = await runCliAsync(['facets', ...args, '--insights-provider', 'openai', '--insights-key', 'k',
		'--insights-base-url', `${server.origin}/v1`], {HOME: dir, XDG_DATA_HOME: dir});
	expect(facets.status, facets.stderr).toBe(0);
	id = (JSON.parse(runCli(['sessions', ...args, '--json'], {HOME: dir}).stdout) as {sessions: Array<{id: string}>}).sessions[0]!.id;
});
afterAll(async () => {
	await server?.close();
	fs.rmSync(dir, {recursive: true, force: true});
});

const run = (...extra: string[]): CliRun => runCli([...extra, ...args], {HOME: dir, XDG_DATA_HOME: dir});

describe('escape sequences in reports', () => {
	const commands = [
		['sessions'], ['sessions', '--csv'], ['show', '<id>'], ['show', '<id>', '--md'], ['show', '<id>', '--csv'],
		['analytics'], ['analytics', '--csv'], ['sources'], ['sync'], ['insights'],
	];
	it.each(commands.map((c) => [c.join(' '), c] as const))('%s prints no control character, and keeps the visible text', (_name, cmd) => {
		const r = run(...cmd.map((c) => (c === '<id>' ? id : c)));
		expect(r.status, r.stderr).toBe(0);
		expect(r.stdout).not.toMatch(CONTROL);
		expect(r.stderr).not.toMatch(CONTROL);
		if (cmd[0] === 'sessions' || cmd[0] === 'show') expect(r.stdout).toContain('Fix red');
		if (cmd[0] === 'show') expect(r.stdout).toContain('漢字😀');
		if (cmd[0] === 'insights') expect(r.stdout).toContain('Summary Fix red');
	});

	it('--json carries the text exactly, with control characters as JSON escapes', () => {
		for (const cmd of [['sessions', '--json'], ['show', id, '--json'], ['insights', '--json']]) {
			const r = run(...cmd);
			expect(r.status, r.stderr).toBe(0);
			expect(r.stdout).not.toMatch(/[\u001b\u0007\u009b]/);
			expect(r.stdout).toContain('\\u001b[31m');
		}
		const shown = JSON.parse(run('show', id, '--json').stdout) as unknown;
		expect(JSON.stringify(shown)).toContain(JSON.stringify(HOSTILE).slice(1, -1));
	});
});
