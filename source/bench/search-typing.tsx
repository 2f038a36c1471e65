// Child process of bench:search: key → frame on the Sessions screen over the 1M-message index, at a
// person's typing pace (80–250 ms between keys, so some pauses outlast the search's debounce and its
// query runs between keys): `j` in the list (idle typing) against typing queries after `/`.
import {pushAll} from '../core/numbers.js';
import os from 'node:os';
import process from 'node:process';
import React from 'react';
import {render} from 'ink';
import {App} from '../app.js';
import {DEFAULT_FILTERS} from '../core/types.js';
import {initialFilterState} from '../core/screens/sessions-filters.js';
import {prng} from '../core/prng.js';
import {openWorkspace} from '../workspace/open-workspace.js';
import {createWorkspaceServices} from '../ui/services/workspace-services.js';
import {createSessionMatchThread} from '../workspace/session-match-thread.js';
import {createSessionMatcher} from '../workspace/session-matches.js';
import {BenchStdin, BenchStdout, KEYS} from './explorer-tty.js';

process.env['NODE_ENV'] ??= 'production';
const [sqlite, index] = process.argv.slice(2);
const opened = await openWorkspace({sqlite, index, demo: false, overwrite: false, env: process.env, home: os.homedir(), cwd: process.cwd(), now: Date.now});
if (!opened.ok) throw new Error(opened.error);
// As the explorer runs (ui/launch.tsx): `/`'s content search on its own thread; BENCH_MATCH_THREAD=off keeps it on this one.
const ws = opened.value;
const matchThread = process.env['BENCH_MATCH_THREAD'] === 'off' ? undefined : createSessionMatchThread(ws.indexPath, () => createSessionMatcher(ws.indexPath, ws.store.db));
const {services} = createWorkspaceServices(ws, {timeZone: 'UTC', now: Date.now, refreshSec: 0, ...(matchThread ? {matchThread} : {})});
const QUERIES = ['migration', 'rate limiting', 'terraform', 'kavelo', 'session cursor', 'TestSession', 'deploy -staging', 'tool:Bash error'];

const size = {columns: 120, rows: 35};
const stdout = new BenchStdout(size.columns, size.rows);
const stdin = new BenchStdin();
const instance = render(<App services={services} initial={initialFilterState(DEFAULT_FILTERS, 'all')} size={size} />, {
	stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream,
	stderr: stdout as unknown as NodeJS.WriteStream, exitOnCtrlC: false, patchConsole: false,
});
const rand = prng(11);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Presses a key and resolves with the time to the first frame after it (the key's own frame). */
async function press(data: string): Promise<number> {
	const start = performance.now();
	const frame = stdout.nextWrite();
	stdin.press(data);
	await Promise.race([frame, sleep(10_000)]);
	return stdout.lastWriteAt - start;
}

/** Keys at a typing pace: the next one is pressed 80–250 ms after the previous, whatever is still running. */
async function typed(keys: string[]): Promise<number[]> {
	const out: number[] = [];
	for (const k of keys) {
		const due = performance.now() + 80 + rand() * 170;
		out.push(await press(k));
		const wait = due - performance.now();
		if (wait > 0) await sleep(wait);
	}
	return out;
}

await stdout.settle(200);
const idle: number[] = [];
const typing: number[] = [];
for (const q of QUERIES) {
	pushAll(idle, await typed(Array.from({length: Array.from(q).length}, () => 'j')));
	await stdout.settle(200);
	await press('/');
	pushAll(typing, await typed(Array.from(q)));
	await stdout.settle(300);
	await press(KEYS.escape);
	await stdout.settle(300);
}
instance.unmount();
await matchThread?.close();
opened.value.close();
process.stdout.write(JSON.stringify({idle, typing}) + '\n');
process.exit(0);
