// Child process of the benchmark: one sync of a tapes database into an index, reporting time and peak RSS.
import process from 'node:process';
import os from 'node:os';
import {openWorkspace} from '../workspace/open-workspace.js';
import {syncWorkspace} from '../workspace/sync-workspace.js';

const [sqlite, index] = process.argv.slice(2);
// BENCH_SEARCH_INDEX=off: the same sync without the full-text index (--no-search-index).
const searchIndex = process.env['BENCH_SEARCH_INDEX'] === 'off' ? false : undefined;
const opened = openWorkspace({sqlite, index, searchIndex, demo: false, overwrite: false, env: process.env, home: os.homedir(), cwd: process.cwd(), now: Date.now});
if (!opened.ok) {
	process.stderr.write(`${opened.error}\n`);
	process.exit(1);
}
const start = process.hrtime.bigint();
const synced = await syncWorkspace(opened.value);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
opened.value.close();
const newMessages = synced.summaries.reduce((a, s) => a + s.newMessages, 0);
process.stdout.write(JSON.stringify({ms, newMessages, maxRssMb: process.resourceUsage().maxRSS / 1024, errors: synced.errors}) + '\n');
