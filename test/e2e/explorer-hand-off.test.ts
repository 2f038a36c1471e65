// Issue 17, item 9, in a real terminal: the keys users of these tools expect. R resumes the selected
// session in its agent after the explorer has left the alternate screen (a stand-in `claude` on PATH
// records what it was given), y puts the session ID on the clipboard through OSC 52 (tmux keeps it as a
// buffer), and o lends the terminal to $PAGER with the session as Markdown, then comes back.
import fs from 'node:fs';
import path from 'node:path';
import {CLI, tmuxServer} from './helpers/tmux.js';
import {sessionId, writeClaudeTree} from './helpers/claude-tree.js';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';

const server = tmuxServer('tapedeck-handoff-');
const {dir, tmux} = server;
afterAll(() => server.close());

const HOUR = 3_600_000;
const bin = path.join(dir, 'bin');
const record = path.join(dir, 'claude-args.txt');
const paged = path.join(dir, 'paged.txt');
const project = path.join(dir, 'work', 'shop');
let root = '';
let index = '';
const id = sessionId(7);

beforeAll(() => {
	fs.mkdirSync(bin, {recursive: true});
	fs.mkdirSync(project, {recursive: true});
	// Stand-ins: they record their arguments and working directory, and say who they are.
	fs.writeFileSync(path.join(bin, 'claude'), `#!/bin/sh\npwd > ${record}\necho "$@" >> ${record}\necho "stand-in claude: $*"\nexit 3\n`, {mode: 0o755});
	fs.writeFileSync(path.join(bin, 'fake-pager'), `#!/bin/sh\nhead -n 1 "$1" > ${paged}\necho "$1" >> ${paged}\n`, {mode: 0o755});
	const now = Date.now();
	root = writeClaudeTree(path.join(dir, 'projects'), [
		{id, project: 'shop', cwd: project, prompt: 'Add a coupon field to checkout', startMs: now - 2 * HOUR, endMs: now - HOUR},
	]);
	index = path.join(dir, 'index.sqlite');
});

function start(name: string) {
	tmux('new-session', '-d', '-x', '120', '-y', '35', '-s', name,
		`PATH=${bin}:$PATH PAGER=fake-pager ${process.execPath} ${CLI} --claude ${root} --index ${index} --refresh 0 --no-insights; echo "EXIT=$?"; sleep 600`);
	// tmux keeps what an application sends with OSC 52 as a paste buffer.
	tmux('set-option', '-s', 'set-clipboard', 'on');
	const pane = () => tmux('capture-pane', '-p', '-t', name);
	const until = (check: (s: string) => void) => vi.waitFor(() => check(pane()), {timeout: 20_000, interval: 50});
	return {pane, until, keys: (...k: string[]) => tmux('send-keys', '-t', name, ...k)};
}

describe('hand-offs in tmux', {timeout: 60_000}, () => {
	it('y copies the ID through OSC 52, and o shows the session in $PAGER and comes back', async () => {
		const t = start('copy');
		await t.until((s) => expect(s).toContain('1 of 1 session'));
		t.keys('y');
		await t.until((s) => expect(s).toContain(`copied ${id}`));
		await vi.waitFor(() => expect(tmux('show-buffer')).toBe(id), {timeout: 5000, interval: 50});
		t.keys('o');
		await t.until((s) => expect(s).toContain('fake-pager closed'));
		expect(t.pane()).toContain('SPEND');
		const [heading, file] = fs.readFileSync(paged, 'utf8').trim().split('\n');
		expect(heading).toMatch(/^# .*Add a coupon field to checkout/);
		expect(fs.existsSync(file!)).toBe(true);
		t.keys('q');
		await t.until((s) => expect(s).toContain('EXIT=0'));
	});

	it('R leaves the explorer and resumes the session in claude, in its directory, with its exit status', async () => {
		const t = start('resume');
		await t.until((s) => expect(s).toContain('1 of 1 session'));
		t.keys('R');
		await t.until((s) => expect(s).toContain('EXIT=3'));
		const screen = t.pane();
		expect(screen).toContain(`stand-in claude: --resume ${id}`);
		// The explorer's frame is gone: the agent ran on the restored terminal.
		expect(screen).not.toContain('SPEND');
		const [cwd, args] = fs.readFileSync(record, 'utf8').trim().split('\n');
		expect(args).toBe(`--resume ${id}`);
		expect(fs.realpathSync(cwd!)).toBe(fs.realpathSync(project));
	});
});
