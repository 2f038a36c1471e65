// A planted API key must never reach output, error messages, the index or a Markdown export, even when the
// provider echoes it back in an error.
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {answer, startFakeLlm, status, type FakeLlmServer} from '../facets/helpers/fake-llm-server.js';
import {VALID_JSON} from '../facets/helpers/session-fixture.js';
import {tempDir} from '../helpers/workspace.js';
import {runCli, runCliAsync} from './run-cli.js';

const KEY = 'sk-planted-4f9c2e7d1b8a6035e9d4c3b2a1f0e9d8';
let server: FakeLlmServer;
let home: string;

beforeAll(async () => {
	server = await startFakeLlm('openai');
	// Two calls fail with an error body that quotes the Authorization header back.
	server.script((req, i) => (i === 2 || i === 7 ? status(500, {}, `upstream rejected ${String(req.headers['authorization'])}`) : answer(VALID_JSON)));
	home = tempDir();
});
afterAll(async () => server?.close());

function filesUnder(dir: string): string[] {
	return fs.readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
		const p = path.join(dir, e.name);
		return e.isDirectory() ? filesUnder(p) : [p];
	});
}

describe('secrets', () => {
	it('the key never appears in any output, error, index file or export', async () => {
		const env = {HOME: home, XDG_DATA_HOME: home};
		const runs = [
			await runCliAsync(['facets', '--demo', '--json', '--insights-provider', 'openai', '--insights-key', KEY,
				'--insights-base-url', `${server.origin}/v1`, '--insights-concurrency', '2'], env),
			runCli(['insights', '--demo', '--json'], env),
			runCli(['sessions', '--demo', '--json'], env),
		];
		expect(runs[0]!.status).toBe(0);
		expect(server.requests.length).toBeGreaterThan(3);
		expect(server.requests.every((r) => r.headers['authorization'] === `Bearer ${KEY}`)).toBe(true);
		const id = (JSON.parse(runs[2]!.stdout) as {sessions: Array<{id: string}>}).sessions[0]!.id;
		runs.push(runCli(['show', id, '--demo', '--md'], env), runCli(['show', id, '--demo', '--json'], env));
		for (const r of runs) {
			expect(r.stdout).not.toContain(KEY);
			expect(r.stderr).not.toContain(KEY);
		}
		const files = filesUnder(home);
		expect(files.some((f) => f.endsWith('index.sqlite'))).toBe(true);
		for (const file of files) expect(fs.readFileSync(file).includes(KEY), file).toBe(false);
	}, 120_000);
});
