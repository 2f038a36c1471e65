// `npm run bench:startup`: start-up figures in one run. Warm `sessions --json --since 0` ÷ `node -e 0` on a
// synced 1,000,000-node and 100,000-node tapes index (generated and synced once under .bench/, kept), and
// the explorer's first complete frame on the demo ÷ an empty Ink app started the same way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {generateTapes} from './generate-tapes.js';
import {fmt, median, medianCommand} from './measure.js';
import {firstFrames, timeToText} from './explorer-start.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, '..', 'cli.js');
const dir = path.resolve(process.env['BENCH_DIR'] ?? '.bench');
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const SIZES = (process.env['BENCH_STARTUP_SESSIONS'] ?? '20000,2000').split(',').map(Number);
fs.mkdirSync(dir, {recursive: true});
const line = (label: string, value: string, goal = '') => process.stdout.write(`  ${label.padEnd(44)} ${value.padEnd(40)} ${goal}\n`);

/** A tapes database of `sessions` × 50 nodes and its synced index, made once. */
function synced(sessions: number): {sqlite: string; index: string} {
	const sqlite = path.join(dir, `startup-tapes-${sessions}.sqlite`);
	const index = path.join(dir, `startup-index-${sessions}.sqlite`);
	if (!fs.existsSync(sqlite)) {
		process.stdout.write(`generating ${(sessions * 50).toLocaleString('en-US')} nodes …\n`);
		generateTapes(`${sqlite}.tmp`, {sessions, nodesPerSession: 50, startMs: Date.UTC(2026, 0, 1)});
		spawnSync('sqlite3', [`${sqlite}.tmp`, 'PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;']);
		fs.renameSync(`${sqlite}.tmp`, sqlite);
		fs.rmSync(index, {force: true});
	}
	if (!fs.existsSync(index)) {
		process.stdout.write(`syncing ${sqlite} …\n`);
		const r = spawnSync(process.execPath, [path.join(here, 'sync-once.js'), sqlite, index], {stdio: ['ignore', 'ignore', 'inherit']});
		if (r.status !== 0) throw new Error('sync failed');
	}
	return {sqlite, index};
}

const indexes = SIZES.map((n) => ({n, ...synced(n)}));
process.stdout.write(`\nstart-up benchmark (one run, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}, medians of ${RUNS})\n`);
const nodeStart = medianCommand(RUNS, process.execPath, ['-e', '0']);
line('node -e 0', fmt(nodeStart));
for (const {n, sqlite, index} of indexes) {
	const warm = medianCommand(RUNS, process.execPath, [cli, 'sessions', '--json', '--since', '0', '--sqlite', sqlite, '--index', index]);
	line(`warm sessions --json --since 0, ${(n * 50).toLocaleString('en-US')} nodes`, `${(warm / nodeStart).toFixed(2)}  (${fmt(warm)} ÷ ${fmt(nodeStart)})`, 'goal ≤ 4');
}

// The first frame: the demo index warmed once, then the two programs alternately.
const env: NodeJS.ProcessEnv = {...process.env, XDG_DATA_HOME: path.join(dir, 'xdg-startup')};
delete env['NODE_ENV'];
delete env['CI'];
spawnSync(process.execPath, [cli, 'sessions', '--demo'], {env, stdio: 'ignore'});
const demoCount = JSON.parse(spawnSync(process.execPath, [cli, 'sessions', '--demo', '--json', '--since', '0'], {env, encoding: 'utf8'}).stdout).sessions.length as number;
const {app, empty} = await firstFrames(cli, demoCount, env, RUNS);
line('explorer first frame ÷ empty Ink app', `${(median(app) / median(empty)).toFixed(2)}  (${fmt(median(app))} ÷ ${fmt(median(empty))})`, 'goal ≤ 1.5');

// The first complete frame (its footer and its `N of M sessions`) on a cold index of the largest source, its
// sync running behind it, against the empty Ink app, alternately; a fresh index each run. (The status bar
// says `syncing` only once a run has taken 300 ms: that is not the first frame's to wait for.)
const largest = indexes[0]!;
const coldIndex = path.join(dir, 'startup-cold-ui.sqlite');
const emptyApp = path.join(here, 'explorer-empty.js');
const coldFrames: number[] = [];
const emptyFrames: number[] = [];
for (let i = 0; i < RUNS; i++) {
	for (const suffix of ['', '-wal', '-shm']) fs.rmSync(coldIndex + suffix, {force: true});
	emptyFrames.push(await timeToText(`${process.execPath} ${emptyApp}`, ['empty ink app ready'], env));
	coldFrames.push(await timeToText(`${process.execPath} ${cli} --sqlite ${largest.sqlite} --index ${coldIndex} --refresh 0`, ['q quit', /\d+ of \d+ sessions/], env));
}
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(coldIndex + suffix, {force: true});
line(`first frame, cold index of ${(largest.n * 50).toLocaleString('en-US')} nodes ÷ empty Ink app`, `${(median(coldFrames) / median(emptyFrames)).toFixed(2)}  (${fmt(median(coldFrames))} ÷ ${fmt(median(emptyFrames))})`, 'goal ≤ 1.5');

