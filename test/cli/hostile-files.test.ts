// Files that are not regular files, or too big, wherever tapedeck reads by name: /dev/zero, a FIFO, a symlink
// to /dev/zero among the transcripts, a PromptKit state.json that is a FIFO, a tapes `nodes` that is an
// endless recursive view. Each gets one message naming it; nothing blocks, nothing runs out of memory.
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import Database from 'better-sqlite3';
import {buildTapesDb} from '../../fixtures/tapes-builder.js';
import {tempDir} from '../helpers/workspace.js';
import {runCli} from './run-cli.js';

let dir: string;
let index: string;
const fifo = (p: string) => execFileSync('mkfifo', [p]);

beforeAll(() => {
	dir = tempDir();
	index = path.join(dir, 'index.sqlite');
});
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));

describe('--pricing', () => {
	it('/dev/zero is refused as not a regular file', () => {
		const r = runCli(['sessions', '--demo', '--index', index, '--pricing', '/dev/zero'], {HOME: dir, XDG_DATA_HOME: dir});
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(/pricing file \/dev\/zero: is a character device, not a regular file/);
	});
	it('a FIFO is refused without waiting for a writer', () => {
		const p = path.join(dir, 'pricing.fifo');
		fifo(p);
		const r = runCli(['sessions', '--demo', '--index', index, '--pricing', p], {HOME: dir, XDG_DATA_HOME: dir});
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('is a FIFO (named pipe), not a regular file');
	});
	it('a file past 16 MB is refused with its size', () => {
		const p = path.join(dir, 'big.json');
		fs.writeFileSync(p, `{"m": {"input": 1}, "pad": "${'x'.repeat(17 << 20)}"}`);
		const r = runCli(['sessions', '--demo', '--index', index, '--pricing', p], {HOME: dir, XDG_DATA_HOME: dir});
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(/is 17\.0 MB, more than the 16 MB read/);
	});
});

describe('transcripts that are not regular files', () => {
	it('a symlink to /dev/zero and a FIFO among the Claude transcripts, a FIFO state.json: the sync ends and names each', () => {
		const project = path.join(dir, 'claude', '-Users-me-app');
		fs.mkdirSync(project, {recursive: true});
		fs.writeFileSync(path.join(project, 'good.jsonl'), JSON.stringify({type: 'user', sessionId: 'good', uuid: 'u1', parentUuid: null,
			timestamp: '2026-02-19T07:00:00Z', cwd: '/Users/me/app', message: {role: 'user', content: 'hello'}}) + '\n');
		fs.symlinkSync('/dev/zero', path.join(project, 'zero.jsonl'));
		fifo(path.join(project, 'pipe.jsonl'));
		const pk = path.join(dir, 'promptkit', 'conv-a');
		fs.mkdirSync(pk, {recursive: true});
		fs.writeFileSync(path.join(pk, 'messages.jsonl'), JSON.stringify({role: 'user', content: 'hi', timestamp: '2026-07-02T09:00:00Z'}) + '\n');
		fifo(path.join(pk, 'state.json'));
		const args = ['--claude', path.join(dir, 'claude'), '--promptkit', path.join(dir, 'promptkit'), '--index', path.join(dir, 'files.sqlite')];
		const r = runCli(['sync', ...args], {HOME: dir});
		expect(r.status, r.stderr).toBe(0);
		const sources = runCli(['sources', ...args], {HOME: dir}).stdout;
		expect(sources).toMatch(/zero\.jsonl[\s\S]*is a character device, not a regular file/);
		expect(sources).toMatch(/pipe\.jsonl[\s\S]*is a FIFO \(named pipe\), not a regular file/);
		expect(sources).toMatch(/state\.json[\s\S]*is a FIFO/);
		const listed = JSON.parse(runCli(['sessions', ...args, '--json'], {HOME: dir}).stdout) as {sessions: unknown[]};
		expect(listed.sessions).toHaveLength(2);
	});
});

describe('a tapes nodes that is not a table', () => {
	it('an endless recursive view is refused at open', () => {
		const sqlite = path.join(dir, 'view.sqlite');
		buildTapesDb(sqlite, [{id: 'u1', text: 'hello'}]);
		const db = new Database(sqlite);
		db.exec(`ALTER TABLE nodes RENAME TO real_nodes;
			CREATE VIEW nodes AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r)
			SELECT hash || n AS hash, bucket, type, role, content, model, provider, agent_name, stop_reason, prompt_tokens, completion_tokens,
				total_tokens, cache_creation_input_tokens, cache_read_input_tokens, total_duration_ns, prompt_duration_ns, project, created_at,
				parent_hash FROM real_nodes, r;`);
		db.close();
		const r = runCli(['sessions', '--sqlite', sqlite, '--index', path.join(dir, 'view-index.sqlite')], {HOME: dir});
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('nodes is a view, not a table');
	});
});

describe('--refresh', () => {
	it('above a day is refused (past 2,147,483 s setTimeout fired every millisecond)', () => {
		for (const value of ['2147484', '1e12', '86401']) {
			const r = runCli(['sessions', '--demo', '--index', index, '--refresh', value], {HOME: dir, XDG_DATA_HOME: dir});
			expect(r.status, value).toBe(1);
			expect(r.stderr).toContain(`invalid --refresh "${Number(value)}": expected seconds from 0 to 86400`);
		}
		expect(runCli(['sessions', '--demo', '--index', index, '--refresh', '86400'], {HOME: dir, XDG_DATA_HOME: dir}).status).toBe(0);
	});
});
