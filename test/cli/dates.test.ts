// Dates outside the usual years: Go's zero time (0001-01-01, which tapes can store) in a source, and the
// extremes as flags. Reports and the explorer's queries keep working; the odd timestamps are a counted warning.
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {buildTapesDb} from '../../fixtures/tapes-builder.js';
import {tempDir} from '../helpers/workspace.js';
import {runCli} from './run-cli.js';

let dir: string;
let args: string[];

beforeAll(() => {
	dir = tempDir();
	const sqlite = path.join(dir, 'tapes.sqlite');
	buildTapesDb(sqlite, [
		{id: 'u1', text: 'zero time', at: '0001-01-01 00:00:00+00:00'},
		{id: 'a1', parent: 'u1', role: 'assistant', text: 'ok', tokens: {in: 10, out: 2}, at: '0001-01-01 00:00:01+00:00'},
		{id: 'u2', text: 'far future', at: '9999-12-31 23:59:59+00:00'},
		{id: 'u3', text: 'a normal day', at: '2026-02-19 06:00:00+00:00'},
	]);
	const claude = path.join(dir, 'claude', '-Users-me-app');
	fs.mkdirSync(claude, {recursive: true});
	const line = (uuid: string, timestamp: string) => JSON.stringify({type: 'user', sessionId: 's1', uuid, parentUuid: null, timestamp, cwd: '/Users/me/app', message: {role: 'user', content: 'hi'}});
	fs.writeFileSync(path.join(claude, 's1.jsonl'), [line('v1', '0001-01-01T00:00:00Z'), line('v2', '2026-02-19T07:00:00Z')].join('\n') + '\n');
	args = ['--sqlite', sqlite, '--claude', path.join(dir, 'claude'), '--index', path.join(dir, 'index.sqlite')];
});
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));

describe('dates outside years 100–9999', () => {
	it('analytics and sessions run; the implausible timestamps are a counted warning', () => {
		const a = runCli(['analytics', ...args]);
		expect(a.status, a.stderr).toBe(0);
		const s = runCli(['sync', ...args, '--json']);
		expect(s.status, s.stderr).toBe(0);
		const text = runCli(['sources', ...args]).stdout;
		expect(text).toMatch(/implausible/);
		const sessions = JSON.parse(runCli(['sessions', ...args, '--json']).stdout) as {sessions: Array<{label: string}>};
		expect(sessions.sessions.map((x) => x.label).sort()).toEqual(['a normal day', 'far future', 'hi']);
	});

	it('--from 0001-01-01 and --to 9999-12-31 are valid bounds', () => {
		for (const flags of [['--from', '0001-01-01'], ['--to', '9999-12-31'], ['--from', '0001-01-01', '--to', '9999-12-31']]) {
			for (const cmd of ['analytics', 'sessions']) {
				const r = runCli([cmd, ...args, ...flags]);
				expect(r.status, `${cmd} ${flags.join(' ')}: ${r.stderr}`).toBe(0);
			}
		}
	});
});
