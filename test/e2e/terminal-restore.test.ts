// Every way out of the explorer gives the terminal back: Ctrl-C, SIGTERM and an error nothing caught each
// leave the alternate screen and raw mode (the shell after it is in cooked mode with echo), print at most
// one line, and exit with the status a shell expects; mouse reporting (on while the explorer runs) is off
// again after each, and while a pager has the terminal. Real CLI, real terminal (tmux); needs dist/.
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {CLI, tmuxServer} from './helpers/tmux.js';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';

const server = tmuxServer('tapedeck-restore-');
const {dir, env, tmux} = server;
const cli = CLI;
const preload = path.join(import.meta.dirname, 'helpers', 'throw-on-signal.mjs');

beforeAll(() => {
	// Seeds the demo once, so each test starts the explorer on it at once.
	expect(spawnSync(process.execPath, [cli, 'sessions', '--demo', '--json'], {env, stdio: 'ignore'}).status).toBe(0);
});

afterAll(() => server.close());

/** Starts the explorer in its own tmux window; the shell prints the exit status and the tty's modes after. */
async function start(name: string, {args = '', before = '', mouse = true}: {args?: string; before?: string; mouse?: boolean} = {}) {
	const pidFile = path.join(dir, `${name}.pid`);
	// exec keeps the PID the shell wrote, so the test can signal the explorer itself.
	const run = `sh -c 'echo $$ > ${pidFile}; ${before}exec ${process.execPath} --import ${preload} ${cli} --demo --refresh 0 ${args}'`;
	const after = `echo "EXIT=$?"; stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo)' | tr '\\n' ' '; echo; sleep 600`;
	tmux('new-session', '-d', '-x', '120', '-y', '35', '-s', name, `${run}; ${after}`);
	// -J joins lines the terminal wrapped, so a long message reads as the one line it is.
	const screen = () => tmux('capture-pane', '-p', '-J', '-t', name);
	const until = (check: (s: string) => void) => vi.waitFor(() => check(screen()), {timeout: 30_000, interval: 50});
	await until((s) => expect(s).toMatch(/\d+ of \d+ sessions/));
	// Raw mode comes on when the first input handler attaches, just after the first frame; wait for it, so
	// each test starts from the state it means to undo (and Ctrl-C is a key, not a signal).
	const tty = tmux('display-message', '-p', '-t', name, '#{pane_tty}').trim();
	await vi.waitFor(() => expect(spawnSync('stty', ['-F', tty, '-a'], {encoding: 'utf8'}).stdout).toMatch(/(^|\s)-icanon(;|\s|$)/),
		{timeout: 30_000, interval: 50});
	// tmux knows which mouse modes the program in the pane asked for: presses (1000) and SGR reports (1006).
	const mouseModes = () => tmux('display-message', '-p', '-t', name, '#{mouse_standard_flag}#{mouse_sgr_flag}').trim();
	expect(mouseModes()).toBe(mouse ? '11' : '00');
	return {screen, until, mouseModes, pid: Number(fs.readFileSync(pidFile, 'utf8').trim()), keys: (...k: string[]) => tmux('send-keys', '-t', name, ...k)};
}

/** What is left on the screen once the explorer is gone: only the lines the shell and tapedeck printed. */
function leftover(screen: string): string[] {
	return screen.split('\n').map((l) => l.trimEnd()).filter(Boolean);
}

describe('terminal restore', {timeout: 120_000}, () => {
	// In raw mode Ctrl-C is a key, bound to quit like q: a normal exit.
	it('Ctrl-C quits with 0 and leaves the terminal as it found it', async () => {
		const t = await start('ctrlc');
		t.keys('C-c');
		// The shell prints the status, then the modes: wait for both (under load the capture can fall between).
		await t.until((s) => expect(leftover(s)).toEqual(['EXIT=0', 'icanon echo']));
		expect(t.mouseModes()).toBe('00');
	});

	it('q quits with 0 and turns mouse reporting off', async () => {
		const t = await start('quit');
		t.keys('q');
		await t.until((s) => expect(leftover(s)).toEqual(['EXIT=0', 'icanon echo']));
		expect(t.mouseModes()).toBe('00');
	});

	it('--no-mouse leaves mouse reporting off', async () => {
		const t = await start('nomouse', {args: '--no-mouse', mouse: false});
		t.keys('q');
		await t.until((s) => expect(leftover(s)).toEqual(['EXIT=0', 'icanon echo']));
	});

	it('a pager lent the terminal gets it with the mouse off; the explorer turns it on again on return', async () => {
		const paging = path.join(dir, 'paging');
		const done = path.join(dir, 'paged');
		const pager = path.join(dir, 'wait-pager');
		// A stand-in pager: says it runs, then waits until the test lets it go.
		fs.writeFileSync(pager, `#!/bin/sh\ntouch ${paging}\nwhile [ ! -e ${done} ]; do sleep 0.05; done\n`, {mode: 0o755});
		const t = await start('pager', {before: `PAGER=${pager} `});
		t.keys('o');
		await vi.waitFor(() => expect(fs.existsSync(paging)).toBe(true), {timeout: 30_000, interval: 50});
		expect(t.mouseModes()).toBe('00');
		fs.writeFileSync(done, '');
		await t.until((s) => expect(s).toContain('wait-pager closed'));
		expect(t.mouseModes()).toBe('11');
		t.keys('q');
		await t.until((s) => expect(leftover(s)).toEqual(['EXIT=0', 'icanon echo']));
		expect(t.mouseModes()).toBe('00');
	});

	it('SIGTERM exits 143 and leaves the terminal as it found it', async () => {
		const t = await start('sigterm');
		process.kill(t.pid, 'SIGTERM');
		await t.until((s) => expect(leftover(s)).toEqual(['EXIT=143', 'icanon echo']));
		expect(t.mouseModes()).toBe('00');
	});

	it('an uncaught error exits 1 with one clean line, and its stack goes to crash.log beside the index', async () => {
		const t = await start('crash');
		process.kill(t.pid, 'SIGUSR2');
		await t.until((s) => expect(s).toMatch(/EXIT=1\n+.*echo/));
		const log = path.join(dir, 'tapedeck', 'demo', 'crash.log');
		const lines = leftover(t.screen());
		expect(lines[0]).toMatch(/^tapedeck: internal error: planted failure red \(the details are in .+crash\.log; please report it\)$/);
		// That line and nothing else: no stack on the terminal.
		expect(lines).toHaveLength(3);
		expect(lines.slice(-2)).toEqual(['EXIT=1', 'icanon echo']);
		expect(fs.readFileSync(log, 'utf8')).toMatch(/planted failure[\s\S]*\n\s+at /);
		expect(t.mouseModes()).toBe('00');
	});
});
