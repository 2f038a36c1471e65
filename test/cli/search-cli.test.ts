// `tapedeck search` through the built binary: table, JSON and CSV with snippets, filters, exit status 1
// when nothing matches, one-line errors for bad queries and flags, and escape sequences never printed.
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildTapesDb} from '../../fixtures/tapes-builder.js';
import {TAPES_BASIC} from '../../fixtures/tapes-cases.js';
import {tempDir} from '../helpers/workspace.js';
import {runCli} from './run-cli.js';

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at |SQLITE|fts5/i);

function fixture() {
	const dir = tempDir();
	const sqlite = path.join(dir, 'tapes.sqlite');
	buildTapesDb(sqlite, [
		...TAPES_BASIC,
		{id: 'x1', text: 'hostile \u001b]0;pwned\u0007\u001b[31mterraform\u001b[0m destroy', project: 'infra', agent: 'claude', at: Date.UTC(2026, 1, 20)},
	]);
	return ['--sqlite', sqlite, '--index', path.join(dir, 'index.sqlite')];
}

describe('tapedeck search', () => {
	it('prints the matches with snippets as a table, JSON and CSV', () => {
		const src = fixture();
		const table = runCli(['search', 'flaky', ...src]);
		expect(table.status).toBe(0);
		expect(table.stdout).toMatch(/^time\s+session\s+label\s+role\s+in\s+snippet/);
		expect(table.stdout).toContain('Fix the [flaky] test in pkg/deck.');
		const json = JSON.parse(runCli(['search', '"no such file"', '--json', ...src]).stdout) as Array<Record<string, unknown>>;
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({role: 'user', match_in: 'tool', snippet: 'no such file', marks: [[0, 12]], source: 'tapes', project: 'tapes'});
		const csv = runCli(['search', 'tool:Read', '--csv', ...src]).stdout.trim().split('\n');
		expect(csv[0]).toBe('session_id,session_label,project,source,message_id,time,role,model,tools,rank,match_in,snippet');
		expect(csv).toHaveLength(2);
	});

	it('applies the filters and --limit, and orders by time on request', () => {
		const src = fixture();
		expect(runCli(['search', 'the', '--project', 'infra', ...src]).status).toBe(1);
		const byTime = JSON.parse(runCli(['search', 'role:assistant', '--order', 'time', '--json', ...src]).stdout) as Array<{time: string}>;
		expect(byTime.map((h) => h.time)).toEqual([...byTime.map((h) => h.time)].sort().reverse());
		expect(JSON.parse(runCli(['search', 'role:assistant', '--limit', '1', '--json', ...src]).stdout)).toHaveLength(1);
	});

	it('exits 1 when nothing matches, like grep', () => {
		const r = runCli(['search', 'nothing-like-this', ...fixture()]);
		expect(r.status).toBe(1);
		expect(r.stdout).toBe('no messages match\n');
		expect(r.stderr).toBe('');
	});

	it('never prints a source\'s escape sequences', () => {
		const r = runCli(['search', 'terraform destroy', ...fixture()]);
		expect(r.status).toBe(0);
		expect(r.stdout).toContain('[terraform] [destroy]');
		expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
	});

	it('explains bad queries and flags in one line', () => {
		const src = fixture();
		for (const [args, message] of [
			[['search', '"open'], 'tapedeck: invalid search ""open": unclosed quote at character 1: end the phrase with another "\n'],
			[['search', 'in:nowhere', 'x'], 'tapedeck: invalid search "in:nowhere x": in:nowhere: expected in:text, in:thinking or in:tool\n'],
			[['search'], 'tapedeck: search needs a query, e.g. tapedeck search \'tool:Bash "terraform destroy"\' (see --help)\n'],
			[['search', 'x', '--limit', '0'], 'tapedeck: invalid --limit "0": expected a whole number from 1 to 10,000\n'],
			[['search', 'x', '--order', 'best'], 'tapedeck: invalid --order "best": expected rank or time\n'],
			[['search', 'x', '--md'], 'tapedeck: search does not support --md\n'],
			[['sessions', '--search', 'a'.repeat(50_000)], `tapedeck: invalid --search "${'a'.repeat(39)}…": the search is 50,000 characters long; at most 10,000 are accepted\n`],
		] as const) {
			const r = runCli([...args, ...src]);
			expect(r.status, args.join(' ').slice(0, 40)).toBe(1);
			expect(r.stderr).toBe(message);
			noStack(r.stderr);
		}
	});

	it('--no-search-index leaves a source out, says so, and --search-index brings it back', () => {
		const src = fixture();
		const off = runCli(['search', 'flaky', '--no-search-index', ...src]);
		expect(off.status).toBe(1);
		expect(off.stderr).toMatch(/tapes\.sqlite: not searched \(its search index is off; run once with --search-index to build it\)\n$/);
		expect(runCli(['search', 'flaky', ...src]).status).toBe(1);
		expect(runCli(['search', 'flaky', '--search-index', ...src]).status).toBe(0);
	});

	it('sessions --search finds what the sessions said, not only their labels', () => {
		const src = fixture();
		const json = JSON.parse(runCli(['sessions', '--search', '"no such file"', '--json', ...src]).stdout) as {sessions: Array<{label: string}>};
		expect(json.sessions.map((s) => s.label)).toEqual(['Fix the flaky test in pkg/deck.']);
	});
});
