import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DEMO_DIR_NAME, demoSessions, seedDemo } from '../../../source/sources/demo/seed.js';
import { useTempDir } from '../tapes/temp-dir.js';

const temp = useTempDir();
const NOW = Date.UTC(2026, 1, 19, 12, 0, 0);

function dump(p: string): Array<Record<string, unknown>> {
	const db = new Database(p, { readonly: true });
	const rows = db.prepare('SELECT hash, parent_hash, created_at, content FROM nodes ORDER BY rowid').all() as Array<Record<string, unknown>>;
	db.close();
	return rows;
}

describe('seedDemo', () => {
	it('writes every session and returns the counts', () => {
		const p = temp('nested/dir/demo.sqlite');
		const counts = seedDemo(p, { overwrite: false, now: NOW });
		const nodes = demoSessions().reduce((n, s) => n + s.nodes.length, 0);
		expect(counts).toEqual({ sessions: 67, messages: nodes });
		const db = new Database(p, { readonly: true });
		expect(db.prepare('SELECT count(*) FROM nodes').pluck().get()).toBe(nodes);
		expect(db.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual([1]);
		// Every parent was written before its child, so foreign keys hold.
		expect(db.prepare('SELECT count(*) FROM nodes c LEFT JOIN nodes p ON p.hash = c.parent_hash WHERE c.parent_hash IS NOT NULL AND p.hash IS NULL').pluck().get()).toBe(0);
		db.close();
		expect(DEMO_DIR_NAME).toBe('demo');
	});

	it('refuses to seed twice without overwrite, with the reference message', () => {
		const p = temp('demo.sqlite');
		seedDemo(p, { overwrite: false, now: NOW });
		expect(() => seedDemo(p, { overwrite: false, now: NOW })).toThrow(
			new Error(`sqlite database already has data: ${p} (use --overwrite)`),
		);
	});

	it('accepts an existing empty file', () => {
		const p = temp('empty.sqlite');
		writeFileSync(p, '');
		expect(seedDemo(p, { overwrite: false, now: NOW }).sessions).toBe(67);
	});

	it('refuses a directory', () => {
		const p = temp('a-dir');
		mkdirSync(p);
		expect(() => seedDemo(p, { overwrite: true })).toThrow(new Error(`sqlite path is a directory: ${p}`));
	});

	it('names the file when it is not SQLite', () => {
		const p = temp('notes.txt');
		writeFileSync(p, 'not a database\n'.repeat(20));
		expect(() => seedDemo(p, { overwrite: false })).toThrow(`sqlite database ${p}: file is not a database`);
	});

	it('overwrite replaces the database and removes its -wal and -shm files', () => {
		const p = temp('demo.sqlite');
		seedDemo(p, { overwrite: false, now: NOW });
		writeFileSync(`${p}-wal`, 'stale wal');
		writeFileSync(`${p}-shm`, 'stale shm');
		const counts = seedDemo(p, { overwrite: true, now: NOW - 3600e3 });
		expect(existsSync(`${p}-wal`)).toBe(false);
		expect(existsSync(`${p}-shm`)).toBe(false);
		expect(dump(p)).toHaveLength(counts.messages);
	});

	it('is deterministic: same ids for any now, times shifted with it', () => {
		const a = temp('a.sqlite');
		const b = temp('b.sqlite');
		seedDemo(a, { overwrite: false, now: NOW });
		seedDemo(b, { overwrite: false, now: NOW + 86_400_000 });
		const rowsA = dump(a);
		const rowsB = dump(b);
		expect(rowsB.map((r) => r.hash)).toEqual(rowsA.map((r) => r.hash));
		expect(rowsB.map((r) => r.content)).toEqual(rowsA.map((r) => r.content));
		expect(rowsA[0]?.created_at).toBe('2026-02-19 06:00:00+00:00');
		expect(rowsB[0]?.created_at).toBe('2026-02-20 06:00:00+00:00');
	});
});
