// A WAL-mode tapes database read as a source must be read without writing beside it: a cleanly closed one
// gets no -wal or -shm files created next to it, and one in a directory this user may not write is read
// all the same. The reader says which mode it used.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {afterAll, describe, expect, it} from 'vitest';
import {buildTapesDb} from '../../../fixtures/tapes-builder.js';
import {openTapesSource} from '../../../source/sources/tapes/reader.js';
import {runCli, UNPRIVILEGED} from '../../cli/run-cli.js';
import {tempDir} from '../../helpers/workspace.js';

const dirs: string[] = [];
afterAll(() => {
	for (const d of dirs) {
		fs.chmodSync(d, 0o755);
		fs.rmSync(d, {recursive: true, force: true});
	}
});

function walDb(): {dir: string; file: string} {
	const dir = tempDir();
	dirs.push(dir);
	const file = path.join(dir, 'tapes.sqlite');
	buildTapesDb(file, [{id: 'u1', text: 'hello'}, {id: 'a1', parent: 'u1', role: 'assistant', text: 'hi', tokens: {in: 5, out: 1}}]);
	const db = new Database(file);
	db.pragma('journal_mode = WAL');
	db.close();
	expect(fs.readdirSync(dir)).toEqual(['tapes.sqlite']);
	return {dir, file};
}

describe('a WAL tapes database', () => {
	it('cleanly closed: reading creates no -wal or -shm beside it, and says it read it as immutable', () => {
		const {dir, file} = walDb();
		const opened = openTapesSource(file);
		expect(opened.ok).toBe(true);
		if (!opened.ok) return;
		expect(opened.source.stats().rows).toBe(2);
		expect(opened.source.mode).toBe('immutable');
		opened.source.close();
		expect(fs.readdirSync(dir)).toEqual(['tapes.sqlite']);
	});

	it('with a writer running: read normally, and what it committed is seen', () => {
		const {file} = walDb();
		const writer = new Database(file);
		writer.prepare("UPDATE nodes SET content = content WHERE 0").run();
		try {
			const opened = openTapesSource(file);
			expect(opened.ok).toBe(true);
			if (!opened.ok) return;
			expect(opened.source.mode).toBe('shared');
			expect(opened.source.stats().rows).toBe(2);
			opened.source.close();
		} finally {
			writer.close();
		}
	});

	it('in a directory this user may not write: sessions reads it', () => {
		const {dir, file} = walDb();
		fs.chmodSync(file, 0o644);
		fs.chmodSync(dir, 0o555);
		const out = tempDir();
		dirs.push(out);
		fs.chmodSync(out, 0o777);
		const r = runCli(['sessions', '--json', '--sqlite', file, '--index', path.join(out, 'index.sqlite')], {HOME: out}, UNPRIVILEGED);
		expect(r.status, r.stderr).toBe(0);
		expect((JSON.parse(r.stdout) as {sessions: unknown[]}).sessions).toHaveLength(1);
		expect(fs.readdirSync(dir)).toEqual(['tapes.sqlite']);
		const sync = runCli(['sync', '--json', '--sqlite', file, '--index', path.join(out, 'index.sqlite')], {HOME: out}, UNPRIVILEGED);
		expect((JSON.parse(sync.stdout) as {sources: Array<{read_mode: string}>}).sources[0]!.read_mode).toBe('immutable');
	});
});
