// `npm run bench`: the foundation's figures on a generated 1,000,000-node tapes database, measured in one run
// (and on a tenth of it, one after another and with 20 sessions' rows interleaved).
import fs from 'node:fs';
import path from 'node:path';
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {generateTapes} from './generate-tapes.js';
import {alternatingMedians, fmt, medianCommand, timeCommand} from './measure.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, '..', 'cli.js');
const dir = path.resolve(process.env['BENCH_DIR'] ?? '.bench');
const SESSIONS = Number(process.env['BENCH_SESSIONS'] ?? 20_000);
const NODES = 50;
fs.mkdirSync(dir, {recursive: true});
const START = Date.UTC(2026, 0, 1);

interface Once {ms: number; listMs: number; newMessages: number; maxRssMb: number}

function syncOnce(sqlite: string, index: string, env: NodeJS.ProcessEnv = process.env): Once {
	const r = spawnSync(process.execPath, [path.join(here, 'sync-once.js'), sqlite, index], {encoding: 'utf8', maxBuffer: 1 << 26, env});
	if (r.status !== 0) throw new Error(`sync failed: ${r.stderr}`);
	return JSON.parse(r.stdout.trim().split('\n').pop()!) as Once;
}

function rm(file: string) {
	for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, {force: true});
}

function generated(sessions: number): string {
	const file = path.join(dir, `tapes-${sessions}x${NODES}.sqlite`);
	if (fs.existsSync(file)) return file;
	const t0 = Date.now();
	process.stdout.write(`generating ${sessions * NODES} nodes into ${file} …\n`);
	generateTapes(file + '.tmp', {sessions, nodesPerSession: NODES, startMs: START});
	spawnSync('sqlite3', [file + '.tmp', 'PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;']);
	fs.renameSync(file + '.tmp', file);
	rm(file + '.tmp');
	process.stdout.write(`generated in ${fmt(Date.now() - t0)}\n`);
	return file;
}
const work = path.join(dir, 'work.sqlite');
const index = path.join(dir, 'index.sqlite');

/**
 * The generated database with the rows of each 20 sessions alternating, as 20 agents recorded at once would
 * leave them: most sessions then span chunks, and the sync summarizes them again at its end.
 */
function interleaved(sessions: number): string {
	const file = path.join(dir, `tapes-${sessions}x${NODES}-interleaved.sqlite`);
	if (fs.existsSync(file)) return file;
	rm(file + '.tmp');
	fs.copyFileSync(generated(sessions), file + '.tmp');
	const group = 20 * NODES;
	const r = spawnSync('sqlite3', [file + '.tmp', `CREATE TABLE shuffled AS SELECT * FROM nodes ORDER BY (rowid - 1) / ${group},
		(rowid - 1) % ${NODES}, rowid; DELETE FROM nodes; INSERT INTO nodes SELECT * FROM shuffled; DROP TABLE shuffled; VACUUM;`], {encoding: 'utf8'});
	if (r.status !== 0) throw new Error(`interleaving failed: ${r.stderr}`);
	fs.renameSync(file + '.tmp', file);
	return file;
}

/** A cold sync of a copy of a database (the generated one by default), and its scan by sqlite3, in the same run. */
function coldOf(sessions: number, file = generated(sessions)): {cold: Once; scan: number} {
	rm(work);
	rm(index);
	fs.copyFileSync(file, work);
	const scan = medianCommand(3, 'sqlite3', [work, 'select sum(length(content)) from nodes']);
	return {cold: syncOnce(work, index), scan};
}

// Linearity: the same ratio at a tenth of the size (skipped when the run is that small already).
const SMALL = Math.round(SESSIONS / 10);
const small = SMALL >= 200 ? coldOf(SMALL) : null;
const mixed = small ? coldOf(SMALL, interleaved(SMALL)) : null;
const {cold, scan} = coldOf(SESSIONS);
// The same load with --no-search-index, start to end (its indexes and report rows included): the other core then
// reads and maps the rows (sync/tapes-reader-thread.ts).
const unindexedIndex = path.join(dir, 'index-unindexed.sqlite');
rm(unindexedIndex);
const unindexed = syncOnce(work, unindexedIndex, {...process.env, BENCH_SEARCH_INDEX: 'off'});
rm(unindexedIndex);
const [nodeStart, warm] = alternatingMedians(9, [{cmd: process.execPath, args: ['-e', '0']},
	{cmd: process.execPath, args: [cli, 'sessions', '--json', '--sqlite', work, '--index', index]}]) as [number, number];
generateTapes(work, {sessions: 20, nodesPerSession: 50, startMs: START + 400 * 86_400_000, sessionOffset: SESSIONS, seed: 7});
const incremental = syncOnce(work, index);
const again = syncOnce(work, index);

const rows: Array<[string, string, string]> = [
	['cold sync, list final ÷ sqlite3 full scan', `${(cold.listMs / scan).toFixed(2)}  (${fmt(cold.listMs)} ÷ ${fmt(scan)}, ${cold.newMessages} nodes)`, '≤ 8'],
	['cold sync, --no-search-index, list final ÷ scan', `${(unindexed.listMs / scan).toFixed(2)}  (${fmt(unindexed.listMs)} ÷ ${fmt(scan)}; whole ${(unindexed.ms / scan).toFixed(2)}, peak RSS ${unindexed.maxRssMb.toFixed(0)} MB)`, '—'],
	['cold sync, search complete ÷ scan', `${(cold.ms / scan).toFixed(2)}  (${fmt(cold.ms)} ÷ ${fmt(scan)})`, '≤ 12'],
	...(small ? [['list-final ratio ÷ ratio at a tenth', `${((cold.listMs / scan) / (small.cold.listMs / small.scan)).toFixed(2)}  (${(small.cold.listMs / small.scan).toFixed(2)} at ${small.cold.newMessages} nodes)`, '≤ 1.3'] as [string, string, string]] : []),
	...(small && mixed ? [['interleaved sessions ÷ one after another', `${(mixed.cold.listMs / small.cold.listMs).toFixed(2)}  (${fmt(mixed.cold.listMs)} ÷ ${fmt(small.cold.listMs)}, ${mixed.cold.newMessages} nodes, 20 sessions at a time)`, '—'] as [string, string, string]] : []),
	['warm `sessions --json` ÷ `node -e 0`', `${(warm / nodeStart).toFixed(2)}  (${fmt(warm)} ÷ ${fmt(nodeStart)})`, '≤ 4'],
	['sync of 1,000 new nodes ÷ cold sync', `${(incremental.ms / cold.ms).toFixed(4)}  (${fmt(incremental.ms)}, ${incremental.newMessages} nodes)`, '≤ 0.02'],
	['peak RSS of the cold sync', `${cold.maxRssMb.toFixed(0)} MB`, '≤ 400 MB'],
	['second sync with nothing new', `${again.newMessages} new nodes (${fmt(again.ms)})`, '0'],
];
process.stdout.write('\nfoundation benchmark (one run, 2-core machine)\n');
for (const [name, value, goal] of rows) process.stdout.write(`  ${name.padEnd(40)} ${value.padEnd(50)} goal ${goal}\n`);
void timeCommand;
