import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildTapesDb } from '../../../fixtures/tapes-builder.js';
import { TAPES_BASIC } from '../../../fixtures/tapes-cases.js';
import { seedDemo } from '../../../source/sources/demo/seed.js';
import { openTapesSource } from '../../../source/sources/tapes/reader.js';
import { useTempDir } from './temp-dir.js';

const temp = useTempDir();
const sha256 = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

function openError(p: string, opts = {}): string {
	const result = openTapesSource(p, opts);
	if (result.ok) {
		result.source.close();
		throw new Error('expected the open to fail');
	}
	return result.error;
}

describe('openTapesSource errors', () => {
	it('names a missing file', () => {
		const p = temp('missing.db');
		expect(openError(p)).toBe(`${p}: file not found`);
	});

	it('refuses a directory', () => {
		const p = temp('dir.db');
		mkdirSync(p);
		expect(openError(p)).toBe(`${p}: is a directory, not a database file`);
	});

	it('says a text file is not a database', () => {
		const p = temp('notes.txt');
		writeFileSync(p, 'these are my notes, not a SQLite database\n'.repeat(10));
		expect(openError(p)).toBe(`${p}: file is not a database`);
	});

	it('says a SQLite file without nodes is not a tapes database', () => {
		const p = temp('other.db');
		const db = new Database(p);
		db.exec('CREATE TABLE things (id INTEGER)');
		db.close();
		expect(openError(p)).toBe(`${p}: not a tapes database (no nodes table)`);
		const empty = temp('empty.db');
		writeFileSync(empty, '');
		expect(openError(empty)).toBe(`${empty}: file is empty (0 bytes), not a tapes database`);
	});

	it('lists missing required columns', () => {
		const p = temp('partial.db');
		const db = new Database(p);
		db.exec('CREATE TABLE nodes (hash TEXT PRIMARY KEY, role TEXT)');
		db.close();
		expect(openError(p)).toBe(`${p}: not a tapes database (nodes has no parent_hash, content, created_at column)`);
	});

	it('reads an older schema without the optional columns as NULLs', () => {
		const p = temp('old.db');
		const db = new Database(p);
		db.exec('CREATE TABLE nodes (hash TEXT PRIMARY KEY, parent_hash TEXT, role TEXT, content TEXT, created_at DATETIME)');
		db.prepare('INSERT INTO nodes VALUES (?, NULL, ?, ?, ?)').run('h', 'user', '[{"type":"text","text":"hi"}]', '2026-02-19 06:00:00');
		db.close();
		const result = openTapesSource(p);
		if (!result.ok) throw new Error(result.error);
		const { messages, warnings } = result.source.readAfter(0, 10);
		result.source.close();
		expect(warnings).toEqual([]);
		expect(messages[0]?.message).toMatchObject({ id: 'h', text: 'hi', model: '', project: '', usage: { input: 0, total: null } });
	});

	it('gives up on a locked database with a one-line message', () => {
		const p = temp('locked.db');
		buildTapesDb(p, TAPES_BASIC);
		const writer = new Database(p);
		writer.exec('BEGIN EXCLUSIVE');
		try {
			expect(openError(p, { busyTimeoutMs: 50 })).toBe(
				`${p}: database is locked by another process (gave up after waiting); try again`,
			);
		} finally {
			writer.exec('ROLLBACK');
			writer.close();
		}
	});

	it('maps a lock that starts after opening to a TapesSourceError', () => {
		const p = temp('locked-later.db');
		buildTapesDb(p, TAPES_BASIC);
		const result = openTapesSource(p, { busyTimeoutMs: 50 });
		if (!result.ok) throw new Error(result.error);
		const writer = new Database(p);
		writer.exec('BEGIN EXCLUSIVE');
		try {
			expect(() => result.source.readAfter(0, 10)).toThrow(/^.*locked-later\.db: database is locked/);
		} finally {
			writer.exec('ROLLBACK');
			writer.close();
			result.source.close();
		}
	});
});

describe('read-only', () => {
	it('leaves the file byte-identical and creates no side files', () => {
		const p = temp('demo.sqlite');
		seedDemo(p, { overwrite: false, now: Date.UTC(2026, 1, 19, 12) });
		const before = sha256(p);
		const filesBefore = readdirSync(path.dirname(p));
		const result = openTapesSource(p);
		if (!result.ok) throw new Error(result.error);
		const { source } = result;
		source.stats();
		for (let rowid = 0; ; ) {
			const batch = source.readAfter(rowid, 100);
			if (batch.messages.length === 0) break;
			rowid = batch.lastRowid;
		}
		[...source.allIds()];
		source.readByIds(['nope']);
		source.close();
		expect(sha256(p)).toBe(before);
		expect(readdirSync(path.dirname(p))).toEqual(filesBefore);
	});

	it('leaves a WAL-mode database file byte-identical', () => {
		const p = temp('wal.db');
		buildTapesDb(p, TAPES_BASIC);
		const db = new Database(p);
		db.pragma('journal_mode = WAL');
		db.close();
		const before = sha256(p);
		const result = openTapesSource(p);
		if (!result.ok) throw new Error(result.error);
		expect(result.source.readAfter(0, 10).messages).toHaveLength(4);
		result.source.close();
		expect(sha256(p)).toBe(before);
	});
});
