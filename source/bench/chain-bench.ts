// `npm run bench:chain`: one tapes session that is a single chain of 200,000 and of 1,000,000 messages,
// generated here, each synced cold into a fresh index in a child process. Prints time and peak RSS of
// each, and the ratio of time per message (1.0 is linear; the quadratic sync gave about 4.6).
import fs from 'node:fs';
import path from 'node:path';
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {generateTapes} from './generate-tapes.js';
import {fmt} from './measure.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.resolve(process.env['BENCH_DIR'] ?? '.bench');
const LENGTHS = (process.env['BENCH_CHAIN'] ?? '200000,1000000').split(',').map(Number);
fs.mkdirSync(dir, {recursive: true});

const rm = (file: string) => {
	for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, {force: true});
};

function syncOnce(sqlite: string, index: string): {ms: number; newMessages: number; maxRssMb: number} {
	const r = spawnSync(process.execPath, [path.join(here, 'sync-once.js'), sqlite, index], {encoding: 'utf8', maxBuffer: 1 << 26});
	if (r.status !== 0) throw new Error(`sync failed: ${r.stderr}`);
	return JSON.parse(r.stdout.trim().split('\n').pop()!) as {ms: number; newMessages: number; maxRssMb: number};
}

const results: Array<{n: number; ms: number; rss: number}> = [];
for (const n of LENGTHS) {
	const source = path.join(dir, `chain-${n}.sqlite`);
	if (!fs.existsSync(source)) {
		process.stdout.write(`generating a chain of ${n.toLocaleString('en-US')} messages …\n`);
		rm(`${source}.tmp`);
		generateTapes(`${source}.tmp`, {sessions: 1, nodesPerSession: n, startMs: Date.UTC(2026, 0, 1)});
		fs.renameSync(`${source}.tmp`, source);
		for (const suffix of ['-wal', '-shm']) if (fs.existsSync(`${source}.tmp${suffix}`)) fs.renameSync(`${source}.tmp${suffix}`, source + suffix);
	}
	const index = path.join(dir, `chain-index-${n}.sqlite`);
	rm(index);
	const r = syncOnce(source, index);
	if (r.newMessages !== n) throw new Error(`synced ${r.newMessages} of ${n} messages`);
	results.push({n, ms: r.ms, rss: r.maxRssMb});
	process.stdout.write(`chain of ${n.toLocaleString('en-US')}: sync ${fmt(r.ms)}, peak RSS ${Math.round(r.maxRssMb)} MB\n`);
	rm(index);
}
if (results.length >= 2) {
	const [a, b] = [results[0]!, results.at(-1)!];
	process.stdout.write(`time per message, ${b.n.toLocaleString('en-US')} vs ${a.n.toLocaleString('en-US')}: ×${((b.ms / b.n) / (a.ms / a.n)).toFixed(2)} (1.00 is linear)\n`);
	process.stdout.write(`peak RSS, ${b.n.toLocaleString('en-US')} vs ${a.n.toLocaleString('en-US')}: ×${(b.rss / a.rss).toFixed(2)}\n`);
}
