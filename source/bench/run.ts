// `npm run bench`: the foundation's figures on a generated 1,000,000-node tapes database, measured in one run.
import fs from 'node:fs';
import path from 'node:path';
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {generateTapes} from './generate-tapes.js';
import {fmt, medianCommand, timeCommand} from './measure.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, '..', 'cli.js');
const dir = path.resolve(process.env['BENCH_DIR'] ?? '.bench');
const SESSIONS = Number(process.env['BENCH_SESSIONS'] ?? 20_000);
const NODES = 50;
fs.mkdirSync(dir, {recursive: true});
const source = path.join(dir, `tapes-${SESSIONS}x${NODES}.sqlite`);
const START = Date.UTC(2026, 0, 1);

function syncOnce(sqlite: string, index: string): {ms: number; newMessages: number; maxRssMb: number} {
	const r = spawnSync(process.execPath, [path.join(here, 'sync-once.js'), sqlite, index], {encoding: 'utf8', maxBuffer: 1 << 26});
	if (r.status !== 0) throw new Error(`sync failed: ${r.stderr}`);
	return JSON.parse(r.stdout.trim().split('\n').pop()!) as {ms: number; newMessages: number; maxRssMb: number};
}

function rm(file: string) {
	for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, {force: true});
}

if (!fs.existsSync(source)) {
	const t0 = Date.now();
	process.stdout.write(`generating ${SESSIONS * NODES} nodes into ${source} …\n`);
	generateTapes(source + '.tmp', {sessions: SESSIONS, nodesPerSession: NODES, startMs: START});
	spawnSync('sqlite3', [source + '.tmp', 'PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;']);
	fs.renameSync(source + '.tmp', source);
	rm(source + '.tmp');
	process.stdout.write(`generated in ${fmt(Date.now() - t0)}\n`);
}
const work = path.join(dir, 'work.sqlite');
const index = path.join(dir, 'index.sqlite');
rm(work);
rm(index);
fs.copyFileSync(source, work);

const scan = medianCommand(3, 'sqlite3', [work, 'select sum(length(content)) from nodes']);
const cold = syncOnce(work, index);
const nodeStart = medianCommand(5, process.execPath, ['-e', '0']);
const warm = medianCommand(5, process.execPath, [cli, 'sessions', '--json', '--sqlite', work, '--index', index]);
generateTapes(work, {sessions: 20, nodesPerSession: 50, startMs: START + 400 * 86_400_000, sessionOffset: SESSIONS, seed: 7});
const incremental = syncOnce(work, index);
const again = syncOnce(work, index);

const rows: Array<[string, string, string]> = [
	['cold sync ÷ sqlite3 full scan', `${(cold.ms / scan).toFixed(2)}  (${fmt(cold.ms)} ÷ ${fmt(scan)}, ${cold.newMessages} nodes)`, '≤ 8'],
	['warm `sessions --json` ÷ `node -e 0`', `${(warm / nodeStart).toFixed(2)}  (${fmt(warm)} ÷ ${fmt(nodeStart)})`, '≤ 4'],
	['sync of 1,000 new nodes ÷ cold sync', `${(incremental.ms / cold.ms).toFixed(4)}  (${fmt(incremental.ms)}, ${incremental.newMessages} nodes)`, '≤ 0.05'],
	['peak RSS of the cold sync', `${cold.maxRssMb.toFixed(0)} MB`, '≤ 400 MB'],
	['second sync with nothing new', `${again.newMessages} new nodes (${fmt(again.ms)})`, '0'],
];
process.stdout.write('\nfoundation benchmark (one run, 2-core machine)\n');
for (const [name, value, goal] of rows) process.stdout.write(`  ${name.padEnd(40)} ${value.padEnd(50)} goal ${goal}\n`);
void timeCommand;
