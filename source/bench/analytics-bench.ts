// `npm run bench:analytics`: analytics over 100,000 sessions ÷ the warm sessions report on the same index.
import fs from 'node:fs';
import path from 'node:path';
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {generateTapes} from './generate-tapes.js';
import {fmt, medianCommand} from './measure.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, '..', 'cli.js');
const dir = path.resolve(process.env['BENCH_DIR'] ?? '.bench');
const SESSIONS = Number(process.env['BENCH_SESSIONS'] ?? 100_000);
fs.mkdirSync(dir, {recursive: true});
const source = path.join(dir, `analytics-${SESSIONS}x4.sqlite`);
const index = path.join(dir, `analytics-${SESSIONS}-index.sqlite`);

if (!fs.existsSync(source)) {
	process.stdout.write(`generating ${SESSIONS} sessions of 4 nodes …\n`);
	generateTapes(source, {sessions: SESSIONS, nodesPerSession: 4, startMs: Date.now() - SESSIONS * 7 * 60_000});
	for (const suffix of ['', '-wal', '-shm']) fs.rmSync(index + suffix, {force: true});
}
const args = ['--sqlite', source, '--index', index, '--tz', 'Europe/Berlin'];
const sync = spawnSync(process.execPath, [cli, 'sync', ...args], {stdio: 'inherit'});
if (sync.status !== 0) throw new Error('sync failed');

const sessions = medianCommand(3, process.execPath, [cli, 'sessions', '--json', ...args]);
const analytics = medianCommand(3, process.execPath, [cli, 'analytics', '--json', ...args]);
process.stdout.write(`\nanalytics benchmark (${SESSIONS.toLocaleString('en-US')} sessions, one run)\n`);
process.stdout.write(`  analytics --json ÷ warm sessions --json   ${(analytics / sessions).toFixed(2)}  (${fmt(analytics)} ÷ ${fmt(sessions)})   goal ≤ 2\n`);
