// The index itself (--index) damaged, foreign, newer or out of reach, through the built CLI: one line on
// stderr naming the file and what to do, exit status 1, nothing on stdout, and the file left as it was.
// An index is derived data, so the message may suggest deleting it; tapedeck never deletes it itself.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {beforeAll, describe, expect, it} from 'vitest';
import {MIGRATIONS} from '../../source/store/migrations.js';
import {copyFixture} from '../helpers/transcripts.js';
import {tempDir} from '../helpers/workspace.js';
import {demoTapes, oneLine, overwritten, rootPage, sha, shareWithAll, truncated} from './bad-files-helpers.js';
import {runCli, UNPRIVILEGED, type CliRun, type RunAs} from './run-cli.js';

const ELSEWHERE = 'pass another --index';
const DAMAGED = `the index is damaged (database disk image is malformed); delete it and it is rebuilt from the sources, or ${ELSEWHERE}`;

let claude = '';
let good = '';
beforeAll(() => {
	const dir = tempDir();
	claude = copyFixture('claude-code', dir);
	shareWithAll(dir);
	good = path.join(dir, 'good-index.sqlite');
	expect(runCli(['sync', '--claude', claude, '--index', good], {HOME: dir}).status).toBe(0);
});

function sessions(index: string, as: RunAs = {}): CliRun {
	return runCli(['sessions', '--claude', claude, '--index', index], {HOME: path.dirname(claude)}, as);
}

/** Fails in one line naming `file` (the index, or the file in its way) and leaves that file as it was. */
function expectRefused(index: string, problem: string, file = index, as: RunAs = {}): void {
	const before = sha(file);
	const r = sessions(index, as);
	expect(r.status).toBe(1);
	expect(r.stdout).toBe('');
	expect(oneLine(r.stderr, index)).toBe(`tapedeck: ${index}: ${problem}`);
	expect(sha(file)).toBe(before);
}

describe('an --index that cannot be used', () => {
	it('a file that is not SQLite', () => {
		const file = path.join(tempDir(), 'notes.txt');
		fs.writeFileSync(file, 'my notes, not an index\n'.repeat(100));
		expectRefused(file, `not a SQLite database, so not a tapedeck index; ${ELSEWHERE}`);
	});

	it('an index cut to half its size, or to its first 100 bytes: damaged, and not deleted', () => {
		const dir = tempDir();
		expectRefused(truncated(good, path.join(dir, 'half.sqlite'), Math.floor(fs.statSync(good).size / 2)), DAMAGED);
		expectRefused(truncated(good, path.join(dir, 'head.sqlite'), 100), DAMAGED);
	});

	it('a SQLite file of another schema (a tapes database) is not written to', () => {
		const file = demoTapes(path.join(tempDir(), 'tapes.sqlite'));
		expectRefused(file, `not a tapedeck index (it holds tables schema_migrations, nodes, facets); ${ELSEWHERE}`);
		expect(fs.existsSync(`${file}-wal`)).toBe(false);
	});

	it('an index from a newer tapedeck', () => {
		const file = path.join(tempDir(), 'newer.sqlite');
		fs.copyFileSync(good, file);
		const db = new Database(file);
		db.pragma('user_version = 99');
		db.close();
		expectRefused(file, `index was written by a newer tapedeck (schema 99, this one knows ${MIGRATIONS.length}); upgrade tapedeck or ${ELSEWHERE}`);
	});

	it('a path under a regular file, and a directory', () => {
		const blocker = path.join(tempDir(), 'plain-file');
		fs.writeFileSync(blocker, 'in the way\n');
		expectRefused(path.join(blocker, 'index.sqlite'), `cannot create the index there (a parent path is a file, not a folder); ${ELSEWHERE}`, blocker);
		const dir = path.join(tempDir(), 'index.sqlite');
		fs.mkdirSync(dir);
		const r = sessions(dir);
		expect(r.status).toBe(1);
		expect(oneLine(r.stderr, dir)).toBe(`tapedeck: ${dir}: is a directory, expected the index file; ${ELSEWHERE}`);
	});

	it('a folder this user may not write in, and an index it may not write', () => {
		const dir = tempDir();
		shareWithAll(dir);
		const locked = path.join(dir, 'read-only');
		fs.mkdirSync(locked, {mode: 0o555});
		const index = path.join(locked, 'index.sqlite');
		const r = sessions(index, UNPRIVILEGED);
		expect(r.status).toBe(1);
		expect(oneLine(r.stderr, index)).toBe(`tapedeck: ${index}: cannot create the index (no permission to write in ${locked}); ${ELSEWHERE}`);
		expect(fs.existsSync(index)).toBe(false);
		const readOnly = path.join(dir, 'read-only.sqlite');
		fs.copyFileSync(good, readOnly);
		fs.chmodSync(readOnly, 0o444);
		expectRefused(readOnly, `the index is read-only (no permission to write it or its folder); ${ELSEWHERE}`, readOnly, UNPRIVILEGED);
	});

	it('damaged inside where the sync reads, and where the report reads: one line naming the index, not a source', () => {
		const dir = tempDir();
		for (const table of ['cursors', 'sessions']) {
			const page = rootPage(good, table);
			const file = overwritten(good, path.join(dir, `${table}.sqlite`), page.start, page.length);
			const r = sessions(file);
			expect(r.status).toBe(1);
			expect(oneLine(r.stderr, file)).toBe(`tapedeck: ${file}: ${DAMAGED}`);
			expect(fs.existsSync(file)).toBe(true);
		}
	});
});
