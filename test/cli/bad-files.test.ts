// Damaged, foreign and unreadable sources through the built CLI. A source that cannot be read is one line
// on stderr naming it; a single bad file of a transcript source is one warning line in the report; either
// way the other sources passed alongside are still listed, and the bad file is left as it was.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {beforeAll, describe, expect, it} from 'vitest';
import {openTapesSource} from '../../source/sources/tapes/reader.js';
import {copyFixture} from '../helpers/transcripts.js';
import {tempDir} from '../helpers/workspace.js';
import {demoTapes, oneLine, overwritten, sha, shareWithAll, truncated} from './bad-files-helpers.js';
import {runCli, UNPRIVILEGED, type CliRun} from './run-cli.js';

const CLAUDE_LABELS = ['auth-401-fix', 'Run the whole suite'];
const CORRUPT = 'database file is corrupt (truncated or damaged)';

let tapes = '';
beforeAll(() => {
	tapes = demoTapes(path.join(tempDir(), 'tapes.sqlite'));
});

/**
 * `sessions` over a tapes file and the Claude Code fixture, in the file's own directory. `deny` takes
 * read permission away from the tapes file for the run (which then runs as a user modes apply to).
 */
function sessions(sqlite: string, opts: {claude?: boolean; deny?: boolean} = {}): CliRun {
	const dir = path.dirname(sqlite);
	const claude = opts.claude === false ? [] : ['--claude', copyFixture('claude-code', dir)];
	if (opts.deny) {
		shareWithAll(dir);
		fs.chmodSync(sqlite, 0o000);
	}
	try {
		return runCli(['sessions', '--sqlite', sqlite, ...claude, '--index', path.join(dir, 'index.sqlite')], {HOME: dir}, opts.deny ? UNPRIVILEGED : {});
	} finally {
		if (opts.deny) fs.chmodSync(sqlite, 0o644);
	}
}

/** One line naming the file and its problem, the transcripts still listed, the file unchanged. */
function expectSkipped(r: CliRun, file: string, problem: string, before: string): void {
	expect(r.status).toBe(0);
	expect(oneLine(r.stderr, file)).toBe(`tapedeck: ${file}: ${problem}`);
	for (const label of CLAUDE_LABELS) expect(r.stdout).toContain(label);
	expect(sha(file)).toBe(before);
}

describe('a tapes database (--sqlite) that cannot be read', () => {
	it('cut to half its size: one line, the other source still listed; alone, exit 1', () => {
		const file = truncated(tapes, path.join(tempDir(), 'half.sqlite'), Math.floor(fs.statSync(tapes).size / 2));
		const before = sha(file);
		expectSkipped(sessions(file), file, CORRUPT, before);
		const alone = sessions(file, {claude: false});
		expect(alone.status).toBe(1);
		expect(oneLine(alone.stderr, file)).toBe(`tapedeck: ${file}: ${CORRUPT}`);
		expect(alone.stdout).toBe('');
	});

	it('cut to 100 bytes, the header alone', () => {
		const file = truncated(tapes, path.join(tempDir(), 'head.sqlite'), 100);
		expectSkipped(sessions(file), file, CORRUPT, sha(file));
	});

	it('damaged inside with its size intact: it opens, fails in the middle of the sync, and is still one line', () => {
		const size = fs.statSync(tapes).size;
		const file = overwritten(tapes, path.join(tempDir(), 'damaged.sqlite'), Math.floor(size / 2 / 4096) * 4096, 8 * 4096);
		const opened = openTapesSource(file);
		expect(opened.ok).toBe(true);
		if (opened.ok) opened.source.close();
		expectSkipped(sessions(file), file, CORRUPT, sha(file));
	});

	it('a zero-byte file', () => {
		const file = path.join(tempDir(), 'empty.sqlite');
		fs.writeFileSync(file, '');
		expectSkipped(sessions(file), file, 'file is empty (0 bytes), not a tapes database', sha(file));
		expect(fs.statSync(file).size).toBe(0);
	});

	it('a SQLite file of another schema', () => {
		const file = path.join(tempDir(), 'other.sqlite');
		const db = new Database(file);
		db.exec(`CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users (name) VALUES ('a')`);
		db.close();
		expectSkipped(sessions(file), file, 'not a tapes database (no nodes table)', sha(file));
	});

	it('a file this user may not read', () => {
		const file = path.join(tempDir(), 'secret.sqlite');
		fs.copyFileSync(tapes, file);
		expectSkipped(sessions(file, {deny: true}), file, 'permission denied', sha(file));
	});

	it('a directory where the file was expected', () => {
		const file = path.join(tempDir(), 'tapes.db');
		fs.mkdirSync(file);
		const r = sessions(file);
		expect(r.status).toBe(0);
		expect(oneLine(r.stderr, file)).toBe(`tapedeck: ${file}: is a directory, not a database file`);
		for (const label of CLAUDE_LABELS) expect(r.stdout).toContain(label);
	});

	it('locked by another process: gives up after waiting, in one line', () => {
		const file = path.join(tempDir(), 'locked.sqlite');
		fs.copyFileSync(tapes, file);
		const writer = new Database(file);
		writer.exec('BEGIN EXCLUSIVE');
		try {
			const r = sessions(file);
			expect(r.status).toBe(0);
			expect(oneLine(r.stderr, file)).toBe(`tapedeck: ${file}: database is locked by another process (gave up after waiting); try again`);
			for (const label of CLAUDE_LABELS) expect(r.stdout).toContain(label);
		} finally {
			writer.exec('ROLLBACK');
			writer.close();
		}
	});
});
