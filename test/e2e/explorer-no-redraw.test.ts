// Issue 17, item 8, in a real terminal: a refresh that changed nothing redraws nothing. With --refresh 1 on
// a source nobody writes, the explorer sends no byte to the terminal once its frame has settled, on Sessions
// (under the whole history and under a sliding 30-day period), Analytics and the Timeline. Before, each
// refresh flashed "syncing" and ticked "synced HH:MM:SS", and Ink redrew the whole frame twice a second.
// Needs `npm run build` (pretest).
import fs from 'node:fs';
import path from 'node:path';
import {CLI, demoTmuxServer} from './helpers/tmux.js';
import {describe, expect, it, vi} from 'vitest';

const server = demoTmuxServer('tapedeck-redraw-');
const {dir, tmux} = server;
const out = path.join(dir, 'pane.out');

const screen = () => tmux('capture-pane', '-p', '-t', 'live');
const until = (check: (s: string) => void) => vi.waitFor(() => check(screen()), {timeout: 30_000, interval: 50});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Bytes the explorer writes to the terminal over `ms`, from a settled frame; the screen stays as it was. */
async function bytesWritten(ms: number): Promise<number> {
	// Refreshes run every second: two of them let the frame settle after the last key.
	await sleep(2500);
	fs.rmSync(out, {force: true});
	const before = screen();
	tmux('pipe-pane', '-o', '-t', 'live', `cat >> ${out}`);
	await sleep(ms);
	tmux('pipe-pane', '-t', 'live');
	// Among what stays: the status line's "synced HH:MM:SS", the time the index last changed.
	expect(screen()).toBe(before);
	return fs.existsSync(out) ? fs.statSync(out).size : 0;
}

describe('a refresh that changed nothing', {timeout: 120_000}, () => {
	it('writes nothing to the terminal on Sessions, Analytics and the Timeline', async () => {
		tmux('new-session', '-d', '-x', '120', '-y', '35', '-s', 'live', `${process.execPath} ${CLI} --demo --refresh 1 --no-insights; echo EXIT=$?; sleep 600`);
		await until((s) => expect(s).toMatch(/synced \d\d:\d\d:\d\d[\s\S]*67 of 67 sessions/));
		expect(await bytesWritten(4000)).toBe(0);

		// 30 days: the demo puts a session at the edge of the last 24 hours, which may leave it during the test
		// (a real change, drawn), and none near the edge of 30 days.
		tmux('send-keys', '-t', 'live', 'p', 'p', 'p');
		await until((s) => expect(s).toContain('[30d]'));
		expect(await bytesWritten(3500)).toBe(0);

		tmux('send-keys', '-t', 'live', 'a');
		await until((s) => expect(s).toContain('tapedeck › Analytics'));
		expect(await bytesWritten(3500)).toBe(0);

		tmux('send-keys', '-t', 'live', 'Escape');
		await until((s) => expect(s).toContain('tapedeck › Sessions'));
		tmux('send-keys', '-t', 'live', 'Enter');
		await until((s) => expect(s).toContain('tapedeck › Session\n'));
		expect(await bytesWritten(3500)).toBe(0);

		// Some 20 refreshes ran on one abort signal; Node's warnings wait for the restored terminal, and none came.
		tmux('send-keys', '-t', 'live', 'q');
		await until((s) => expect(s).toContain('EXIT=0'));
		expect(screen()).not.toMatch(/Warning/);
	});
});
