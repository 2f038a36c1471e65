// Issue 17, item 4, in a real terminal: one clock for a period. A session that leaves the last 24 hours a
// few seconds after the explorer starts (with --refresh 0, so no sync moves the clock) is out of Sessions
// [24h] chosen after that moment, out of Analytics [24h], and out of `sessions --since 24h`.
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {CLI, tmuxServer} from './helpers/tmux.js';
import {sessionId, writeClaudeTree} from './helpers/claude-tree.js';
import {afterAll, describe, expect, it, vi} from 'vitest';

const server = tmuxServer('tapedeck-clock-');
const {dir, env, tmux} = server;
afterAll(() => server.close());

const HOUR = 3_600_000;
const CROSSES_IN_MS = 4000;

describe('one clock for a period, in tmux', {timeout: 60_000}, () => {
	it('counts the same sessions for 24h on Sessions, on Analytics and in the report', async () => {
		const now = Date.now();
		const root = writeClaudeTree(path.join(dir, 'projects'), [
			// Leaves the 24-hour window CROSSES_IN_MS after the start.
			{id: sessionId(1), project: 'edge', prompt: 'The session at the edge of the day', startMs: now - 25 * HOUR, endMs: now - 24 * HOUR + CROSSES_IN_MS},
			{id: sessionId(2), project: 'recent', prompt: 'A recent session', startMs: now - 2 * HOUR, endMs: now - HOUR},
			{id: sessionId(3), project: 'old', prompt: 'An old session', startMs: now - 80 * HOUR, endMs: now - 79 * HOUR},
		]);
		const index = path.join(dir, 'index.sqlite');
		const args = `--claude ${root} --index ${index}`;
		tmux('new-session', '-d', '-x', '120', '-y', '35', '-s', 'clock', `${process.execPath} ${CLI} ${args} --refresh 0 --no-insights; sleep 600`);
		const pane = () => tmux('capture-pane', '-p', '-t', 'clock');
		const until = (check: (s: string) => void) => vi.waitFor(() => check(pane()), {timeout: 20_000, interval: 50});
		await until((s) => expect(s).toContain('3 of 3 sessions'));
		// Past the edge session's moment, choose 24h.
		await vi.waitFor(() => expect(Date.now()).toBeGreaterThan(now + CROSSES_IN_MS + 500), {timeout: 10_000, interval: 100});
		tmux('send-keys', '-t', 'clock', 'p');
		await until((s) => expect(s).toContain('[24h]'));
		await until((s) => expect(s).toContain('1 of 3 sessions'));
		expect(pane()).toContain('A recent session');
		expect(pane()).not.toContain('The session at the edge');
		// Analytics opens on the same period and the same moment.
		tmux('send-keys', '-t', 'clock', 'a');
		await until((s) => expect(s).toContain('Analytics'));
		await until((s) => expect(s).toContain('1 of 3 sessions'));
		// The report, run now, agrees.
		const report = spawnSync(process.execPath, [CLI, 'sessions', '--claude', root, '--index', index, '--since', '24h', '--json'], {env, encoding: 'utf8'});
		expect(report.status).toBe(0);
		expect((JSON.parse(report.stdout) as {sessions: unknown[]}).sessions).toHaveLength(1);
	});
});
