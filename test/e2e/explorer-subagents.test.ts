// Issue 17, item 6, in a real terminal: subagents sit under their parent. The list and its KPIs count
// top-level sessions, a parent shows ▸ and its cost with its subagents' (as the report's "incl.
// subagents"), Space opens it to show the subagent marked ↳, and spend still counts every session.
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {CLI, tmuxServer} from './helpers/tmux.js';
import {sessionId, writeClaudeTree} from './helpers/claude-tree.js';
import {formatCost} from '../../source/core/format.js';
import {afterAll, describe, expect, it, vi} from 'vitest';

const server = tmuxServer('tapedeck-subagents-');
const {dir, env, tmux} = server;
afterAll(() => server.close());

const HOUR = 3_600_000;

interface JsonSession {
	id: string;
	label: string;
	parent_id: string | null;
	total_cost: number | null;
	total_cost_incl_subagents: number | null;
}

describe('subagents in tmux', {timeout: 60_000}, () => {
	it('nests a subagent under its parent, counts top-level sessions, and shows the cost with subagents', async () => {
		const now = Date.now();
		const root = writeClaudeTree(path.join(dir, 'projects'), [
			{id: sessionId(1), project: 'app', prompt: 'Fix the login redirect loop', startMs: now - 3 * HOUR, endMs: now - 2 * HOUR, output: 9000,
				subagent: 'Search the codebase for redirect handlers'},
			{id: sessionId(2), project: 'app', prompt: 'Write release notes', startMs: now - 5 * HOUR, endMs: now - 4 * HOUR, output: 200},
		]);
		const index = path.join(dir, 'index.sqlite');
		const report = spawnSync(process.execPath, [CLI, 'sessions', '--claude', root, '--index', index, '--json'], {env, encoding: 'utf8'});
		expect(report.status).toBe(0);
		const all = (JSON.parse(report.stdout) as {sessions: JsonSession[]}).sessions;
		expect(all).toHaveLength(3);
		const parent = all.find((s) => s.label.startsWith('Fix the login'))!;
		const child = all.find((s) => s.parent_id === parent.id)!;
		expect(child).toBeDefined();

		tmux('new-session', '-d', '-x', '120', '-y', '35', '-s', 'subs', `${process.execPath} ${CLI} --claude ${root} --index ${index} --refresh 0 --no-insights; sleep 600`);
		const pane = () => tmux('capture-pane', '-p', '-t', 'subs');
		const until = (check: (s: string) => void) => vi.waitFor(() => check(pane()), {timeout: 20_000, interval: 50});
		await until((s) => expect(s).toContain('2 of 2 sessions'));
		const rows = () => pane().split('\n').filter((l) => /^[› ] [A-Z][a-z]{2} [ \d]\d \d\d:\d\d /.test(l));
		expect(rows()).toHaveLength(2);
		expect(pane()).not.toContain('Search the codebase');
		// Sorted by cost, the parent comes first, marked ▸, with the cost of its subagent in.
		const first = rows()[0]!;
		expect(first).toContain('▸ Fix the login redirect loop');
		expect(first).toContain(formatCost(parent.total_cost_incl_subagents));
		expect(parent.total_cost_incl_subagents).toBeGreaterThan(parent.total_cost!);
		// Spend counts every session, subagents included.
		const spend = all.reduce((sum, s) => sum + (s.total_cost ?? 0), 0);
		expect(pane()).toContain(formatCost(spend));

		tmux('send-keys', '-t', 'subs', 'Space');
		await until((s) => expect(s).toContain('↳ Search the codebase'));
		expect(rows()).toHaveLength(3);
		expect(rows()[0]).toContain('▾ Fix the login');
		expect(rows()[1]).toContain('↳ Search the codebase');
		expect(pane()).toContain('2 of 2 sessions');
		// On the subagent, Enter opens its own timeline.
		tmux('send-keys', '-t', 'subs', 'j', 'Enter');
		await until((s) => expect(s).toMatch(/tapedeck › Session(?!s)/));
		expect(pane()).toContain('Search the codebase');
	});
});
