// Sources belong to the agents that write them: every command that reads one leaves each file byte-identical
// with the same mtime, and creates nothing beside them (no journal or lock files). The one exception is
// SQLite's own: any reader of a WAL-mode database gets its -wal and -shm files (the ones the tapes proxy
// makes whenever it runs); a read-only reader cannot remove them, and better-sqlite3 is built without the
// URI filenames `immutable=1` needs. So for a WAL database they may appear, the -wal empty (nothing written).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {describe, expect, it} from 'vitest';
import {buildTapesDb} from '../../fixtures/tapes-builder.js';
import {TAPES_BASIC} from '../../fixtures/tapes-cases.js';
import {copyFixture} from '../helpers/transcripts.js';
import {tempDir} from '../helpers/workspace.js';
import {runCli} from './run-cli.js';

/** Every entry under `root` (directories too: a file made and removed again changes its folder's mtime). */
function snapshot(root: string): Record<string, {sha256: string; size: number; mtimeMs: number; mode: number}> {
	const out: Record<string, {sha256: string; size: number; mtimeMs: number; mode: number}> = {};
	for (const rel of ['.', ...fs.readdirSync(root, {recursive: true, encoding: 'utf8'})].sort()) {
		const file = path.join(root, rel);
		const st = fs.lstatSync(file);
		const sha256 = st.isFile() ? crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex') : '';
		out[rel] = {sha256, size: st.isFile() ? st.size : 0, mtimeMs: st.mtimeMs, mode: st.mode};
	}
	return out;
}

/** A tapes database alone in `<dir>/tapes`, in the given journal mode; returns the folder. */
function tapesDir(dir: string, mode: 'wal' | 'delete'): string {
	const root = path.join(dir, 'tapes');
	fs.mkdirSync(root);
	const file = path.join(root, 'tapes.db');
	buildTapesDb(file, TAPES_BASIC);
	const db = new Database(file);
	db.pragma(`journal_mode = ${mode}`);
	db.close();
	return root;
}

const tapesFlags = (root: string) => ['--sqlite', path.join(root, 'tapes.db')];
const WAL_FILES = new Set(['tapes.db-wal', 'tapes.db-shm']);

const KINDS: Array<{name: string; root: (dir: string) => string; flags: (root: string) => string[]; sqliteFiles?: Set<string>}> = [
	{name: 'tapes (rollback journal)', root: (dir: string) => tapesDir(dir, 'delete'), flags: tapesFlags},
	{name: 'tapes (WAL mode)', root: (dir: string) => tapesDir(dir, 'wal'), flags: tapesFlags, sqliteFiles: WAL_FILES},
	{name: 'claude-code', root: (dir: string) => copyFixture('claude-code', dir), flags: (root: string) => ['--claude', root]},
	{name: 'codex', root: (dir: string) => copyFixture('codex', dir), flags: (root: string) => ['--codex', root]},
	{name: 'promptkit', root: (dir: string) => copyFixture('promptkit', dir), flags: (root: string) => ['--promptkit', root]},
];

describe('reading a source never changes it', () => {
	for (const kind of KINDS) {
		it(`${kind.name}: sync, sessions, show, analytics, sources and facets leave every file as it was`, () => {
			const dir = tempDir();
			const root = kind.root(dir);
			const before = snapshot(root);
			const env = {HOME: tempDir(), XDG_DATA_HOME: tempDir()};
			const source = [...kind.flags(root), '--index', path.join(tempDir(), 'index.sqlite')];
			const run = (...args: string[]) => {
				const r = runCli([...args, ...source], env);
				expect({args, status: r.status, stderr: r.stderr}).toMatchObject({status: 0});
				return r.stdout;
			};
			run('sync');
			const sessions = JSON.parse(run('sessions', '--json')) as {sessions: Array<{id: string}>};
			expect(sessions.sessions.length).toBeGreaterThan(0);
			for (const s of sessions.sessions) expect(run('show', s.id, '--md')).toContain('#');
			run('analytics', '--json');
			run('sources');
			run('sources', '--json');
			run('facets', '--insights-provider', 'heuristic');
			run('insights', '--insights-provider', 'heuristic', '--json');
			run('sync');
			const after = snapshot(root);
			const made = Object.keys(after).filter((f) => !(f in before));
			const sqliteOwn = made.filter((f) => kind.sqliteFiles?.has(f));
			expect(made.filter((f) => !sqliteOwn.includes(f))).toEqual([]);
			if (sqliteOwn.includes('tapes.db-wal')) expect(after['tapes.db-wal']?.size).toBe(0);
			for (const f of sqliteOwn) delete after[f];
			// The folder's mtime moved only if SQLite made its files there.
			if (sqliteOwn.length > 0) after['.'] = before['.']!;
			expect(after).toEqual(before);
			expect(Object.values(before).filter((f) => f.sha256 !== '').length).toBeGreaterThan(0);
		}, 60_000);
	}
});
