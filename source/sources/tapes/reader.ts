// Read-only, streaming reader of a tapes database. The file is opened with SQLITE_OPEN_READONLY, so
// nothing here can change it; batches are read by the implicit rowid (the table's primary key is the
// TEXT hash), which lets the sync resume after the last rowid it saw.
import { accessSync, closeSync, constants, existsSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import '../../store/sqlite-uri.js';
import Database from 'better-sqlite3';
import type { CanonicalMessage, Warning } from '../../core/types.js';
import { NODE_COLUMNS, REQUIRED_COLUMNS, contentOf, mapNodeRow } from './node-row.js';
import { TapesSourceError, describeTapesError, guarded } from './open-errors.js';
import { WarningTally } from '../../core/warning-tally.js';

export { TapesSourceError } from './open-errors.js';

export interface TapesBatch {
	messages: Array<{ rowid: number; message: CanonicalMessage }>;
	/** Rowid of the last row read, skipped rows included (the input rowid when nothing was read). */
	lastRowid: number;
	warnings: Warning[];
}

/**
 * How the file was opened: `shared` beside any writer (SQLite's locks and WAL index), or `immutable` (a
 * WAL database no writer has open, or one in a folder this user cannot write: nothing is created beside it).
 */
export type TapesReadMode = 'shared' | 'immutable';

export interface TapesSource {
	readonly path: string;
	readonly mode: TapesReadMode;
	stats(): { rows: number; maxRowid: number };
	/** The largest rowid: an O(log n) freshness check (count(*) scans a million-row index). */
	maxRowid(): number;
	/** Up to `limit` rows with rowid > `rowid`, in rowid order. */
	readAfter(rowid: number, limit: number): TapesBatch;
	/** The nodes with these hashes, in rowid order; unknown hashes are left out. */
	readByIds(ids: string[]): TapesBatch;
	/** The nodes at these rowids, in rowid order (a session's rows scattered among others', in one statement). */
	readRowids(rowids: readonly number[]): TapesBatch;
	/**
	 * What the rows in [from, to] say (text, tool calls and results) by hash, reading only their hash and
	 * content: for the search index. A row whose hash or content is not text is left out (readByIds maps it).
	 */
	readContents(from: number, to: number): Map<string, Pick<CanonicalMessage, 'text' | 'toolCalls' | 'toolResults'>>;
	/**
	 * Every (rowid, hash) pair in rowid order, to tell whether a VACUUM renumbered rowids. The
	 * connection is busy until the iterator finishes: do not call other methods while it is open.
	 */
	allIds(): IterableIterator<{ rowid: number; hash: string }>;
	/**
	 * The rowid of the node with this hash (undefined when there is none), through the file's own index on
	 * `hash`; null when the file has no such index, where each look-up would read the whole table.
	 */
	readonly rowidOf: ((hash: string) => number | undefined) | null;
	close(): void;
}

export type OpenTapesResult = { ok: true; source: TapesSource } | { ok: false; error: string };

export interface OpenTapesOptions {
	/** How long a read waits for another process's write lock (default 2000 ms). */
	busyTimeoutMs?: number;
}

/** Opens `path` read-only and checks it holds a tapes `nodes` table. Never throws. */
export function openTapesSource(path: string, opts: OpenTapesOptions = {}): OpenTapesResult {
	try {
		const stat = statSync(path);
		if (stat.isDirectory()) return { ok: false, error: `${path}: is a directory, not a database file` };
		// SQLite reads a 0-byte file as an empty database; "no nodes table" would hide that it is empty.
		if (stat.size === 0) return { ok: false, error: `${path}: file is empty (0 bytes), not a tapes database` };
		// SQLite says only "unable to open database file" when it may not read the file.
		accessSync(path, constants.R_OK);
	} catch (err) {
		return { ok: false, error: describeTapesError(path, err) };
	}
	let db: Database.Database | undefined;
	try {
		const mode = readMode(path);
		db = openDb(path, mode, opts.busyTimeoutMs ?? 2000);
		// The first statement reads the header, so a non-SQLite file fails here with SQLITE_NOTADB.
		// A view could be anything, an endless recursive one included: tapes writes a table.
		const kind = db.prepare("SELECT type FROM sqlite_schema WHERE name = 'nodes' COLLATE NOCASE").pluck().get() as string | undefined;
		if (kind !== undefined && kind !== 'table') return fail(db, `${path}: not a tapes database (nodes is a ${kind}, not a table)`);
		const present = new Set(db.prepare("SELECT name FROM pragma_table_info('nodes')").pluck().all() as string[]);
		if (present.size === 0) return fail(db, `${path}: not a tapes database (no nodes table)`);
		const missing = REQUIRED_COLUMNS.filter((c) => !present.has(c));
		if (missing.length > 0) {
			return fail(db, `${path}: not a tapes database (nodes has no ${missing.join(', ')} column)`);
		}
		return { ok: true, source: createSource(path, db, present, mode) };
	} catch (err) {
		return fail(db, describeTapesError(path, err));
	}
}

/** True when the file's header says WAL (bytes 18 and 19 are 2). */
function isWal(path: string): boolean {
	const fd = openSync(path, 'r');
	try {
		const header = Buffer.alloc(20);
		return readSync(fd, header, 0, 20, 0) === 20 && header[18] === 2 && header[19] === 2;
	} finally {
		closeSync(fd);
	}
}

function canWrite(dir: string): boolean {
	try {
		accessSync(dir, constants.W_OK);
		return true;
	} catch {
		return false;
	}
}

/**
 * A WAL database with no -wal file has no writer (SQLite removes it when the last connection closes), so
 * it is read as immutable and nothing appears beside it. One whose folder this user cannot write cannot
 * get its -shm created: immutable too (what a running writer has not checkpointed yet is then not seen).
 */
function readMode(path: string): TapesReadMode {
	if (!isWal(path)) return 'shared';
	if (!existsSync(`${path}-wal`)) return 'immutable';
	return canWrite(dirname(path)) || existsSync(`${path}-shm`) ? 'shared' : 'immutable';
}

function openDb(path: string, mode: TapesReadMode, timeout: number): Database.Database {
	if (mode === 'shared') return new Database(path, { readonly: true, fileMustExist: true, timeout });
	// A URI: characters that mean something there (%, ?, #) are escaped in the path.
	const uri = `file:${encodeURI(resolve(path)).replace(/\?/g, '%3F').replace(/#/g, '%23')}?immutable=1`;
	return new Database(uri, { readonly: true, fileMustExist: true, timeout });
}

function fail(db: Database.Database | undefined, error: string): { ok: false; error: string } {
	try {
		db?.close();
	} catch {
		// Closing a half-open handle can fail too; the open error is the one worth reporting.
	}
	return { ok: false, error };
}

function createSource(path: string, db: Database.Database, present: Set<string>, mode: TapesReadMode): TapesSource {
	// Optional columns missing from an older schema are selected as NULL, so the tuple shape is fixed.
	const select = `SELECT rowid, ${NODE_COLUMNS.map((c) => (present.has(c) ? c : `NULL AS ${c}`)).join(', ')} FROM nodes`;
	const afterStmt = db.prepare(`${select} WHERE rowid > ? ORDER BY rowid LIMIT ?`).raw();
	const byIdsStmt = db.prepare(`${select} WHERE hash IN (SELECT value FROM json_each(?)) ORDER BY rowid`).raw();
	const byRowidsStmt = db.prepare(`${select} WHERE rowid IN (SELECT value FROM json_each(?)) ORDER BY rowid`).raw();
	const idsStmt = db.prepare('SELECT rowid, hash FROM nodes ORDER BY rowid').raw();
	const contentsStmt = db.prepare('SELECT hash, content FROM nodes WHERE rowid BETWEEN ? AND ?').raw();
	// count(*) alone is SQLite's count of the smallest index's entries; with max(rowid) in the same statement it reads
	// every entry instead (18 vs 59 ms on 1M nodes). A sync counts its rows by rowid (tapes-sync.ts), not with this.
	const countStmt = db.prepare('SELECT count(*) FROM nodes').pluck();
	const maxRowidStmt = db.prepare('SELECT coalesce(max(rowid), 0) FROM nodes').pluck();
	const where = `${path}: nodes`;
	// The primary key's index in tapes' own schema; any index led by `hash` serves.
	const hashIndexed = db.prepare(`SELECT 1 FROM pragma_index_list('nodes') l, pragma_index_info(l.name) i WHERE i.seqno = 0 AND i.name = 'hash'`)
		.pluck().get() !== undefined;
	const rowidStmt = hashIndexed ? db.prepare('SELECT rowid FROM nodes WHERE hash = ?').pluck() : null;

	const toBatch = (rows: unknown[][], fromRowid: number): TapesBatch => {
		const tally = new WarningTally(where);
		const messages: TapesBatch['messages'] = [];
		let lastRowid = fromRowid;
		for (const row of rows) {
			const rowid = row[0] as number;
			lastRowid = rowid;
			const message = mapNodeRow(row, tally);
			if (message !== null) messages.push({ rowid, message });
		}
		return { messages, lastRowid, warnings: tally.list() };
	};

	return {
		path,
		mode,
		stats() {
			return guarded(path, () => {
				return { rows: countStmt.get() as number, maxRowid: maxRowidStmt.get() as number };
			});
		},
		maxRowid() {
			return guarded(path, () => maxRowidStmt.get() as number);
		},
		readAfter(rowid, limit) {
			return guarded(path, () => toBatch(afterStmt.all(rowid, limit) as unknown[][], rowid));
		},
		readByIds(ids) {
			if (ids.length === 0) return { messages: [], lastRowid: 0, warnings: [] };
			return guarded(path, () => toBatch(byIdsStmt.all(JSON.stringify(ids)) as unknown[][], 0));
		},
		readRowids(rowids) {
			if (rowids.length === 0) return { messages: [], lastRowid: 0, warnings: [] };
			return guarded(path, () => toBatch(byRowidsStmt.all(JSON.stringify(rowids)) as unknown[][], 0));
		},
		readContents(from, to) {
			return guarded(path, () => {
				const out = new Map<string, Pick<CanonicalMessage, 'text' | 'toolCalls' | 'toolResults'>>();
				// Problems in these rows were reported when they were synced: this read says nothing of them again.
				const quiet = new WarningTally(where);
				for (const [hash, content] of contentsStmt.all(from, to) as unknown[][]) {
					if (typeof hash === 'string' && hash !== '' && (content === null || typeof content === 'string')) out.set(hash, contentOf(content, quiet));
				}
				return out;
			});
		},
		rowidOf: rowidStmt ? (hash) => guarded(path, () => rowidStmt.get(hash) as number | undefined) : null,
		*allIds() {
			const rows = guarded(path, () => idsStmt.iterate() as IterableIterator<[number, unknown]>);
			try {
				for (const [rowid, hash] of rows) yield { rowid, hash: String(hash) };
			} catch (err) {
				throw new TapesSourceError(describeTapesError(path, err));
			}
		},
		close() {
			if (db.open) db.close();
		},
	};
}
