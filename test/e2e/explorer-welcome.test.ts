// Issue 17, item 8, in a real terminal: a first run that finds no source opens a welcome that says where
// it looked and offers the demo; Enter opens it, q leaves with status 1 (nothing could be read).
import fs from 'node:fs';
import path from 'node:path';
import {CLI, tmuxServer} from './helpers/tmux.js';
import {afterAll, describe, expect, it, vi} from 'vitest';

const server = tmuxServer('tapedeck-welcome-');
const {dir, tmux} = server;
afterAll(() => server.close());

function start(name: string) {
	const home = path.join(dir, name);
	fs.mkdirSync(home);
	tmux('new-session', '-d', '-x', '100', '-y', '30', '-s', name,
		`cd ${home} && env -u TAPES_SQLITE -u TAPES_DB -u CLAUDE_CONFIG_DIR -u CODEX_HOME HOME=${home} XDG_DATA_HOME=${home} ${process.execPath} ${CLI} --refresh 0 --no-insights; echo "EXIT=$?"; sleep 600`);
	const pane = () => tmux('capture-pane', '-p', '-t', name);
	return (check: (s: string) => void) => vi.waitFor(() => check(pane()), {timeout: 20_000, interval: 50});
}

describe('a first run with no source, in tmux', {timeout: 60_000}, () => {
	it('welcomes, says where it looked, and opens the demo on Enter', async () => {
		const until = start('yes');
		await until((s) => expect(s).toContain('Welcome to tapedeck'));
		await until((s) => expect(s).toContain('~/.claude/projects'));
		tmux('send-keys', '-t', 'yes', 'Enter');
		await until((s) => expect(s).toMatch(/\d+ of \d+ sessions/));
		// Leave it, so nothing is still writing the demo's index when the test's folder is removed.
		tmux('send-keys', '-t', 'yes', 'q');
		await until((s) => expect(s).toContain('EXIT=0'));
	});

	it('q leaves with status 1', async () => {
		const until = start('no');
		await until((s) => expect(s).toContain('Enter opens the demo'));
		tmux('send-keys', '-t', 'no', 'q');
		await until((s) => expect(s).toContain('EXIT=1'));
	});
});
