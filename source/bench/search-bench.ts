// `npm run bench:search`: full-text search over a generated 1,000,000-message index, measured in one run:
//  1. `tapedeck search` p95 over 20 queries of different selectivity ÷ a warm `sessions --json`;
//  2. key → frame p95 typing a query after `/` ÷ moving in the list, at typing pace;
//  3. cold sync with the full-text index ÷ without it (--no-search-index): when the list is final, and when search is complete;
//  4. index file size with ÷ without.
// The tapes file (about 400 MB of text) is generated once into .bench/ and reused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {generateTapes} from './generate-tapes.js';
import {searchContent, VOCABULARY} from './search-text-gen.js';
import {fmt, median, percentile} from './measure.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, '..', 'cli.js');
const dir = path.resolve(process.env['BENCH_DIR'] ?? '.bench');
const SESSIONS = Number(process.env['BENCH_SESSIONS'] ?? 20_000);
const NODES = 50;
const START = Date.UTC(2026, 0, 1);
fs.mkdirSync(dir, {recursive: true});
const source = path.join(dir, `search-tapes-${SESSIONS}x${NODES}.sqlite`);
const rm = (file: string) => {
	for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, {force: true});
};

if (!fs.existsSync(source)) {
	const t0 = Date.now();
	process.stdout.write(`generating ${(SESSIONS * NODES).toLocaleString('en-US')} nodes into ${source} …\n`);
	generateTapes(`${source}.tmp`, {sessions: SESSIONS, nodesPerSession: NODES, startMs: START, content: searchContent});
	spawnSync('sqlite3', [`${source}.tmp`, 'PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;']);
	fs.renameSync(`${source}.tmp`, source);
	rm(`${source}.tmp`);
	process.stdout.write(`generated in ${fmt(Date.now() - t0)}\n`);
}

function syncOnce(index: string, searchIndex: boolean): {ms: number; listMs: number; cpuMs: number; newMessages: number} {
	rm(index);
	const env = {...process.env, BENCH_SEARCH_INDEX: searchIndex ? 'on' : 'off'};
	const r = spawnSync(process.execPath, [path.join(here, 'sync-once.js'), source, index], {encoding: 'utf8', env, maxBuffer: 1 << 26});
	if (r.status !== 0) throw new Error(`sync failed: ${r.stderr}`);
	spawnSync('sqlite3', [index, 'PRAGMA wal_checkpoint(TRUNCATE);']);
	return JSON.parse(r.stdout.trim().split('\n').pop()!) as {ms: number; listMs: number; cpuMs: number; newMessages: number};
}

const plain = path.join(dir, 'search-index-plain.sqlite');
const full = path.join(dir, 'search-index-fts.sqlite');
const size = (file: string) => fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
// The machine is shared: the sync with the index is bracketed by two without it, and compared with their mean.
const without1 = syncOnce(plain, false);
const withFts = syncOnce(full, true);
const without2 = syncOnce(plain, false);
const without = {ms: (without1.ms + without2.ms) / 2};
const withoutSize = size(plain);
rm(plain);

