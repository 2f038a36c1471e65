// `tapedeck projects`: each figure equals the sum of the rows `sessions --json` prints for the same flags.
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {copyFixture} from '../helpers/transcripts.js';
import {tempDir} from '../helpers/workspace.js';
import {runCli} from './run-cli.js';

type SessionRow = {project: string; parent_id: string | null; status: string; total_cost: number | null; total_tokens: number;
	duration_ns: number; end_time: string; subagent_total_cost: number | null};
type ProjectRow = {project: string; sessions: number; subagent_sessions: number; total_cost_incl_subagents: number;
	total_tokens_incl_subagents: number; duration_ns: number; last_active: string; success_rate: number};

function expectSums(flags: string[], env: Record<string, string>) {
	const sessions = (JSON.parse(runCli(['sessions', '--json', ...flags], env).stdout) as {sessions: SessionRow[]}).sessions;
	const run = runCli(['projects', '--json', ...flags], env);
	expect(run.status).toBe(0);
	const projects = (JSON.parse(run.stdout) as {projects: ProjectRow[]}).projects;
	expect(projects.map((p) => p.project).sort()).toEqual([...new Set(sessions.map((s) => s.project))].sort());
	for (const p of projects) {
		const rows = sessions.filter((s) => s.project === p.project);
		const top = rows.filter((s) => s.parent_id === null);
		expect(p.sessions).toBe(top.length);
		expect(p.subagent_sessions).toBe(rows.length - top.length);
		expect(p.total_cost_incl_subagents).toBeCloseTo(rows.reduce((a, s) => a + (s.total_cost ?? 0), 0), 9);
		expect(p.total_tokens_incl_subagents).toBe(rows.reduce((a, s) => a + s.total_tokens, 0));
		expect(p.duration_ns).toBeCloseTo(rows.reduce((a, s) => a + s.duration_ns, 0), -3);
		expect(p.last_active).toBe(rows.map((s) => s.end_time).sort().at(-1));
		expect(p.success_rate).toBeCloseTo(top.filter((s) => s.status === 'completed').length / top.length, 12);
	}
	return {sessions, projects};
}

describe('tapedeck projects', () => {
	it('sums the demo sessions per project, with the period and filters honoured', () => {
		const env = {XDG_DATA_HOME: tempDir()};
		const all = expectSums(['--demo'], env);
		expect(all.projects.length).toBeGreaterThan(1);
		const failed = expectSums(['--demo', '--status', 'failed', '--since', '14d'], env);
		expect(failed.sessions.length).toBeLessThan(all.sessions.length);
		const table = runCli(['projects', '--demo', '--limit', '2'], env);
		expect(table.stdout).toMatch(/^project\s+sessions\s+cost incl\. subagents/);
		expect(table.stdout).toMatch(/\d+ projects \(2 shown\)/);
		const csv = runCli(['projects', '--demo', '--csv'], env).stdout.trim().split('\n');
		expect(csv[0]).toMatch(/^project,sessions,subagent_sessions,total_cost_incl_subagents,/);
		expect(csv).toHaveLength(all.projects.length + 1);
	});

	it('counts subagents in cost and tokens, and top-level sessions in the count', () => {
		const dir = tempDir();
		const flags = ['--claude', copyFixture('claude-code', dir), '--index', path.join(dir, 'index.sqlite')];
		const {sessions, projects} = expectSums(flags, {});
		expect(sessions.some((s) => s.parent_id !== null)).toBe(true);
		expect(projects.reduce((a, p) => a + p.subagent_sessions, 0)).toBe(sessions.filter((s) => s.parent_id !== null).length);
	});
});
