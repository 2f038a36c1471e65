// Two (and more) processes on one index: a cron `tapedeck sync` beside an open explorer, reports run while
// a sync writes. None fails with "the index is locked", a report shows what the index holds, and no row is
// lost: after every round the index holds every session exactly once.
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {buildTapesDb, type FixtureNode} from '../../fixtures/tapes-builder.js';
import {tempDir} from '../helpers/workspace.js';
import {CLI, runCli} from './run-cli.js';

const SESSIONS = 60;
const PER = 40;
let dir: string;
let sources: string[];

beforeAll(() => {
	dir = tempDir();
	const nodes: FixtureNode[] = [];
	for (let s = 0; s < SESSIONS; s++) {
		for (let m = 0; m < PER; m++) {
			nodes.push({id: `s${s}m${m}`, ...(m ? {parent: `s${s}m${m - 1}`} : {}), role: m % 2 ? 'assistant' : 'user', text: `session ${s} message ${m} ${'x'.repeat(400)}`,
				at: Date.UTC(2026, 0, 1) + s * 3_600_000 + m * 1000, ...(m % 2 ? {model: 'claude-sonnet-4-5', tokens: {in: 100, out: 10}} : {})});
		}
	}
	const sqlite = path.join(dir, 'tapes.sqlite');
	buildTapesDb(sqlite, nodes);
	const project = path.join(dir, 'claude', '-Users-me-app');
	fs.mkdirSync(project, {recursive: true});
	for (let s = 0; s < 20; s++) fs.writeFileSync(path.join(project, `c${s}.jsonl`), claudeLines(s, 0, 200));
	sources = ['--sqlite', sqlite, '--claude', path.join(dir, 'claude')];
});
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));

function claudeLines(s: number, from: number, count: number): string {
	return Array.from({length: count}, (_, i) => {
		const m = from + i;
		return JSON.stringify({type: m % 2 ? 'assistant' : 'user', sessionId: `c${s}`, uuid: `c${s}u${m}`,
			parentUuid: m ? `c${s}u${m - 1}` : null, timestamp: new Date(Date.UTC(2026, 1, 1) + s * 3_600_000 + m * 1000).toISOString(), cwd: '/Users/me/app',
			message: m % 2 ? {id: `c${s}m${m}`, type: 'message', role: 'assistant', model: 'claude-sonnet-4-5', content: [{type: 'text', text: 'ok'}], usage: {input_tokens: 5, output_tokens: 1}}
				: {role: 'user', content: `prompt ${m}`}});
	}).join('\n') + '\n';
}

function start(args: string[]): Promise<{code: number | null; stderr: string; stdout: string}> {
	const child = spawn(process.execPath, [CLI, ...args], {env: {PATH: process.env['PATH'] ?? '', HOME: dir, TZ: 'UTC'}, stdio: ['ignore', 'pipe', 'pipe']});
	let stderr = '';
	let stdout = '';
	child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
	child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
	return new Promise((resolve) => child.on('close', (code) => resolve({code, stderr, stdout})));
}

describe('several processes on one index', () => {
	it('syncs and reports side by side never fail and lose no row, while the transcripts grow', {timeout: 240_000}, async () => {
		const failures: string[] = [];
		const index = path.join(dir, 'index.sqlite');
		const args = [...sources, '--index', index];
		let claudeMessages = 20 * 200;
		for (let round = 0; round < 6; round++) {
			const runs = await Promise.all([start(['sync', ...args]), start(['sync', ...args]), start(['sync', ...args]),
				start(['sessions', '--json', ...args]), start(['analytics', '--json', ...args])]);
			runs.forEach((r, i) => {
				if (r.code !== 0 || /locked/.test(r.stderr)) failures.push(`round ${round} process ${i}: ${r.code} ${r.stderr.trim()}`);
			});
			const listed = JSON.parse(runCli(['sessions', '--json', ...args], {HOME: dir}).stdout) as {sessions: Array<{id: string; message_count: number}>};
			expect(listed.sessions).toHaveLength(SESSIONS + 20);
			expect(listed.sessions.reduce((a, s) => a + s.message_count, 0)).toBe(SESSIONS * PER + claudeMessages);
			// Every transcript grows before the next round, so every sync of it has something to write.
			for (let s = 0; s < 20; s++) fs.appendFileSync(path.join(dir, 'claude', '-Users-me-app', `c${s}.jsonl`), claudeLines(s, 200 + round * 100, 100));
			claudeMessages += 20 * 100;
		}
		expect(failures).toEqual([]);
	});

	it('a report whose sync cannot get the lock shows the committed state and says so', {timeout: 120_000}, async () => {
		const index = path.join(dir, 'held.sqlite');
		const args = [...sources, '--index', index];
		expect(runCli(['sync', ...args], {HOME: dir}).status).toBe(0);
		const total = (stdout: string) => (JSON.parse(stdout) as {sessions: Array<{message_count: number}>}).sessions.reduce((a, x) => a + x.message_count, 0);
		const before = total(runCli(['sessions', '--json', ...args], {HOME: dir}).stdout);
		fs.appendFileSync(path.join(dir, 'claude', '-Users-me-app', 'c0.jsonl'), claudeLines(0, 100_000, 2));
		// Another process holds the write lock for longer than every retry waits.
		const holder = spawn(process.execPath, ['-e', `const db = new (require('better-sqlite3'))(${JSON.stringify(index)});
			db.exec('BEGIN IMMEDIATE'); console.log('held'); setTimeout(() => {}, 60000);`], {cwd: path.resolve(import.meta.dirname, '..', '..'), stdio: ['ignore', 'pipe', 'inherit']});
		await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
		try {
			const r = await start(['sessions', '--json', ...args]);
			expect(r.code, r.stderr).toBe(0);
			expect(r.stderr).toContain('another process is writing the index; this report shows what it held before');
			expect(total(r.stdout)).toBe(before);
		} finally {
			holder.kill();
		}
		expect(total(runCli(['sessions', '--json', ...args], {HOME: dir}).stdout)).toBe(before + 2);
	});
});
