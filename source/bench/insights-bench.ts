// `npm run bench:insights`: the explorer's key-to-frame measurement (bench:explorer's keys on the Sessions
// screen, Ink at 120×35 into an in-memory TTY) with 4 facet extractions in flight against a local
// OpenAI-compatible server that answers in 200 ms, and without; the p95 ratio is the figure (goal ≤ 1.5).
// The phases alternate (without, with, without, with) so that drift in the machine's load hits both.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fmt, median, percentile} from './measure.js';
import {generateTapes} from './generate-tapes.js';
import {startInsightsServer} from './insights-server.js';
import {openWorkspace, type Workspace} from '../workspace/open-workspace.js';
import {syncWorkspace} from '../workspace/sync-workspace.js';
import {createWorkspaceServices} from '../ui/services/workspace-services.js';
import {startInsights} from '../facets/start-worker.js';
import {ApiKey} from '../config/credentials.js';
import type {InsightsConfig} from '../facets/insights-config.js';
import {maxOf, pushAll} from '../core/numbers.js';

process.env['NODE_ENV'] ??= 'production';
const {measureKeys} = await import('./explorer-keys.js');

const SESSIONS = Number(process.env['BENCH_SESSIONS'] ?? 3000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 6);
const DELAY_MS = Number(process.env['BENCH_LLM_DELAY_MS'] ?? 200);
const CONCURRENCY = 4;
/** Both phases wait at most this long for a still screen before the next key (the worker never lets it be still). */
const QUIET_CAP_MS = 300;
const dir = path.resolve(process.env['BENCH_DIR'] ?? '.bench');
fs.mkdirSync(dir, {recursive: true});

async function workspace(): Promise<Workspace> {
	const source = path.join(dir, `insights-${SESSIONS}.tapes.sqlite`);
	if (!fs.existsSync(source)) {
		generateTapes(source + '.tmp', {sessions: SESSIONS, nodesPerSession: 6, startMs: Date.now() - SESSIONS * 7 * 60_000});
		fs.renameSync(source + '.tmp', source);
	}
	const opened = await openWorkspace({
		sqlite: source, index: path.join(dir, `insights-${SESSIONS}.index.sqlite`), demo: false, overwrite: false,
		env: {}, home: os.homedir(), cwd: dir, now: Date.now,
	});
	if (!opened.ok) throw new Error(opened.error);
	return opened.value;
}

const ws = await workspace();
await syncWorkspace(ws);
const server = await startInsightsServer(DELAY_MS);
const config: InsightsConfig = {
	mode: 'llm', provider: 'openai', model: 'gpt-4o-mini', baseURL: server.baseURL, apiKey: new ApiKey('sk-bench-local'),
	keyWhere: 'bench', concurrency: CONCURRENCY, notice: null,
};
const timeZone = 'UTC';
const line = (label: string, value: string, goal = '') => process.stdout.write(`  ${label.padEnd(44)} ${value.padEnd(46)} ${goal}\n`);
const stats = (xs: number[]) => `median ${fmt(median(xs))}, p95 ${fmt(percentile(xs, 95))}, max ${fmt(maxOf(xs))}`;

async function without(): Promise<number[]> {
	const {services} = createWorkspaceServices(ws, {timeZone, now: Date.now, refreshSec: 0});
	return (await measureKeys(services, ROUNDS, undefined, QUIET_CAP_MS)).map((s) => s.frameMs);
}

const inFlight: number[] = [];
async function withWorker(): Promise<number[]> {
	// Every session needs extracting again, so the worker never runs dry during the measurement.
	ws.store.db.exec('DELETE FROM facets; DELETE FROM facet_failures');
	const insights = await startInsights(ws, config);
	const {services} = createWorkspaceServices(ws, {timeZone, now: Date.now, refreshSec: 0, facets: insights.status, facetProgress: insights.progress});
	const sampler = setInterval(() => inFlight.push(server.stats().open), 50);
	const samples = (await measureKeys(services, ROUNDS, undefined, QUIET_CAP_MS)).map((s) => s.frameMs);
	clearInterval(sampler);
	const p = insights.progress.getSnapshot();
	await insights.worker?.stop();
	if (p.state !== 'running') throw new Error(`the worker was ${p.state} at the end of the measurement (${p.done}/${p.total}): use more sessions`);
	if (p.failed > 0) throw new Error(`${p.failed} extractions failed: ${p.lastFailure?.reason}`);
	return samples;
}

process.stdout.write(`insights benchmark (${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}; ${SESSIONS.toLocaleString('en-US')} sessions; `
	+ `${CONCURRENCY} extractions in flight, server answers in ${DELAY_MS} ms; 2×${ROUNDS} rounds of 53 keys each way)\n\n`);
const base: number[] = [];
const loaded: number[] = [];
for (let i = 0; i < 2; i++) {
	const t0 = performance.now();
	pushAll(base, await without());
	const t1 = performance.now();
	pushAll(loaded, await withWorker());
	process.stdout.write(`  pass ${i + 1}/2: without ${fmt(t1 - t0)}, with ${fmt(performance.now() - t1)}\n`);
}
const answered = server.stats().answered;
await server.close();
ws.close();

process.stdout.write(`key → rendered frame on the Sessions screen (Ink at 120×35; next key once the screen is still for 80 ms, or after ${QUIET_CAP_MS} ms)\n`);
line(`without extraction (${base.length} keys)`, stats(base));
line(`with ${CONCURRENCY} extractions in flight (${loaded.length} keys)`, stats(loaded));
line('extractions answered during the measurement', `${answered}, in flight: median ${median(inFlight)}, max ${maxOf(inFlight)}`);
line('with ÷ without, median', (median(loaded) / median(base)).toFixed(2));
line('with ÷ without, p95', (percentile(loaded, 95) / percentile(base, 95)).toFixed(2), 'goal ≤ 1.5');
