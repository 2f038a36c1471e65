// Child process of the PostgreSQL benchmark: one sync of a tapes server into an index, reporting time and peak RSS.
import process from 'node:process';
import os from 'node:os';
import {openWorkspace} from '../workspace/open-workspace.js';
import {syncWorkspace} from '../workspace/sync-workspace.js';

const [url, index] = process.argv.slice(2);
const opened = openWorkspace({postgres: url!, index: index!, demo: false, overwrite: false, env: {}, home: os.homedir(), cwd: process.cwd(), now: Date.now});
if (!opened.ok) {
	process.stderr.write(`${opened.error}\n`);
	process.exit(1);
}
const start = process.hrtime.bigint();
const synced = await syncWorkspace(opened.value);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
opened.value.close();
const newMessages = synced.summaries.reduce((a, s) => a + s.newMessages, 0);
const sessionsTouched = synced.summaries.reduce((a, s) => a + s.sessionsTouched, 0);
process.stdout.write(JSON.stringify({ms, newMessages, sessionsTouched, maxRssMb: process.resourceUsage().maxRSS / 1024, errors: synced.errors}) + '\n');
