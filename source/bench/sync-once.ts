// Child process of the benchmarks: one sync into an index, reporting time, what it wrote and peak RSS.
// Usage: sync-once <tapes.sqlite> <index>, or sync-once --postgres <url> <index>. The clock starts after the
// index is open, so Node's start-up is not in the figure; the lazy imports a sync makes (a driver) are.
import process from 'node:process';
import os from 'node:os';
import {openWorkspace} from '../workspace/open-workspace.js';
import {syncWorkspace} from '../workspace/sync-workspace.js';

const args = process.argv.slice(2);
const postgres = args[0] === '--postgres' ? args[1] : undefined;
const [source, index] = postgres === undefined ? args : [undefined, args[2]];
// BENCH_SEARCH_INDEX=off: the same sync without the full-text index (--no-search-index).
const searchIndex = process.env['BENCH_SEARCH_INDEX'] === 'off' ? false : undefined;
const opened = await openWorkspace({...(postgres === undefined ? {sqlite: source} : {postgres}), index, searchIndex, demo: false, overwrite: false,
	env: postgres === undefined ? process.env : {}, home: os.homedir(), cwd: process.cwd(), now: Date.now});
if (!opened.ok) {
	process.stderr.write(`${opened.error}\n`);
	process.exit(1);
}
const start = process.hrtime.bigint();
const cpuBefore = process.cpuUsage();
// The session list is complete and final when the count turns to another unit, as the explorer sees it: the
// search index filling in behind it, or the sessions' JSON rows (or at the end).
let listMs: number | null = null;
let firstUnit: string | undefined;
const synced = await syncWorkspace(opened.value, (p) => {
	firstUnit ??= p.unit ?? 'rows';
	if (listMs === null && (p.unit ?? 'rows') !== firstUnit) listMs = Number(process.hrtime.bigint() - start) / 1e6;
});
const ms = Number(process.hrtime.bigint() - start) / 1e6;
// CPU time of the sync (every thread of the process): steadier than wall time on a busy machine.
const cpu = process.cpuUsage(cpuBefore);
const cpuMs = (cpu.user + cpu.system) / 1000;
opened.value.close();
const newMessages = synced.summaries.reduce((a, s) => a + s.newMessages, 0);
const sessionsTouched = synced.summaries.reduce((a, s) => a + s.sessionsTouched, 0);
process.stdout.write(JSON.stringify({ms, listMs: listMs ?? ms, cpuMs, newMessages, sessionsTouched, maxRssMb: process.resourceUsage().maxRSS / 1024, errors: synced.errors}) + '\n');
