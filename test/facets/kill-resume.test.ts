// A real process: the built CLI extracts against a slow local server, is killed with SIGKILL mid-run,
// and is started again. The rest gets done, nothing finished is asked for again, and every session
// ends with exactly one facet.
import {spawn, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {answer, startFakeLlm, type FakeLlmServer} from './helpers/fake-llm-server.js';
import {VALID_JSON} from './helpers/session-fixture.js';

const CLI = path.resolve(import.meta.dirname, '..', '..', 'dist', 'cli.js');
let dir: string;
let server: FakeLlmServer;

function cli(args: string[]): ChildProcess {
	return spawn(process.execPath, [CLI, ...args], {
		env: {PATH: process.env['PATH'] ?? '', HOME: dir, XDG_DATA_HOME: dir, TZ: 'UTC'},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
}

function finish(child: ChildProcess): Promise<{code: number | null; stdout: string; stderr: string}> {
	let stdout = '';
	let stderr = '';
	child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
	child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
	return new Promise((resolve) => child.on('close', (code) => resolve({code, stdout, stderr})));
}

/** The session a request was for, from the transcript's header line. */
const sessionLine = (body: Record<string, unknown>) => /Session: ([^·]+) ·/.exec(JSON.stringify(body['messages']))?.[1]?.trim() ?? '';

beforeAll(async () => {
	if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm test does it first)`);
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tapedeck-kill-'));
	server = await startFakeLlm('openai');
	server.script(() => answer(VALID_JSON, {delayMs: 120}));
	const seeded = await finish(cli(['sync', '--demo']));
	expect(seeded.code).toBe(0);
}, 60_000);

afterAll(async () => {
	await server?.close();
	if (dir) fs.rmSync(dir, {recursive: true, force: true});
});

describe('kill -9 mid-extraction', () => {
	it('the next run finishes the rest, with no duplicate and no lost facet', async () => {
		const index = path.join(dir, 'tapedeck', 'demo', 'index.sqlite');
		const args = ['facets', '--demo', '--json', '--insights-provider', 'openai', '--insights-key', 'sk-test-kill-0000000',
			'--insights-base-url', `${server.origin}/v1`, '--insights-concurrency', '2'];
		const first = cli(args);
		const firstDone = finish(first);
		const db = new Database(index, {readonly: true, fileMustExist: true});
		const count = () => db.prepare('SELECT count(*) FROM facets').pluck().get() as number;
		const deadline = Date.now() + 30_000;
		while (count() < 10 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
		first.kill('SIGKILL');
		const killed = await firstDone;
		expect(killed.code).toBeNull();

		const saved = new Map((db.prepare('SELECT session_id, extracted_ms FROM facets').all() as Array<{session_id: string; extracted_ms: number}>)
			.map((r) => [r.session_id, r.extracted_ms]));
		const total = db.prepare('SELECT count(*) FROM sessions').pluck().get() as number;
		expect(saved.size).toBeGreaterThanOrEqual(10);
		expect(saved.size).toBeLessThan(total);
		const labelOf = new Map((db.prepare('SELECT id, label FROM sessions').all() as Array<{id: string; label: string}>).map((r) => [r.id, r.label]));
		const askedBefore = server.requests.length;

		const second = await finish(cli(args));
		expect(second.code).toBe(0);
		const summary = JSON.parse(second.stdout) as {already_current: number; extracted: number; failed: unknown[]};
		expect(summary).toMatchObject({already_current: saved.size, extracted: total - saved.size, failed: []});

		const rows = db.prepare('SELECT session_id, extracted_ms FROM facets').all() as Array<{session_id: string; extracted_ms: number}>;
		expect(rows).toHaveLength(total);
		expect(new Set(rows.map((r) => r.session_id)).size).toBe(total);
		for (const [id, at] of saved) expect(rows.find((r) => r.session_id === id)?.extracted_ms).toBe(at);
		expect(db.prepare('SELECT count(*) FROM facet_failures').pluck().get()).toBe(0);

		// The second run asked only about sessions the first had not finished.
		const askedAgain = new Set(server.requests.slice(askedBefore).map((r) => sessionLine(r.body)));
		for (const id of saved.keys()) expect(askedAgain.has(labelOf.get(id)!.slice(0, 80))).toBe(false);
		expect(server.requests.length - askedBefore).toBe(total - saved.size);
		db.close();
	}, 90_000);
});
