// Opens (and creates or migrates) tapedeck's own index database. Errors come back as one line naming the
// file and what to do. A file that turns out not to be a current tapedeck index is left byte for byte as
// it was: it is checked before the first write, and never deleted (even a corrupt index is the user's to remove).
import fs from 'node:fs';
import path from 'node:path';
import './sqlite-uri.js';
import Database from 'better-sqlite3';
import {MIGRATIONS} from './migrations.js';
import {writeTransaction} from './write-transaction.js';

export type IndexDb = Database.Database;

export type OpenIndexResult = {ok: true; db: IndexDb} | {ok: false; error: string};

const ELSEWHERE = 'pass another --index';

/**
 * The page size of a new index, in bytes: twice SQLite's default. A cold sync of a large source writes fewer,
 * fuller pages (a first PostgreSQL sync of a million spans: about 10% faster in interleaved runs, the index 7%
 * smaller); an index made before keeps its 4096 (SQLite cannot change it in WAL mode).
 */
export const NEW_INDEX_PAGE_SIZE = 8192;

/** Why SQLite could not open the file, from the file system's point of view. */
function cannotOpen(file: string): string {
	const dir = path.dirname(file);
	if (!fs.existsSync(file)) {
		try {
			fs.accessSync(dir, fs.constants.W_OK);
		} catch {
			return `${file}: cannot create the index (no permission to write in ${dir}); ${ELSEWHERE}`;
		}
	}
	try {
		fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
	} catch {
		return `${file}: permission denied (the index must be readable and writable); ${ELSEWHERE}`;
	}
	return `${file}: cannot open the index file; ${ELSEWHERE}`;
}

/** Maps SQLite's and the file system's error codes to a sentence a person can act on. */
export function describeSqliteError(file: string, error: unknown): string {
	// Extended codes (SQLITE_CORRUPT_VTAB, SQLITE_CANTOPEN_ISDIR, SQLITE_IOERR_SHORT_READ…) share the base's meaning.
	const code = (error as {code?: unknown}).code;
	const is = (base: string) => typeof code === 'string' && (code === base || code.startsWith(`${base}_`));
	const message = (error instanceof Error ? error.message : String(error)).split('\n', 1)[0] ?? '';
	if (is('SQLITE_NOTADB')) return `${file}: not a SQLite database, so not a tapedeck index; ${ELSEWHERE}`;
	if (is('SQLITE_CORRUPT') || is('SQLITE_IOERR_SHORT_READ')) {
		return `${file}: the index is damaged (${message}); delete it and it is rebuilt from the sources, or ${ELSEWHERE}`;
	}
	if (is('SQLITE_BUSY') || is('SQLITE_LOCKED')) return `${file}: the index is locked by another process; try again`;
	if (is('SQLITE_CANTOPEN')) return cannotOpen(file);
	if (is('SQLITE_READONLY')) return `${file}: the index is read-only (no permission to write it or its folder); ${ELSEWHERE}`;
	if (is('SQLITE_FULL')) return `${file}: the disk is full`;
	if (code === 'EISDIR') return `${file}: is a directory, expected the index file; ${ELSEWHERE}`;
	if (code === 'EEXIST' || code === 'ENOTDIR') return `${file}: cannot create the index there (a parent path is a file, not a folder); ${ELSEWHERE}`;
	if (code === 'EACCES' || code === 'EPERM') return `${file}: permission denied; ${ELSEWHERE}`;
	if (code === 'EROFS') return `${file}: the file system is read-only; ${ELSEWHERE}`;
	return `${file}: ${message}`;
}

/** True for errors raised by SQLite (better-sqlite3's SqliteError carries SQLITE_* codes). */
export function isSqliteError(error: unknown): boolean {
	const code = (error as {code?: unknown} | null)?.code;
	return typeof code === 'string' && code.startsWith('SQLITE_');
}

/** Why this file cannot be used as the index, or null; reads only. */
function foreign(db: IndexDb, file: string): string | null {
	const version = db.pragma('user_version', {simple: true}) as number;
	if (version > MIGRATIONS.length) {
		return `${file}: index was written by a newer tapedeck (schema ${version}, this one knows ${MIGRATIONS.length}); upgrade tapedeck or ${ELSEWHERE}`;
	}
	if (version === 0) {
		const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
		if (tables.length > 0 && !tables.includes('meta')) {
			return `${file}: not a tapedeck index (it holds tables ${tables.slice(0, 4).join(', ')}); ${ELSEWHERE}`;
		}
	}
	return null;
}

function migrate(db: IndexDb): void {
	// Two processes may open a new index at once: each step re-reads the version under the write lock, so
	// the second finds the step done and skips it.
	const step = writeTransaction(db, (v: number) => {
		if ((db.pragma('user_version', {simple: true}) as number) !== v) return;
		const migration = MIGRATIONS[v]!;
		if (typeof migration === 'string') db.exec(migration);
		else migration(db);
		db.pragma(`user_version = ${v + 1}`);
	});
	for (let v = db.pragma('user_version', {simple: true}) as number; v < MIGRATIONS.length; v++) step(v);
}

export function openIndex(file: string): OpenIndexResult {
	try {
		if (file !== ':memory:') {
			if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
				return {ok: false, error: describeSqliteError(file, {code: 'EISDIR'})};
			}
			fs.mkdirSync(path.dirname(file), {recursive: true});
		}
		const db = new Database(file, {timeout: 5000});
		try {
			// Before any pragma that writes (journal_mode = WAL rewrites the header of a rollback-journal file).
			const problem = foreign(db, file);
			if (problem) {
				db.close();
				return {ok: false, error: problem};
			}
			// A new file only (nothing written yet): SQLite fixes the page size when it writes the first page, so this
			// comes before journal_mode = WAL and the first table.
			if ((db.pragma('page_count', {simple: true}) as number) === 0) db.pragma(`page_size = ${NEW_INDEX_PAGE_SIZE}`);
			db.pragma('journal_mode = WAL');
			db.pragma('synchronous = NORMAL');
			db.pragma('foreign_keys = OFF');
			// Sync inserts into indexes keyed by hashes, i.e. at random places: keep those pages in memory.
			db.pragma('cache_size = -65536');
			// Checkpoints fsync; at the default (every 4 MB of WAL) a cold sync spends most of its time in them.
			// In pages: 64 MB of WAL in a 4096-byte index, 128 MB in a new (8192) one, which a cold sync also gains from.
			db.pragma('wal_autocheckpoint = 16384');
			migrate(db);
		} catch (error) {
			db.close();
			throw error;
		}
		return {ok: true, db};
	} catch (error) {
		return {ok: false, error: describeSqliteError(file, error)};
	}
}
