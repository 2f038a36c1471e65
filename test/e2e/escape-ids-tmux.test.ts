// The explorer over sources whose IDs, paths and warnings carry OSC 52, OSC 0, CSI 2J, DCS and C1, in a
// real terminal: every byte the explorer writes is recorded (tmux pipe-pane), and none of those sequences
// is among them, on the Sessions screen, the problems overlay, every session's Timeline, Analytics,
// Insights and the pickers; the pane keeps its title. Needs `npm run build` (pretest).
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {CLI, tmuxServer} from './helpers/tmux.js';
import {writeHostileSources} from '../helpers/hostile-sources.js';

const server = tmuxServer('tapedeck-e2e-esc-');
const {dir, tmux} = server;
const raw = path.join(dir, 'raw.out');
const pane = () => tmux('capture-pane', '-p', '-t', 'esc');
const keys = (...k: string[]) => tmux('send-keys', '-t', 'esc', ...k);
const until = (check: (screen: string) => void) => vi.waitFor(() => check(pane()), {timeout: 20_000, interval: 50});
// What a terminal must never get from the data: OSC (title, clipboard), DCS, APC/PM/SOS, any C1 control,
// and a clear of the whole screen. Ink's own output is CSI cursor moves, erases of lines and SGR colours.
const FORBIDDEN = /\u001b[\]P_^X]|[\u0080-\u009f]|\u001b\[2J/;

beforeAll(() => {
	const s = writeHostileSources(dir);
	const args = ['--sqlite', s.sqlite, '--claude', s.claude, '--codex', s.codex, '--promptkit', s.promptkit, '--index', path.join(dir, 'index.sqlite'), '--refresh', '0'];
	tmux('new-session', '-d', '-x', '120', '-y', '35', '-s', 'esc', 'sleep 600');
	tmux('set-option', '-t', 'esc', 'allow-rename', 'on');
	tmux('select-pane', '-t', 'esc', '-T', 'tapedeck-test');
	tmux('pipe-pane', '-t', 'esc', '-o', `cat > ${raw}`);
	tmux('respawn-pane', '-k', '-t', 'esc', `${process.execPath} ${CLI} ${args.map((a) => `'${a}'`).join(' ')}; sleep 600`);
});
afterAll(() => server.close());

describe('control sequences from the data in a real terminal', {timeout: 120_000}, () => {
	it('reach no screen, and the pane keeps its title', async () => {
		const shown = () => Number(/(\d+) of \d+ sessions/.exec(pane())?.[1] ?? 0);
		await until(() => expect(shown()).toBeGreaterThanOrEqual(4));
		const n = shown();
		keys('w');
		await until((s) => expect(s).toContain('Problems'));
		expect(pane()).toContain('unreadable timestamp');
		// A key sent right after a lone Esc would read as Alt+key: each Esc is seen done before the next key.
		keys('Escape');
		await until((s) => expect(s).not.toContain('Problems'));
		for (let i = 0; i < n; i++) {
			keys('Enter');
			await until((s) => expect(s).not.toMatch(/of \d+ sessions/));
			keys('Escape');
			await until((s) => expect(s).toContain('› Sessions'));
			keys('j');
		}
		for (const [key, column] of [['m', 'model'], ['P', 'project'], ['A', 'agent']] as const) {
			keys(key);
			await until((s) => expect(s).toContain(`any ${column}`));
			keys('Escape');
			await until((s) => expect(s).not.toContain(`any ${column}`));
		}
		keys('a');
		await until((s) => expect(s).toContain('Analytics'));
		keys('Escape');
		await until((s) => expect(s).toContain('› Sessions'));
		keys('i');
		await until((s) => expect(s).toContain('Insights'));
		keys('Escape');
		await until((s) => expect(s).toContain('› Sessions'));
		const written = fs.readFileSync(raw, 'utf8');
		expect(written.length).toBeGreaterThan(1000);
		expect(written.match(FORBIDDEN)?.[0]).toBeUndefined();
		expect(tmux('display-message', '-p', '-t', 'esc', '#{pane_title}').trim()).toBe('tapedeck-test');
	});
});
