// Control sequences in the strings that are not "content" (IDs, file paths, values quoted in warnings, an
// LLM endpoint's error body) reach no report, no stderr line and no JSON output raw: every command, in
// every format, over all four sources at once.
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startFakeLlm, status, type FakeLlmServer} from '../facets/helpers/fake-llm-server.js';
import {CONTROL, HOSTILE_ID, writeHostileSources} from '../helpers/hostile-sources.js';
import {tempDir} from '../helpers/workspace.js';
import {runCli, runCliAsync, type CliRun} from './run-cli.js';

let server: FakeLlmServer;
let dir: string;
let args: string[];
let ids: string[];
let facets: CliRun;
let facetsJson: CliRun;

beforeAll(async () => {
	dir = tempDir();
	const s = writeHostileSources(dir);
	args = ['--sqlite', s.sqlite, '--claude', s.claude, '--codex', s.codex, '--promptkit', s.promptkit, '--index', path.join(dir, 'index.sqlite')];
	server = await startFakeLlm('openai');
	server.script([status(400, {}, `bad request ${HOSTILE_ID}`)]);
	const llm = ['--insights-provider', 'openai', '--insights-key', 'k', '--insights-base-url', `${server.origin}/v1`];
	facets = await runCliAsync(['facets', ...args, ...llm], {HOME: dir, XDG_DATA_HOME: dir});
	facetsJson = await runCliAsync(['facets', ...args, ...llm, '--json'], {HOME: dir, XDG_DATA_HOME: dir});
	const listed = runCli(['sessions', ...args, '--json'], {HOME: dir});
	ids = (JSON.parse(listed.stdout) as {sessions: Array<{id: string}>}).sessions.map((x) => x.id);
});
afterAll(async () => {
	await server?.close();
	fs.rmSync(dir, {recursive: true, force: true});
});

const run = (...extra: string[]): CliRun => runCli([...extra, ...args], {HOME: dir, XDG_DATA_HOME: dir});

describe('control sequences in IDs, paths, warnings and error bodies', {timeout: 60_000}, () => {
	it('every source contributed a session whose ID holds the sequences', () => {
		expect(ids.filter((id) => id.includes(HOSTILE_ID)).length).toBeGreaterThanOrEqual(4);
	});

	const commands = [
		['sessions'], ['sessions', '--csv'], ['analytics'], ['analytics', '--csv'], ['sources'], ['sync'], ['insights'],
		['show', 'no-such-id\u001b]0;title\u0007'],
	];
	it.each(commands.map((c) => [c.join(' '), c] as const))('%s prints no control character', (_name, cmd) => {
		const r = run(...cmd);
		expect(r.stdout).not.toMatch(CONTROL);
		expect(r.stderr).not.toMatch(CONTROL);
	});

	it('show, in every format, for every session', () => {
		for (const id of ids) {
			for (const format of [[], ['--md'], ['--csv']]) {
				const r = run('show', id, ...format);
				expect(r.status, r.stderr).toBe(0);
				expect(r.stdout).not.toMatch(CONTROL);
				expect(r.stderr).not.toMatch(CONTROL);
			}
		}
	});

	it('facets: the endpoint\'s error body reaches stderr inert', () => {
		expect(facets.stderr + facets.stdout).toContain('bad request');
		expect(facets.stdout).not.toMatch(CONTROL);
		expect(facets.stderr).not.toMatch(CONTROL);
	});

	it('--json escapes every control character, C1 included, and keeps the values exact', () => {
		const outputs = [facetsJson, run('sessions', '--json'), run('analytics', '--json'), run('sources', '--json'), run('sync', '--json'),
			run('insights', '--json'), ...ids.map((id) => run('show', id, '--json'))];
		for (const r of outputs) {
			expect(r.stdout.replace(/\n/g, '')).not.toMatch(CONTROL);
			expect(r.stderr).not.toMatch(CONTROL);
			JSON.parse(r.stdout);
		}
		expect(run('sessions', '--json').stdout).toContain('\\u009b31m\\u0085x');
	});
});