// From a word in most messages to a word in a handful, phrases, prefixes, exclusions and fields.
const QUERIES = [
	'the', 'error', 'session cursor', 'file -test', 'pars*', 'tool:Edit error', 'role:user cache', 'in:tool index',
	VOCABULARY[300]!, VOCABULARY[1_001]!, VOCABULARY[5_002]!, VOCABULARY[20_004]!, VOCABULARY[45_000]!,
	`${VOCABULARY[2_001]!.slice(0, 5)}*`, '"rate limiting"', '"terraform destroy" staging', 'TestSessionGrouping', 'SessionGrouping',
	'model:haiku "deploy staging"', 'zzqx-nothing-matches',
];
const args = ['--sqlite', source, '--index', full];
/** Wall time of one CLI run; search exits 1 when nothing matches, which is an answer, not a failure. */
function timed(argv: string[]): number {
	const start = process.hrtime.bigint();
	const r = spawnSync(process.execPath, [cli, ...argv, ...args], {stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30});
	const ms = Number(process.hrtime.bigint() - start) / 1e6;
	if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.toString().slice(0, 300)}`);
	return ms;
}
// Each query's runs alternate with runs of the warm report, so both meet the same load.
const warmRuns: number[] = [];
const sessionsRun = () => warmRuns.push(timed(['sessions', '--json']));
sessionsRun();
const searches = QUERIES.map((q) => {
	timed(['search', q, '--json']);
	const runs: number[] = [];
	for (let i = 0; i < 3; i++) {
		runs.push(timed(['search', q, '--json']));
		if (i < 2) sessionsRun();
	}
	return {q, ms: median(runs)};
});
const warm = median(warmRuns);
const matches = QUERIES.map((q) => {
	const r = spawnSync(process.execPath, [cli, 'search', q, '--json', '--limit', '10000', ...args], {encoding: 'utf8', maxBuffer: 1 << 30});
	return (JSON.parse(r.stdout || '[]') as unknown[]).length;
});
const searchP95 = percentile(searches.map((s) => s.ms), 95);

const typing = spawnSync(process.execPath, [path.join(here, 'search-typing.js'), source, full], {encoding: 'utf8', maxBuffer: 1 << 26});
if (typing.status !== 0) throw new Error(`typing failed: ${typing.stderr}`);
const keys = JSON.parse(typing.stdout.trim().split('\n').pop()!) as {idle: number[]; typing: number[]};
const typeP95 = percentile(keys.typing, 95);
const idleP95 = percentile(keys.idle, 95);

process.stdout.write(`\nsearch benchmark (one run; ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}; ${withFts.newMessages.toLocaleString('en-US')} messages, ${(fs.statSync(source).size / 1e6).toFixed(0)} MB tapes file)\n`);
for (const [i, s] of searches.entries()) process.stdout.write(`  search ${JSON.stringify(s.q).padEnd(34)} ${fmt(s.ms).padStart(10)}  ${matches[i] === 10_000 ? '≥10,000' : matches[i]!.toLocaleString('en-US')} matches\n`);
const line = (name: string, value: string, goal: string) => process.stdout.write(`  ${name.padEnd(46)} ${value.padEnd(48)} goal ${goal}\n`);
process.stdout.write('\n');
line('search p95 (20 queries) ÷ warm `sessions --json`', `${(searchP95 / warm).toFixed(2)}  (${fmt(searchP95)} ÷ median ${fmt(warm)} of ${warmRuns.length})`, '≤ 1');
line('key→frame p95 typing after / ÷ moving in the list', `${(typeP95 / idleP95).toFixed(2)}  (${fmt(typeP95)} ÷ ${fmt(idleP95)}; ${keys.typing.length} keys)`, '≤ 1.5');
// Two figures: the list is final (sessions, costs, sorting) when the search index starts filling in behind
// it; search is complete when the fill ends. The figure is the second (what the index costs a sync).
line('cold sync, list final with the index ÷ without', `${(withFts.listMs / without.ms).toFixed(2)}  (${fmt(withFts.listMs)} ÷ mean of ${fmt(without1.ms)}, ${fmt(without2.ms)})`, '(list first)');
line('cold sync, search complete ÷ without', `${(withFts.ms / without.ms).toFixed(2)}  (${fmt(withFts.ms)} ÷ mean of ${fmt(without1.ms)}, ${fmt(without2.ms)})`, '≤ 1.5');
line('  same in CPU time', `${(withFts.cpuMs / ((without1.cpuMs + without2.cpuMs) / 2)).toFixed(2)}  (${fmt(withFts.cpuMs)} ÷ mean of ${fmt(without1.cpuMs)}, ${fmt(without2.cpuMs)})`, '');
line('index size with ÷ without', `${(size(full) / withoutSize).toFixed(2)}  (${(size(full) / 1e6).toFixed(0)} MB ÷ ${(withoutSize / 1e6).toFixed(0)} MB)`, '≤ 1.6');
