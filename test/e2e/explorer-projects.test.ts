// Issue 17, item 9, in a real terminal: the project roll-up. `b` on Sessions lists the projects with the
// figures `tapedeck projects --json` prints for the same data (subagents in their project's cost and count),
// Enter goes back to Sessions filtered to the project under the cursor, with the filter on show.
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {afterAll, describe, expect, it, vi} from 'vitest';
import {formatCostShort} from '../../source/core/format.js';
import {CLI, tmuxServer} from './helpers/tmux.js';
import {sessionId, writeClaudeTree} from './helpers/claude-tree.js';

const server = tmuxServer('tapedeck-projects-');
const {dir, env, tmux} = server;
afterAll(() => server.close());

const HOUR = 3_600_000;

interface ReportRow {project: string; sessions: number; subagent_sessions: number; total_cost_incl_subagents: number; success_rate: number}

describe('the Projects view, in tmux', {timeout: 60_000}, () => {
	it('shows the report\'s figures and filters Sessions to the chosen project', async () => {
		const now = Date.now();
		const root = writeClaudeTree(path.join(dir, 'projects'), [
			{id: sessionId(1), project: 'alpha', prompt: 'Alpha one', startMs: now - 5 * HOUR, endMs: now - 4 * HOUR, output: 9000, subagent: 'Alpha helper'},
			{id: sessionId(2), project: 'alpha', prompt: 'Alpha two', startMs: now - 3 * HOUR, endMs: now - 2 * HOUR, output: 4000},
			{id: sessionId(3), project: 'beta', prompt: 'Beta only', startMs: now - 2 * HOUR, endMs: now - HOUR, output: 200},
		]);
		const index = path.join(dir, 'index.sqlite');
		const args = `--claude ${root} --index ${index}`;
		tmux('new-session', '-d', '-x', '120', '-y', '35', '-s', 'p', `${process.execPath} ${CLI} ${args} --refresh 0 --no-insights; sleep 600`);
		const pane = () => tmux('capture-pane', '-p', '-t', 'p');
		const until = (check: (s: string) => void) => vi.waitFor(() => check(pane()), {timeout: 20_000, interval: 50});
		await until((s) => expect(s).toContain('3 of 3 sessions'));
		tmux('send-keys', '-t', 'p', 'b');
		await until((s) => expect(s).toContain('tapedeck › Projects'));
		await until((s) => expect(s).toContain('2 projects'));

		const out = spawnSync(process.execPath, [CLI, 'projects', '--claude', root, '--index', index, '--json'], {env, encoding: 'utf8'});
		expect(out.status).toBe(0);
		const rows = (JSON.parse(out.stdout) as {projects: ReportRow[]}).projects;
		expect(rows.map((r) => r.project)).toEqual(['alpha', 'beta']);
		const lines = pane().split('\n');
		for (const r of rows) {
			const line = lines.find((l) => l.slice(2).startsWith(`${r.project} `));
			expect(line, r.project).toBeDefined();
			expect(line).toContain(String(r.sessions) + (r.subagent_sessions ? ` +${r.subagent_sessions}↳` : ''));
			expect(line).toContain(formatCostShort(r.total_cost_incl_subagents));
			expect(line).toContain(`${Math.round(r.success_rate * 100)}%`);
		}
		expect(lines.find((l) => l.startsWith('›'))).toContain('alpha');

		// Enter on beta: the list, filtered to it, says so.
		tmux('send-keys', '-t', 'p', 'j');
		await until((s) => expect(s.split('\n').find((l) => l.startsWith('›'))).toContain('beta'));
		tmux('send-keys', '-t', 'p', 'Enter');
		await until((s) => expect(s).toContain('tapedeck › Sessions'));
		await until((s) => expect(s).toContain('1 of 3 sessions'));
		expect(pane()).toContain('project:beta');
		expect(pane()).toContain('Beta only');
		expect(pane()).not.toContain('Alpha two');
		tmux('send-keys', '-t', 'p', 'q');
	});
});
