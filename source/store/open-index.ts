// Opens (and creates or migrates) tapedeck's own index database. Errors come back as one line naming the file.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {MIGRATIONS} from './migrations.js';

export type IndexDb = Database.Database;

export type OpenIndexResult = {ok: true; db: IndexDb} | {ok: false; error: string};

/** Maps SQLite's error codes to a sentence a person can act on. */
export function describeSqliteError(file: string, error: unknown): string {
	const code = (error as {code?: string}).code ?? '';
	const message = error instanceof Error ? error.message : String(error);
	if (code === 'SQLITE_NOTADB') return `${file}: not a SQLite database`;
	if (code === 'SQLITE_CORRUPT') return `${file}: the database is corrupt (${message})`;
	if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return `${file}: the database is locked by another process`;
	if (code === 'SQLITE_CANTOPEN') return `${file}: cannot open the file (${message})`;
	if (code === 'SQLITE_READONLY') return `${file}: the file is read-only`;
	if (code === 'SQLITE_FULL') return `${file}: the disk is full`;
	if (code === 'EISDIR') return `${file}: is a directory, expected a file`;
	if (code === 'EACCES') return `${file}: permission denied`;
	return `${file}: ${message}`;
}

function migrate(db: IndexDb, file: string): string | null {
	const version = db.pragma('user_version', {simple: true}) as number;
	if (version > MIGRATIONS.length) {
		return `${file}: index was written by a newer tapedeck (schema ${version}, this one knows ${MIGRATIONS.length})`;
	}
	if (version === 0) {
		const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
		if (tables.length > 0 && !tables.includes('meta')) {
			return `${file}: not a tapedeck index (it holds tables ${tables.slice(0, 4).join(', ')}); pass another --index`;
		}
	}
	for (let v = version; v < MIGRATIONS.length; v++) {
		db.transaction(() => {
			db.exec(MIGRATIONS[v]!);
			db.pragma(`user_version = ${v + 1}`);
		})();
	}
	return null;
}

export function openIndex(file: string): OpenIndexResult {
	try {
		if (file !== ':memory:') {
			if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
				return {ok: false, error: `${file}: is a directory, expected the index file`};
			}
			fs.mkdirSync(path.dirname(file), {recursive: true});
		}
		const db = new Database(file, {timeout: 5000});
		try {
			db.pragma('journal_mode = WAL');
			db.pragma('synchronous = NORMAL');
			db.pragma('foreign_keys = OFF');
			// Sync inserts into indexes keyed by hashes, i.e. at random places: keep those pages in memory.
			db.pragma('cache_size = -65536');
			// Checkpoints fsync; at the default (every 4 MB of WAL) a cold sync spends most of its time in them.
			db.pragma('wal_autocheckpoint = 16384');
			const problem = migrate(db, file);
			if (problem) {
				db.close();
				return {ok: false, error: problem};
			}
		} catch (error) {
			db.close();
			throw error;
		}
		return {ok: true, db};
	} catch (error) {
		return {ok: false, error: describeSqliteError(file, error)};
	}
}
