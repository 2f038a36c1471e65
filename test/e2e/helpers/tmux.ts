// A private tmux server for end-to-end tests: its socket and the data directory live (and go) with a temp
// directory, so tests never meet the user's tmux or data.
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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
		spawnSync('tmux', ['-S', socket, 'kill-server'], {env});
		// A program the server just hung up on may still be closing its files in there (its sync thread finishing a
		// write on a loaded machine): retry ENOTEMPTY for up to 5 s.
		fs.rmSync(dir, {recursive: true, force: true, maxRetries: 50, retryDelay: 100});
	}};
}
