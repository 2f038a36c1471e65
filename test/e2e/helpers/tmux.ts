// A private tmux server for end-to-end tests: its socket and the data directory live (and go) with a temp
// directory, so tests never meet the user's tmux or data.
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll} from 'vitest';

export const CLI = path.resolve(import.meta.dirname, '..', '..', '..', 'dist', 'cli.js');

export interface TmuxServer {
	/** The temp directory: XDG_DATA_HOME of everything started here. */
	dir: string;
	env: NodeJS.ProcessEnv;
	tmux(...args: string[]): string;
	/** Kills the server and removes the directory. */
	close(): void;
}

export function tmuxServer(prefix: string): TmuxServer {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	const socket = path.join(dir, 'tmux.sock');
	const env: NodeJS.ProcessEnv = {...process.env, XDG_DATA_HOME: dir, TZ: 'UTC', TERM: 'xterm-256color'};
	const tmux = (...args: string[]): string => {
		const r = spawnSync('tmux', ['-S', socket, '-f', '/dev/null', ...args], {env, encoding: 'utf8'});
		if (r.error) throw new Error(`tmux is needed for the end-to-end tests (.ci/run installs it): ${r.error.message}`);
		if (r.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${r.stderr}`);
		return r.stdout;
	};
	return {dir, env, tmux, close: () => {
		// Each pane's shell leads its own process group (the program in it included): the groups are killed and
		// waited for before the directory goes, or a program still closing its index (a sync thread mid-write on a
		// loaded machine) makes the removal fail with ENOTEMPTY.
		const listed = spawnSync('tmux', ['-S', socket, 'list-panes', '-a', '-F', '#{pane_pid}'], {env, encoding: 'utf8'});
		const groups = (listed.stdout ?? '').split('\n').map(Number).filter((pid) => pid > 0);
		spawnSync('tmux', ['-S', socket, 'kill-server'], {env});
		for (const pid of groups) {
			try {
				process.kill(-pid, 'SIGKILL');
			} catch {
				// Already gone.
			}
		}
		const pause = new Int32Array(new SharedArrayBuffer(4));
		for (let waited = 0; waited < 10_000 && groups.some(inGroup); waited += 50) Atomics.wait(pause, 0, 0, 50);
		fs.rmSync(dir, {recursive: true, force: true, maxRetries: 50, retryDelay: 100});
	}};
}

/** Whether any process of this group is still alive (Linux: read from /proc). */
function inGroup(pgid: number): boolean {
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			// The fifth field after the command (which may hold spaces, hence from the last ')') is the group.
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(fields[2]) === pgid && fields[0] !== 'Z') return true;
		} catch {
			// Gone while we looked.
		}
	}
	return false;
}

/** A tmux server for this test file, with the demo seeded once before its tests (so each start opens it at once) and closed after them. */
export function demoTmuxServer(prefix: string): TmuxServer {
	const server = tmuxServer(prefix);
	beforeAll(() => {
		const seeded = spawnSync(process.execPath, [CLI, 'sessions', '--demo', '--json'], {env: server.env, stdio: 'ignore'});
		if (seeded.status !== 0) throw new Error(`seeding the demo failed (exit ${seeded.status})`);
	});
	afterAll(() => server.close());
	return server;
}
