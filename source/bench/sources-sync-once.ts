// Child process of the sources benchmark: one sync of transcript roots into an index, reporting time,
// new messages, when the session list was final (since the process started) and peak RSS. Usage: sources-sync-once <index> <kind> <root>
import os from 'node:os';
import process from 'node:process';
import {openWorkspace} from '../workspace/open-workspace.js';
import {syncWorkspace} from '../workspace/sync-workspace.js';

const [index, kind, root] = process.argv.slice(2);
if (!index || !root || (kind !== 'claude' && kind !== 'codex' && kind !== 'promptkit')) throw new Error('usage: sources-sync-once <index> claude|codex|promptkit <root>');
const opened = await openWorkspace({index, [kind]: [root], demo: false, overwrite: false, env: {}, home: os.tmpdir(), cwd: os.tmpdir(), now: Date.now});
if (!opened.ok) throw new Error(opened.error);
const start = process.hrtime.bigint();
// The session list is complete and final when the search index starts filling in behind it (or at the end);
// `listSinceStartMs` counts from the process's start, as a peer's whole run is timed.
let listSinceStartMs: number | null = null;
const synced = await syncWorkspace(opened.value, (p) => {
	if (listSinceStartMs === null && p.source.endsWith('(search index)')) listSinceStartMs = performance.now();
});
const ms = Number(process.hrtime.bigint() - start) / 1e6;
listSinceStartMs ??= performance.now();
opened.value.close();
const newMessages = synced.summaries.reduce((a, s) => a + s.newMessages, 0);
const warnings = synced.summaries.reduce((a, s) => a + s.warnings.length, 0);
process.stdout.write(JSON.stringify({ms, listSinceStartMs, newMessages, warnings, maxRssMb: process.resourceUsage().maxRSS / 1024, errors: synced.errors}) + '\n');
