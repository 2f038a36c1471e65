// Issue 17, item 8, in a real terminal: `e` on the Timeline writes the session's Markdown into the
// directory tapedeck was started in, or into `--export-dir`, and the status bar names the file.
import fs from 'node:fs';
import path from 'node:path';
import {CLI, tmuxServer} from './helpers/tmux.js';
import {afterAll, describe, expect, it, vi} from 'vitest';

const server = tmuxServer('tapedeck-export-');
const {dir, tmux} = server;
afterAll(() => server.close());

function start(name: string, flags = '') {
	const cwd = path.join(dir, name);
	fs.mkdirSync(cwd);
	tmux('new-session', '-d', '-x', '220', '-y', '30', '-s', name,
		`cd ${cwd} && HOME=${cwd} XDG_DATA_HOME=${cwd} ${process.execPath} ${CLI} --demo --refresh 0 --no-insights ${flags}; sleep 600`);
	const pane = () => tmux('capture-pane', '-p', '-t', name);
	const until = (check: (s: string) => void) => vi.waitFor(() => check(pane()), {timeout: 20_000, interval: 50});
	return {cwd, until, pane};
}

async function exportFirst(name: string, flags = '') {
	const t = start(name, flags);
	await t.until((s) => expect(s).toMatch(/\d+ of \d+ sessions/));
	// The list's first frame can come before its keys are read: Enter again until the session opens.
	await vi.waitFor(() => {
		if (!/tapedeck › Session(?!s)/.test(t.pane())) tmux('send-keys', '-t', name, 'Enter');
		expect(t.pane()).toMatch(/tapedeck › Session(?!s)/);
	}, {timeout: 20_000, interval: 700});
	tmux('send-keys', '-t', name, 'e');
	await t.until((s) => expect(s).toMatch(/exported to \S+\.md/));
	return {...t, file: t.pane().match(/exported to (\S+\.md)/)![1]!};
}

describe('Timeline export, in tmux', {timeout: 60_000}, () => {
	it('writes into the current directory by default', async () => {
		const {cwd, file} = await exportFirst('here');
		expect(path.dirname(file)).toBe(cwd);
		expect(fs.readFileSync(file, 'utf8')).toMatch(/^# /);
		expect(fs.readdirSync(cwd).filter((f) => f.endsWith('.md'))).toEqual([path.basename(file)]);
	});

	it('writes into --export-dir, creating it', async () => {
		const target = path.join(dir, 'elsewhere', 'notes');
		const {cwd, file} = await exportFirst('flag', `--export-dir ${target}`);
		expect(path.dirname(file)).toBe(target);
		expect(fs.existsSync(file)).toBe(true);
		expect(fs.readdirSync(cwd).filter((f) => f.endsWith('.md'))).toEqual([]);
	});
});
