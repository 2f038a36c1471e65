// `npm run bench:explorer`: the explorer's figures, measured in one run.
//  1. key to rendered frame over 100,000 and over 100 sessions (down ×50, page down, sort change, search character);
//  2. start to first complete frame on the demo ÷ an empty Ink app started the same way;
//  3. during a cold import of a generated 20,000-session Claude Code tree: key → frame p95 ÷ the same once
//     idle, and start → first session on screen (BENCH_PART=import runs this part alone).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {fmt, median, percentile} from './measure.js';
import {benchIndex, benchServices} from './explorer-fixture.js';
import {firstFrames, timeToText} from './explorer-start.js';
import {maxOf} from '../core/numbers.js';

process.env['NODE_ENV'] ??= 'production';
const {measureKeys} = await import('./explorer-keys.js');

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.resolve(process.env['BENCH_DIR'] ?? '.bench');
fs.mkdirSync(dir, {recursive: true});
const NOW = Date.UTC(2026, 10, 21, 12);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 11);
const line = (label: string, value: string, goal = '') => process.stdout.write(`  ${label.padEnd(46)} ${value.padEnd(44)} ${goal}\n`);
const stats = (xs: number[]) => `median ${fmt(median(xs))}, p95 ${fmt(percentile(xs, 95))}, max ${fmt(maxOf(xs))}`;

// BENCH_PART=keys, start or import runs one part (the figures asked for are all, from one run).
const PART = process.env['BENCH_PART'] ?? 'all';
if (PART === 'import') {
	await importPart();
	process.exit(0);
}
process.stdout.write(`explorer benchmark (${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}; ${ROUNDS} rounds of 53 keys)\n\n`);
const results = new Map<number, Awaited<ReturnType<typeof measureKeys>>>();
for (const n of PART === 'start' ? [] : [100, 100_000]) {
	const file = benchIndex(path.join(dir, `explorer-${n}.sqlite`), n, NOW);
	const {services, close} = benchServices(file, NOW);
	results.set(n, await measureKeys(services, ROUNDS));
	close();
}
if (PART !== 'start') reportKeys();

function reportKeys() {
process.stdout.write('key → rendered frame (Ink at 120×35, keys ≥ 80 ms apart)\n');
for (const [n, samples] of results) {
	line(`${n.toLocaleString('en-US')} sessions, all keys (${samples.length})`, stats(samples.map((s) => s.frameMs)));
	for (const kind of ['down', 'page-down', 'sort', 'search'] as const) {
		const of = samples.filter((s) => s.kind === kind);
		line(`  ${kind} (${of.length})`, stats(of.map((s) => s.frameMs)));
		if (kind === 'search') line('  search, until KPI + sparkline follow', stats(of.map((s) => s.settledMs)));
	}
}
const big = results.get(100_000)!;
const small = results.get(100)!;
const ratio = (p: number) => percentile(big.map((s) => s.frameMs), p) / percentile(small.map((s) => s.frameMs), p);
line('100,000 ÷ 100, median / p95', `${ratio(50).toFixed(2)} / ${ratio(95).toFixed(2)}`, 'goal ≤ 2');
line('sort change on 100,000, p95 / max', `${fmt(percentile(big.filter((s) => s.kind === 'sort').map((s) => s.frameMs), 95))} / ${fmt(maxOf(big.filter((s) => s.kind === 'sort').map((s) => s.frameMs)))}`, 'goal < 50 ms');
}
if (PART === 'keys') process.exit(0);

// Start-up: warm the demo (seed + sync) once, then alternate the two programs.
const env: NodeJS.ProcessEnv = {...process.env, XDG_DATA_HOME: path.join(dir, 'xdg')};
delete env['NODE_ENV'];
delete env['CI'];
const cli = path.join(here, '..', 'cli.js');
spawnSync(process.execPath, [cli, 'sessions', '--demo'], {env, stdio: 'ignore'});
const demoCount = JSON.parse(spawnSync(process.execPath, [cli, 'sessions', '--demo', '--json'], {env, encoding: 'utf8'}).stdout).sessions.length as number;
const RUNS = Number(process.env['BENCH_START_RUNS'] ?? 7);
const {app, empty} = await firstFrames(cli, demoCount, env, RUNS);
process.stdout.write('\nstart → first complete frame (pty via script, 120×35, warm demo index)\n');
line(`explorer on the demo (${RUNS} runs)`, `median ${fmt(median(app))}`);
line(`empty Ink app (${RUNS} runs)`, `median ${fmt(median(empty))}`);
line('explorer ÷ empty Ink app', (median(app) / median(empty)).toFixed(2), 'goal ≤ 1.5');
await importPart();

async function importPart() {
	const {generateClaudeTree} = await import('./sources-generate.js');
	const {measureImportKeys} = await import('./explorer-import.js');
	const sessions = Number(process.env['BENCH_IMPORT_SESSIONS'] ?? 20_000);
	const root = path.join(dir, `import-${sessions}`, 'projects');
	if (!fs.existsSync(path.join(root, '..', 'done'))) {
		fs.rmSync(path.dirname(root), {recursive: true, force: true});
		// One exchange per session (about 9 KB): the tree is as many files as a heavy user's, in 180 MB.
		const tree = generateClaudeTree(root, {sessions, subagents: Math.round(sessions / 50), projects: 60, startMs: Date.UTC(2024, 0, 1), turnsPerSession: 1});
		fs.writeFileSync(path.join(root, '..', 'done'), JSON.stringify(tree));
	}
	const index = path.join(dir, 'import-index.sqlite');
	const keys = await measureImportKeys(root, index, Number(process.env['BENCH_IMPORT_SAMPLES'] ?? 60));
	process.stdout.write(`\ncold import of ${sessions.toLocaleString('en-US')} Claude Code sessions (${keys.sessions.toLocaleString('en-US')} with subagents) in ${fmt(keys.importMs)}; key ? / Esc → frame\n`);
	line(`during the import (${keys.during.length})`, stats(keys.during));
	line(`idle, same index (${keys.idle.length})`, stats(keys.idle));
	line('during ÷ idle, p95', (percentile(keys.during, 95) / percentile(keys.idle, 95)).toFixed(2), 'goal ≤ 2');
	// A fresh index each run: the first session must show while the import has only begun.
	const envImport: NodeJS.ProcessEnv = {...process.env, XDG_DATA_HOME: path.join(dir, 'xdg-import')};
	delete envImport['NODE_ENV'];
	const cliPath = path.join(here, '..', 'cli.js');
	const first: number[] = [];
	for (let i = 0; i < Number(process.env['BENCH_IMPORT_STARTS'] ?? 3); i++) {
		for (const s of ['', '-wal', '-shm']) fs.rmSync(index + s, {force: true});
		first.push(await timeToText(`${process.execPath} ${cliPath} --claude ${root} --index ${index} --refresh 0 --no-insights`, [/[1-9][\d,]* of [\d,]+ sessions/], envImport));
	}
	line(`start → first session on screen, cold index (${first.length})`, `median ${fmt(median(first))}, max ${fmt(maxOf(first))}`, 'goal ≤ 2 s');
}
