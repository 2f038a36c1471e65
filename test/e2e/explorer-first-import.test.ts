// Issue 17, item 2, in a real terminal: the first import of a large Claude Code tree (a fresh index). The
// list fills while the import runs (sessions show as their files are committed), the status bar counts
// files, keys work meanwhile, and the list ends with every session. Needs `npm run build` (pretest).
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {CLI, tmuxServer} from './helpers/tmux.js';
import {generateClaudeTree} from '../../source/bench/sources-generate.js';
import {afterAll, describe, expect, it, vi} from 'vitest';

const server = tmuxServer('tapedeck-import-');
const {dir, env, tmux} = server;
afterAll(() => server.close());

const shown = (screen: string) => {
	const m = /([\d,]+) of ([\d,]+) sessions/.exec(screen);
	return m ? Number(m[1]!.replace(/,/g, '')) : -1;
};
const progress = /([\d,]+) \/ ([\d,]+) files/;

describe('a first import in tmux', {timeout: 120_000}, () => {
	it('shows sessions while the import runs, counts files, answers keys, and ends with every session', async () => {
		const root = path.join(dir, 'projects');
		const tree = generateClaudeTree(root, {sessions: 4000, subagents: 0, projects: 20, startMs: Date.UTC(2025, 0, 1), turnsPerSession: 1});
		const index = path.join(dir, 'index.sqlite');
		tmux('new-session', '-d', '-x', '120', '-y', '35', '-s', 'import',
			`${process.execPath} ${CLI} --claude ${root} --index ${index} --refresh 0 --no-insights; sleep 600`);
		const pane = () => tmux('capture-pane', '-p', '-t', 'import');
		const until = (check: (s: string) => void, timeout = 60_000) => vi.waitFor(() => check(pane()), {timeout, interval: 25});

		// Mid-import: some sessions listed, not all, and the progress counts files.
		let mid = '';
		await until((s) => {
			expect(s).toMatch(progress);
			expect(shown(s)).toBeGreaterThan(0);
			mid = s;
		});
		const [, read, total] = progress.exec(mid)!;
		expect(Number(total!.replace(/,/g, ''))).toBe(tree.files);
		expect(Number(read!.replace(/,/g, ''))).toBeLessThan(tree.files);
		expect(shown(mid)).toBeLessThan(tree.files);
		expect(mid).toMatch(/^› /m);

		// A key pressed during the import is answered during the import.
		tmux('send-keys', '-t', 'import', '?');
		await until((s) => expect(s).toContain('sort by the next column'));
		tmux('send-keys', '-t', 'import', 'Escape');
		await until((s) => expect(s).toContain('SPEND'));

		// The end: every session, and the report agrees.
		await until((s) => {
			expect(s).toMatch(/synced \d\d:\d\d:\d\d/);
			expect(shown(s)).toBe(tree.files);
		});
		const report = spawnSync(process.execPath, [CLI, 'sessions', '--claude', root, '--index', index, '--json'], {env, encoding: 'utf8', maxBuffer: 1 << 28});
		expect(report.status).toBe(0);
		expect((JSON.parse(report.stdout) as {total_sessions: number}).total_sessions).toBe(tree.files);
	});
});
