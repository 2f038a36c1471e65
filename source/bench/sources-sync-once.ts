// Child process of the sources benchmark: one sync of transcript roots into an index, reporting time,
// new messages and peak RSS. Usage: sources-sync-once <index> <kind> <root>
import os from 'node:os';
import process from 'node:process';
import {openWorkspace} from '../workspace/open-workspace.js';
import {syncWorkspace} from '../workspace/sync-workspace.js';

const [index, kind, root] = process.argv.slice(2);
if (!index || !root || (kind !== 'claude' && kind !== 'codex' && kind !== 'promptkit')) throw new Error('usage: sources-sync-once <index> claude|codex|promptkit <root>');
const opened = await openWorkspace({index, [kind]: [root], demo: false, overwrite: false, env: {}, home: os.tmpdir(), cwd: os.tmpdir(), now: Date.now});
if (!opened.ok) throw new Error(opened.error);
const start = process.hrtime.bigint();
const synced = await syncWorkspace(opened.value);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
opened.value.close();
const newMessages = synced.summaries.reduce((a, s) => a + s.newMessages, 0);
const warnings = synced.summaries.reduce((a, s) => a + s.warnings.length, 0);
process.stdout.write(JSON.stringify({ms, newMessages, warnings, maxRssMb: process.resourceUsage().maxRSS / 1024, errors: synced.errors}) + '\n');
