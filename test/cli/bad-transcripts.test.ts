// Odd things under transcript roots through the built CLI: one unreadable file is one warning line in the
// report and the rest is imported; paths that are not transcripts are passed by; a root that is not a
// directory is one line on stderr while the other sources are still listed.
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildTapesDb} from '../../fixtures/tapes-builder.js';
import {TAPES_BASIC} from '../../fixtures/tapes-cases.js';
import {copyFixture} from '../helpers/transcripts.js';
import {tempDir} from '../helpers/workspace.js';
import {oneLine, shareWithAll} from './bad-files-helpers.js';
import {runCli, UNPRIVILEGED, type CliRun, type RunAs} from './run-cli.js';

const APP = path.join('projects', '-Users-me-app');
const MAIN = '8f2c1a9e-4b7d-4c1e-9a53-0d6f2e7b9c11.jsonl';
const OTHER = '2d7e5b10-0c3a-4f55-8e21-6a9b3c4d5e6f.jsonl';

/** `sessions` over a copy of the Claude Code fixture, changed by `arrange` first. */
function claudeSessions(arrange: (app: string) => void, as: RunAs = {}): CliRun & {app: string; sources: () => CliRun} {
	const dir = tempDir();
	const root = copyFixture('claude-code', dir);
	const app = path.join(root, APP);
	if (as.uid !== undefined) shareWithAll(dir);
	arrange(app);
	const args = ['--claude', root, '--index', path.join(dir, 'index.sqlite')];
	const sources = () => runCli(['sources', '--json', ...args], {HOME: dir}, as);
	return {...runCli(['sessions', ...args], {HOME: dir}, as), app, sources};
}

describe('transcript sources with bad files', () => {
	it('an unreadable transcript among readable ones: one warning naming it, the others imported', () => {
		const r = claudeSessions((app) => fs.chmodSync(path.join(app, OTHER), 0o000), UNPRIVILEGED);
		// `sources` counts it too, as long as it stays unreadable.
		const listed = JSON.parse(r.sources().stdout) as {sources: Array<{warnings: number; warning_details: Array<{where: string; message: string}>}>};
		expect(listed.sources[0]!.warning_details).toContainEqual(expect.objectContaining({where: path.join(r.app, OTHER), message: 'cannot read: permission denied'}));
		fs.chmodSync(path.join(r.app, OTHER), 0o644);
		expect(r.status).toBe(0);
		expect(r.stderr).toBe('');
		expect(r.stdout).toContain('auth-401-fix');
		expect(r.stdout).not.toContain('Run the whole suite');
		const warnings = r.stdout.split('\n').filter((l) => l.includes(OTHER));
		expect(warnings).toEqual([`warning: ${path.join(r.app, OTHER)}: cannot read: permission denied (1)`]);
		expect(r.stdout).not.toMatch(/^\s+at /m);
	});

	it('a directory named like a transcript is passed by', () => {
		const r = claudeSessions((app) => {
			fs.mkdirSync(path.join(app, 'abc.jsonl'));
			fs.writeFileSync(path.join(app, 'abc.jsonl', 'notes.txt'), 'not a transcript\n');
		});
		expect(r.status).toBe(0);
		expect(r.stderr).toBe('');
		for (const label of ['auth-401-fix', 'Run the whole suite']) expect(r.stdout).toContain(label);
		expect(r.stdout).not.toContain('abc.jsonl');
	});

	it('symlink loops and dangling symlinks are passed by, and the sync ends', () => {
		const r = claudeSessions((app) => {
			fs.symlinkSync('nowhere.jsonl', path.join(app, 'dangling.jsonl'));
			fs.symlinkSync('.', path.join(app, 'loop'));
			fs.symlinkSync('b.jsonl', path.join(app, 'a.jsonl'));
			fs.symlinkSync('a.jsonl', path.join(app, 'b.jsonl'));
		});
		expect(r.status).toBe(0);
		expect(r.stderr).toBe('');
		for (const label of ['auth-401-fix', 'Run the whole suite']) expect(r.stdout).toContain(label);
	});

	it('a --claude path that is a file: one line naming it; a tapes database alongside is still listed; alone, exit 1', () => {
		const dir = tempDir();
		const file = path.join(copyFixture('claude-code', dir), APP, MAIN);
		const sqlite = path.join(dir, 'tapes.sqlite');
		buildTapesDb(sqlite, TAPES_BASIC);
		const index = path.join(dir, 'index.sqlite');
		const both = runCli(['sessions', '--claude', file, '--sqlite', sqlite, '--index', index], {HOME: dir});
		expect(both.status).toBe(0);
		expect(oneLine(both.stderr, file)).toBe(`tapedeck: ${file}: sync failed: not a directory (or not readable)`);
		expect(both.stdout).toContain('Fix the flaky test');
		const alone = runCli(['sessions', '--claude', file, '--index', index], {HOME: dir});
		expect(alone.status).toBe(1);
		oneLine(alone.stderr, file);
	});
});
