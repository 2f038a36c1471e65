// Opening loads the demo's seeder and the repricer only on the runs that need them: the demo's first run,
// and a run whose prices differ from the stored costs' (then every session is repriced before anything reads).
// A warm report of transcripts loads neither, nor the tapes sync, and one of a tapes database with nothing
// new loads none of the sync's modules (checked on the built CLI's module graph).
import fs from 'node:fs';
import path from 'node:path';
import {spawnSync} from 'node:child_process';
import {afterAll, describe, expect, it} from 'vitest';
import {demoNeedsSeeding, openWorkspace, type WorkspaceOptions} from '../../source/workspace/open-workspace.js';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import {copyFixture} from '../helpers/transcripts.js';
import {tempDir} from '../helpers/workspace.js';
import {CLI} from '../cli/run-cli.js';
import {generateTapes} from '../../source/bench/generate-tapes.js';
import {buildTapesDb} from '../../fixtures/tapes-builder.js';
import {TAPES_BASIC} from '../../fixtures/tapes-cases.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';

const dir = tempDir('tapedeck-open-');
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));
const base = (over: Partial<WorkspaceOptions>): WorkspaceOptions =>
	({demo: false, overwrite: false, env: {XDG_DATA_HOME: path.join(dir, 'data')}, home: dir, cwd: dir, now: Date.now, ...over});

describe('openWorkspace', () => {
	it('seeds the demo on its first run only', async () => {
		const opts = base({demo: true});
		expect(demoNeedsSeeding(opts)).toBe(true);
		const first = await openWorkspace(opts);
		if (!first.ok) throw new Error(first.error);
		expect(first.value.notices.join('\n')).toMatch(/Seeded \d+ demo sessions/);
		first.value.close();
		expect(demoNeedsSeeding(opts)).toBe(false);
		expect(demoNeedsSeeding({...opts, overwrite: true})).toBe(true);
		const again = await openWorkspace(opts);
		if (!again.ok) throw new Error(again.error);
		expect(again.value.notices).toEqual([]);
		again.value.close();
	});

	it('reprices the stored sessions when the prices changed, before the workspace is handed out', async () => {
		const root = copyFixture('claude-code');
		const index = path.join(dir, 'reprice.sqlite');
		const first = await openWorkspace(base({claude: [root], index, catalog: false}));
		if (!first.ok) throw new Error(first.error);
		await syncWorkspace(first.value);
		const cost = (ws: typeof first.value) => ws.store.db.prepare(`SELECT sum(total_cost) FROM sessions`).pluck().get() as number;
		const before = cost(first.value);
		expect(before).toBeGreaterThan(0);
		first.value.close();
		// Output at $1,000 a million tokens for every model the fixture uses: the 362 output tokens add $0.362.
		const prices = path.join(dir, 'prices.json');
		fs.writeFileSync(prices, JSON.stringify({'claude-sonnet-4.5': {output: 1000}, 'claude-haiku-4.5': {output: 1000}}));
		const outputs = (ws: typeof first.value) => ws.store.db.prepare(`SELECT sum(output_tokens) FROM sessions`).pluck().get() as number;
		const repriced = await openWorkspace(base({claude: [root], index, catalog: false, pricing: prices}));
		if (!repriced.ok) throw new Error(repriced.error);
		expect(outputs(repriced.value)).toBe(362);
		expect(cost(repriced.value)).toBeGreaterThan(before + 0.3);
		repriced.value.close();
	});

	// A tapes node is slim in the index (role and tools): its session is repriced from the facts its file gives.
	const costs = (ws: Workspace) => ws.store.db.prepare(`SELECT id, source, total_cost AS cost, output_tokens AS output FROM sessions ORDER BY id`).all();
	const sonnetAt1000 = () => {
		const prices = path.join(dir, 'sonnet-prices.json');
		fs.writeFileSync(prices, JSON.stringify({'claude-sonnet-4.5': {output: 1000}}));
		return prices;
	};

	it('reprices tapes sessions from their tapes file, to what a first sync at the new prices gives', async () => {
		const sub = tempDir();
		const sqlite = path.join(sub, 'tapes.sqlite');
		buildTapesDb(sqlite, TAPES_BASIC);
		const index = path.join(sub, 'index.sqlite');
		const first = await openWorkspace(base({sqlite, index, catalog: false}));
		if (!first.ok) throw new Error(first.error);
		await syncWorkspace(first.value);
		const before = costs(first.value);
		first.value.close();
		const prices = sonnetAt1000();
		const repriced = await openWorkspace(base({sqlite, index, catalog: false, pricing: prices}));
		if (!repriced.ok) throw new Error(repriced.error);
		const after = costs(repriced.value);
		repriced.value.close();
		const fresh = await openWorkspace(base({sqlite, index: path.join(sub, 'fresh.sqlite'), catalog: false, pricing: prices}));
		if (!fresh.ok) throw new Error(fresh.error);
		await syncWorkspace(fresh.value);
		expect(after).toEqual(costs(fresh.value));
		fresh.value.close();
		expect(after).not.toEqual(before);
	});

	it('leaves the costs of a tapes file that is gone as they were, and reprices the rest', async () => {
		const sub = tempDir();
		const sqlite = path.join(sub, 'tapes.sqlite');
		buildTapesDb(sqlite, TAPES_BASIC);
		const root = copyFixture('claude-code');
		const index = path.join(sub, 'index.sqlite');
		const first = await openWorkspace(base({sqlite, claude: [root], index, catalog: false}));
		if (!first.ok) throw new Error(first.error);
		await syncWorkspace(first.value);
		const before = costs(first.value) as Array<{source: string; cost: number}>;
		first.value.close();
		fs.rmSync(sqlite);
		const repriced = await openWorkspace(base({claude: [root], index, catalog: false, pricing: sonnetAt1000()}));
		if (!repriced.ok) throw new Error(repriced.error);
		const after = costs(repriced.value) as Array<{source: string; cost: number}>;
		repriced.value.close();
		expect(after.filter((s) => s.source === 'tapes')).toEqual(before.filter((s) => s.source === 'tapes'));
		expect(after.filter((s) => s.source !== 'tapes')).not.toEqual(before.filter((s) => s.source !== 'tapes'));
	});
});

