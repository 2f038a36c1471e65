// The explorer during a first import of a large Claude Code tree: key → frame while the import runs, the
// same keys once it is done, and (in a pseudo-terminal) how long until the first session is on screen.
// The key is `?` (help) then Esc: each frame is recognised by its text, so a frame the import drew (its
// progress, new sessions) is never taken for the key's.
import fs from 'node:fs';
import os from 'node:os';
import React from 'react';
import {render} from 'ink';
import {App} from '../app.js';
import {EXPLORER_MAX_FPS} from '../ui/launch.js';
import {DEFAULT_FILTERS} from '../core/types.js';
import {initialFilterState} from '../core/screens/sessions-filters.js';
import {openWorkspace} from '../workspace/open-workspace.js';
import {createWorkspaceServices} from '../ui/services/workspace-services.js';
import {createSyncThread, syncThreadData} from '../sync/sync-thread.js';
import {BenchStdin, BenchStdout, KEYS} from './explorer-tty.js';

/** A bench terminal that also keeps the text of the last write. */
class TextStdout extends BenchStdout {
	last = '';
	private textWaiters: Array<{test: (s: string) => boolean; resolve: () => void}> = [];
	override write = (chunk: string): boolean => {
		this.writes++;
		this.lastWriteAt = performance.now();
		this.last = chunk;
		this.textWaiters = this.textWaiters.filter((w) => !(w.test(chunk) && (w.resolve(), true)));
		return true;
	};
	/** Resolves at the first write from now on whose text passes `test`. */
	next(test: (s: string) => boolean, timeoutMs = 10_000): Promise<void> {
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('no such frame within the time limit')), timeoutMs);
			this.textWaiters.push({test, resolve: () => {
				clearTimeout(timer);
				resolve();
			}});
		});
	}
}

export interface ImportKeys {
	/** Key → frame while the import ran. */
	during: number[];
	/** The same keys with the import done. */
	idle: number[];
	importMs: number;
	sessions: number;
}

const HELP = 'While searching';
const LIST = 'SPEND';
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Opens the explorer on `root` with a fresh index and presses `?`/Esc during the import and after it. */
export async function measureImportKeys(root: string, index: string, samples: number, size = {columns: 120, rows: 35}): Promise<ImportKeys> {
	for (const s of ['', '-wal', '-shm']) fs.rmSync(index + s, {force: true});
	const opened = await openWorkspace({claude: [root], index, demo: false, overwrite: false, env: {}, home: os.homedir(), cwd: process.cwd(), now: Date.now});
	if (!opened.ok) throw new Error(opened.error);
	const ws = opened.value;
	const thread = createSyncThread(syncThreadData(ws));
	const {services, loop} = createWorkspaceServices(ws, {timeZone: 'UTC', now: Date.now, refreshSec: 0, syncThread: thread});
	const stdout = new TextStdout(size.columns, size.rows);
	const stdin = new BenchStdin();
	const instance = render(<App services={services} initial={initialFilterState(DEFAULT_FILTERS, 'all')} size={size} />, {
		stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream,
		stderr: stdout as unknown as NodeJS.WriteStream, exitOnCtrlC: false, patchConsole: false, maxFps: EXPLORER_MAX_FPS,
	});
	const started = performance.now();
	let importMs = 0;
	const synced = loop.syncNow().then(() => {
		importMs = performance.now() - started;
	});
	const press = async (data: string, shows: string, hides: string) => {
		const frame = stdout.next((s) => s.includes(shows) && !s.includes(hides));
		const start = performance.now();
		stdin.press(data);
		await frame;
		return performance.now() - start;
	};
	const round = async (out: number[]) => {
		out.push(await press('?', HELP, LIST));
		await pause(60 + Math.random() * 40);
		out.push(await press(KEYS.escape, LIST, HELP));
		await pause(60 + Math.random() * 40);
	};
	await pause(300);
	const during: number[] = [];
	while (importMs === 0 && during.length < samples) await round(during);
	await synced;
	await pause(300);
	const idle: number[] = [];
	while (idle.length < Math.max(during.length, 20)) await round(idle);
	instance.unmount();
	instance.cleanup();
	await loop.stop();
	await thread.close();
	const sessions = services.sessions.count(DEFAULT_FILTERS);
	ws.close();
	return {during, idle, importMs, sessions};
}
