// The built CLI over tapes' server: the same fixture sessions through PostgreSQL and through the HTTP API give
// the same tokens and cost in `sessions --json`, and both equal tapes' own recorded session totals; `sources`
// names the server without its password; --user keeps one gateway user's sessions; a server that is down is
// one line, and the run fails only when nothing could be read.
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createTapesDb, READER_PASSWORD, usePostgres, type TapesDb} from '../helpers/tapes-postgres.js';
import {startApiServer, type ApiServer} from '../helpers/tapes-api-server.js';
import {A, B, sessionA, sessionB, sessionC} from '../helpers/tapes-v1-dataset.js';
import {tempDir} from '../helpers/workspace.js';
import {runCliAsync} from './run-cli.js';

const server = usePostgres();
let db: TapesDb;
let api: ApiServer;
beforeAll(async () => {
	db = await createTapesDb(server());
	await db.write([sessionA(), sessionB(), sessionC()]);
	api = await startApiServer([sessionA(), sessionB(), sessionC()]);
});
afterAll(async () => {
	await api?.close();
	await db?.drop();
});

interface JsonSession {
	id: string;
	label: string;
	total_tokens_incl_subagents: number;
	total_cost_incl_subagents: number;
	parent_id: string | null;
}

async function sessions(args: string[]): Promise<JsonSession[]> {
	const run = await runCliAsync(['sessions', '--json', '--index', path.join(tempDir(), 'index.sqlite'), ...args]);
	expect(run.stderr).toBe('');
	expect(run.status).toBe(0);
	return (JSON.parse(run.stdout) as {sessions: JsonSession[]}).sessions;
}

const totals = (list: JsonSession[]) => Object.fromEntries(list.filter((s) => s.parent_id === null)
	.map((s) => [s.id, {tokens: s.total_tokens_incl_subagents, cost: Number(s.total_cost_incl_subagents.toFixed(6))}]));

describe('tapedeck over a tapes server', () => {
	it('gives the same tokens and cost through PostgreSQL, through the API, and as tapes recorded them', async () => {
		const viaPg = totals(await sessions(['--postgres', db.url]));
		const viaApi = totals(await sessions(['--tapes-api', api.url]));
		expect(Object.keys(viaPg).sort()).toEqual([A, B].sort());
		expect(viaApi).toEqual(viaPg);
		const recorded = await db.admin.query('SELECT id::text, total_tokens::float8 AS tokens, total_cost_usd::float8 AS cost FROM tapes_v1.sessions');
		for (const row of recorded.rows as Array<{id: string; tokens: number; cost: number}>) {
			if (row.tokens === 0) continue;
			expect(viaPg[row.id]).toEqual({tokens: row.tokens, cost: row.cost});
		}
	}, 30_000);

	it('lists the server in `sources` without its password, and reads one user with --user', async () => {
		const index = path.join(tempDir(), 'index.sqlite');
		const run = await runCliAsync(['sources', '--json', '--postgres', db.url, '--index', index, '--user', 'alice@example.com']);
		expect(run.status).toBe(0);
		expect(run.stdout + run.stderr).not.toContain(READER_PASSWORD);
		const listed = (JSON.parse(run.stdout) as {sources: Array<{kind: string; path: string; sessions: number; error: string | null}>}).sources;
		expect(listed).toEqual([expect.objectContaining({kind: 'tapes-postgres', sessions: 2, error: null,
			path: `postgres://tapes_reader@127.0.0.1:${server().port}/${db.name}#user=alice@example.com`})]);
		const mine = await sessions(['--postgres', db.url, '--user', 'alice@example.com']);
		expect(mine.map((s) => s.id).sort()).toEqual([A, `${A}:t1`]);
		const viaApi = await sessions(['--tapes-api', api.url, '--user', 'bob@example.com']);
		expect(viaApi.map((s) => s.id)).toEqual([B]);
	}, 30_000);

	it('works with every report: show, analytics, insights, --source and --search', async () => {
		const index = path.join(tempDir(), 'index.sqlite');
		const run = (args: string[]) => runCliAsync([...args, '--postgres', db.url, '--index', index]);
		// A and B share their first 35 characters, so only A's whole ID is unique (a shorter prefix lists both).
		const show = await run(['show', A, '--md']);
		expect(show.status).toBe(0);
		expect(show.stdout).toContain('Fix the SSE parser bug');
		expect(show.stdout).toContain('FAIL sse_test.go:12');
		// tapes' cost as recorded, tapedeck's own beside it.
		const text = await run(['show', A]);
		expect(text.stdout).toMatch(/cost \$0\.\d+ \(recorded\) · \$0\.\d+ at tapedeck's prices/);
		const analytics = JSON.parse((await run(['analytics', '--json'])).stdout) as {tools?: unknown};
		expect(JSON.stringify(analytics)).toContain('Bash');
		const insights = await run(['insights', '--json', '--insights-provider', 'heuristic']);
		expect(insights.status).toBe(0);
		const filtered = JSON.parse((await run(['sessions', '--json', '--source', 'tapes-postgres', '--search', 'flaky'])).stdout) as {sessions: JsonSession[]};
		// The label's session, and any whose messages say it (--search reads what sessions said too).
		expect(filtered.sessions.map((s) => s.id)).toContain(`${A}:t1`);
		const said = JSON.parse((await run(['search', 'flaky', '--json', '--limit', '100'])).stdout) as Array<{session_id: string}>;
		for (const s of filtered.sessions) expect(s.label.toLowerCase().includes('flaky') || said.some((h) => h.session_id === s.id)).toBe(true);
	}, 30_000);

	it('a server that is down is one line; with nothing read the run fails', async () => {
		const url = `postgres://tapes:${READER_PASSWORD}@127.0.0.1:1/tapes`;
		const run = await runCliAsync(['sessions', '--postgres', url, '--index', path.join(tempDir(), 'index.sqlite')]);
		expect(run.status).toBe(1);
		expect(run.stderr).toBe('tapedeck: postgres://tapes@127.0.0.1:1/tapes: cannot connect: connection refused (is the server running?)\n');
	}, 30_000);
});