/** The modules a run of the built CLI loads (a loader hook names each; a bundled chunk stands for the modules its map lists). */
function modulesLoaded(args: string[], env: NodeJS.ProcessEnv): string[] {
	const hooks = path.join(dir, 'hooks.mjs');
	fs.writeFileSync(hooks, "export async function load(u, c, n) { if (u.startsWith('file:')) process.stderr.write('LOADED ' + u + '\\n'); return n(u, c); }\n");
	const register = path.join(dir, 'register.mjs');
	fs.writeFileSync(register, `import {register} from 'node:module';\nregister(${JSON.stringify(`file://${hooks}`)});\n`);
	const run = spawnSync(process.execPath, ['--import', register, CLI, ...args], {env, encoding: 'utf8'});
	expect([0, 1], run.stderr).toContain(run.status);
	// The CLI is bundled (build/bundle-cli.ts): a loaded chunk stands for the modules the bundle's map says it holds.
	const {chunks} = JSON.parse(fs.readFileSync(path.join(path.dirname(CLI), 'bundle-meta.json'), 'utf8')) as {chunks: Record<string, string[]>};
	return run.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.slice(7))
		.flatMap((u) => chunks[path.basename(u)]?.map((m) => `/dist/${m}`) ?? [u]);
}

describe('a warm report', () => {
	it('loads neither the demo, the repricer nor the tapes sync', () => {
		const root = copyFixture('claude-code');
		const index = path.join(dir, 'warm.sqlite');
		const env = {...process.env, XDG_DATA_HOME: path.join(dir, 'warm-data'), HOME: dir};
		const args = ['sessions', '--json', '--claude', root, '--index', index];
		expect(spawnSync(process.execPath, [CLI, ...args], {env}).status).toBe(0);
		const loaded = modulesLoaded(args, env);
		expect(loaded.some((u) => u.endsWith('/dist/report/sessions-report.js'))).toBe(true);
		expect(loaded.some((u) => u.endsWith('/dist/cli.js'))).toBe(true);
		for (const unwanted of ['/sources/demo/', '/sync/reprice.js', '/sync/apply-batch.js', '/sync/tapes-sync.js', '/core/summarize.js']) {
			expect(loaded.filter((u) => u.includes(unwanted)), unwanted).toEqual([]);
		}
	});

	it('of a tapes database with nothing new loads none of the sync’s modules; one with new rows loads them', () => {
		const sqlite = path.join(dir, 'warm-tapes.sqlite');
		generateTapes(sqlite, {sessions: 5, nodesPerSession: 4, startMs: Date.UTC(2026, 0, 1)});
		const index = path.join(dir, 'warm-tapes-index.sqlite');
		const env = {...process.env, XDG_DATA_HOME: path.join(dir, 'warm-data'), HOME: dir};
		const args = ['sessions', '--json', '--since', '0', '--sqlite', sqlite, '--index', index];
		const first = spawnSync(process.execPath, [CLI, ...args], {env, encoding: 'utf8'});
		expect(first.status, first.stderr).toBe(0);
		const syncModules = ['/sync/tapes-sync.js', '/sync/apply-batch.js', '/core/summarize.js', '/sync/search-beside-thread.js', '/core/message-facts.js'];
		const warm = modulesLoaded(args, env);
		expect(warm.some((u) => u.endsWith('/dist/sources/tapes/reader.js'))).toBe(true);
		for (const unwanted of syncModules) expect(warm.filter((u) => u.endsWith(unwanted)), unwanted).toEqual([]);
		// The same report as the first run's, from the stored rows.
		expect(spawnSync(process.execPath, [CLI, ...args], {env, encoding: 'utf8'}).stdout).toBe(first.stdout);
		generateTapes(sqlite, {sessions: 2, nodesPerSession: 4, startMs: Date.UTC(2026, 2, 1), sessionOffset: 5, seed: 3});
		const grown = modulesLoaded(args, env);
		for (const wanted of syncModules.slice(0, 3)) expect(grown.some((u) => u.endsWith(wanted)), wanted).toBe(true);
		const after = JSON.parse(spawnSync(process.execPath, [CLI, ...args], {env, encoding: 'utf8'}).stdout) as {sessions: unknown[]};
		expect(after.sessions).toHaveLength(7);
	});

	it('searches as JSON or CSV without the table code or the time zone; the table loads both', () => {
		const root = copyFixture('claude-code');
		const index = path.join(dir, 'warm-search.sqlite');
		const env: NodeJS.ProcessEnv = {...process.env, XDG_DATA_HOME: path.join(dir, 'warm-data'), HOME: dir};
		delete env['TZ'];
		const args = (...format: string[]) => ['search', 'token', ...format, '--claude', root, '--index', index];
		const json = spawnSync(process.execPath, [CLI, ...args('--json')], {env, encoding: 'utf8'});
		expect(json.status).toBe(0);
		expect((JSON.parse(json.stdout) as unknown[]).length).toBeGreaterThan(0);
		// string-width builds its tables on import, and the first Intl call costs ~16 ms: neither is needed for UTC times.
		const tableCode = ['/terminal/width.js', '/report/text-table.js', '/report/search-table.js'];
		for (const format of ['--json', '--csv']) {
			const loaded = modulesLoaded(args(format), env);
			expect(loaded.some((u) => u.endsWith('/dist/report/search-report.js')), format).toBe(true);
			for (const unwanted of tableCode) expect(loaded.filter((u) => u.endsWith(unwanted)), `${format} ${unwanted}`).toEqual([]);
		}
		const table = modulesLoaded(args(), env);
		for (const wanted of tableCode) expect(table.some((u) => u.endsWith(wanted)), wanted).toBe(true);
		const watch = path.join(dir, 'watch-intl-search.mjs');
		fs.writeFileSync(watch, "const Real = Intl.DateTimeFormat;\nIntl.DateTimeFormat = function (...a) { process.stderr.write('INTL\\n'); return new Real(...a); };\n");
		expect(spawnSync(process.execPath, ['--import', watch, CLI, ...args('--json')], {env, encoding: 'utf8'}).stderr).not.toContain('INTL');
		const printed = spawnSync(process.execPath, ['--import', watch, CLI, ...args()], {env, encoding: 'utf8'});
		expect(printed.stderr).toContain('INTL');
		expect(printed.stdout).toMatch(/^time\s+session/);
	});

	it('never starts Intl when no local time is printed (its first call costs about 16 ms)', () => {
		const root = copyFixture('claude-code');
		const index = path.join(dir, 'warm-intl.sqlite');
		const env: NodeJS.ProcessEnv = {...process.env, XDG_DATA_HOME: path.join(dir, 'warm-data'), HOME: dir};
		delete env['TZ'];
		// A preload that says so when the program asks Intl for a date format (the system's zone among them).
		const watch = path.join(dir, 'watch-intl.mjs');
		fs.writeFileSync(watch, `const Real = Intl.DateTimeFormat;
Intl.DateTimeFormat = function (...a) { process.stderr.write('INTL DateTimeFormat\\n'); return new Real(...a); };
`);
		const run = (...extra: string[]) => spawnSync(process.execPath, ['--import', watch, CLI, 'sessions', '--claude', root, '--index', index, ...extra], {env, encoding: 'utf8'});
		const json = run('--json', '--since', '0');
		expect(json.status).toBe(0);
		expect(json.stderr).not.toContain('INTL');
		expect(JSON.parse(json.stdout).total_sessions).toBeGreaterThan(0);
		// A table prints local times, so it asks; so does a date bound, read in the system's zone.
		expect(run('--since', '0').stderr).toContain('INTL');
		const bounded = run('--json', '--from', '2000-01-01');
		expect(bounded.status).toBe(0);
		expect(bounded.stderr).toContain('INTL');
	});
});
