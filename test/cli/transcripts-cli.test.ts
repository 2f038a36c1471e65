// The built CLI over transcript sources: flags, discovery from $HOME, --source, `sources`, `show` of a
// subagent, and the message when nothing is found.
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {copyFixture} from '../helpers/transcripts.js';
import {tempDir} from '../helpers/workspace.js';
import {runCli} from './run-cli.js';

function tree() {
	const dir = tempDir();
	return {dir, claude: copyFixture('claude-code', dir), codex: copyFixture('codex', dir), promptkit: copyFixture('promptkit', dir), index: path.join(dir, 'index.sqlite')};
}

type Row = {id: string; source: string; agent_name: string; total_cost: number | null; parent_id: string | null; total_cost_incl_subagents: number | null};

describe('tapedeck with transcript sources', () => {
	it('reads every source named by flags, and --source keeps one kind', () => {
		const t = tree();
		const flags = ['--claude', t.claude, '--codex', t.codex, '--promptkit', t.promptkit, '--index', t.index];
		const all = runCli(['sessions', '--json', ...flags]);
		expect(all.status).toBe(0);
		const report = JSON.parse(all.stdout) as {sessions: Row[]; total_sessions: number; total_cost: number};
		expect(report.sessions.map((s) => s.source).sort()).toEqual(['claude-code', 'claude-code', 'claude-code', 'codex', 'promptkit', 'promptkit']);
		expect(new Set(report.sessions.map((s) => s.agent_name))).toEqual(new Set(['claude-code', 'codex', 'promptkit']));
		expect(report.total_cost).toBeCloseTo(report.sessions.reduce((a, s) => a + (s.total_cost ?? 0), 0), 12);
		const codex = JSON.parse(runCli(['sessions', '--json', '--source', 'codex', ...flags]).stdout) as {sessions: Row[]};
		expect(codex.sessions.map((s) => s.source)).toEqual(['codex']);
		const table = runCli(['sessions', '--source', 'claude-code', '--sort', 'date', ...flags]);
		expect(table.stdout).toContain('incl. subagents');
		// A subagent is labelled by the Task call that started it.
		expect(table.stdout).toContain('↳ Find the 401 cause');
		expect(table.stdout).toContain('filters: source:claude-code');
	});

	it('`sources` lists each source with sessions, messages, warnings and last sync', () => {
		const t = tree();
		const run = runCli(['sources', '--json', '--claude', t.claude, '--promptkit', t.promptkit, '--index', t.index]);
		expect(run.status).toBe(0);
		const {sources} = JSON.parse(run.stdout) as {sources: Array<{kind: string; path: string; sessions: number; messages: number; warnings: number; last_sync: string | null}>};
		expect(sources.map((s) => [s.kind, s.sessions, s.messages, s.warnings])).toEqual([['claude-code', 3, 15, 2], ['promptkit', 2, 7, 1]]);
		expect(sources[0]!.path).toBe(path.join(t.claude, 'projects'));
		expect(Date.parse(sources[0]!.last_sync!)).toBeGreaterThan(Date.now() - 60_000);
		const text = runCli(['sources', '--claude', t.claude, '--index', t.index]).stdout;
		expect(text).toMatch(/^source\s+path\s+sessions\s+messages\s+warnings\s+last sync/);
		expect(text).toMatch(/warning: .*8f2c1a9e-4b7d-4c1e-9a53-0d6f2e7b9c11\.jsonl:15: not valid JSON/);
	});

	it('finds ~/.claude and ~/.codex with no flags, and shows a subagent by ID prefix', () => {
		const home = tempDir();
		fs.cpSync(copyFixture('claude-code'), path.join(home, '.claude'), {recursive: true});
		fs.cpSync(copyFixture('codex'), path.join(home, '.codex'), {recursive: true});
		const env = {HOME: home, XDG_DATA_HOME: path.join(home, 'data')};
		const list = JSON.parse(runCli(['sessions', '--json'], env).stdout) as {sessions: Row[]};
		expect(list.sessions).toHaveLength(4);
		const show = runCli(['show', 'agent-a1b2', '--json'], env);
		expect(show.status).toBe(0);
		const detail = JSON.parse(show.stdout) as {summary: Row; messages: Array<{role: string; tool_calls: Array<{name: string}>}>};
		expect(detail.summary.parent_id).toBe('8f2c1a9e-4b7d-4c1e-9a53-0d6f2e7b9c11');
		expect(detail.messages.flatMap((m) => m.tool_calls.map((c) => c.name))).toEqual(['Grep']);
	});

	it('says where it looked when no source is found, and exits 1', () => {
		const home = tempDir();
		const run = runCli(['sessions'], {HOME: home, XDG_DATA_HOME: path.join(home, 'data')});
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/no Claude Code .*~\/\.claude\/projects.*pass --sqlite, --postgres, --tapes-api, --claude, --codex or --promptkit/);
	});

	it('a missing --claude directory is an error naming it', () => {
		const dir = tempDir();
		const run = runCli(['sessions', '--claude', path.join(dir, 'nope'), '--index', path.join(dir, 'i.sqlite')]);
		expect(run.status).toBe(1);
		expect(run.stderr).toContain(`${path.join(dir, 'nope')}: sync failed: not a directory`);
	});
});
