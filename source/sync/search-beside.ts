// A cold tapes load's full-text index, built beside the index while the sync writes the sessions. One writer
// at a time can hold an SQLite file, and indexing the words of a million messages is as much work as the
// sync itself; so a thread of its own follows the sync's committed messages (read-only), reads their bodies
// from the tapes file and indexes them into a scratch file. When the sync is done it copies the scratch
// file's FTS5 tables into the index's, in one transaction that also marks the source's messages indexed.
// Only an index whose full-text table is still empty can take the copy (a cold first source), and only if
// nothing else indexed this source meanwhile; otherwise the copy is dropped and the usual fill
// (search-backfill.ts) indexes what waits. The scratch file is never trusted across runs: it is rebuilt.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import {searchDoc} from '../core/search-text.js';
import {SEARCH_TABLE} from '../store/migrations-search.js';
import {createSearchRows, type SearchRows} from '../store/search-rows.js';
import {openTapesSource} from '../sources/tapes/reader.js';
import {tapesBodies} from './search-backfill.js';

export interface BesideJob {
	indexPath: string;
	tapesPath: string;
	sourceId: number;
	/** The scratch file (beside the index). */
	scratch: string;
}

export interface BesideControl {
	/** True once the sync is done: every message it writes is committed. */
	syncDone(): boolean;
	/** Resolves when there may be more to read (more committed, or the sync done). */
	wait(): Promise<void>;
	stopped(): boolean;
	progress(indexed: number): void;
}

const BATCH = 2_000;
/** Scratch transactions: each commit writes a segment, and fewer, larger ones mean fewer merges. */
const BATCHES_PER_COMMIT = 10;
/** The FTS5 tables that hold the index (its settings, in `_config`, stay the index's own). */
const TABLES = ['message_search_data', 'message_search_idx', 'message_search_docsize'] as const;

/** Whether an index can take a copy for this source: none of its messages indexed yet, and no row of any source in the table. */
export function readyForCopy(search: SearchRows, sourceId: number): boolean {
	return search.doneTo(sourceId) === 0 && search.empty();
}

export function removeScratch(scratch: string): void {
	for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(scratch + suffix, {force: true});
}

/** Indexes the source's messages as the sync commits them; returns the last rowid indexed, or null when stopped. */
export async function buildBeside(job: BesideJob, control: BesideControl): Promise<{to: number; indexed: number} | null> {
	removeScratch(job.scratch);
	const scratch = new Database(job.scratch);
	const index = new Database(job.indexPath, {readonly: true, fileMustExist: true});
	const opened = openTapesSource(job.tapesPath);
	if (!opened.ok) throw new Error(opened.error);
	try {
		// A scratch file: nothing in it is kept if the process dies, so no journal and no fsync.
		scratch.pragma('journal_mode = OFF');
		scratch.pragma('synchronous = OFF');
		scratch.exec(SEARCH_TABLE);
		// Words gathered in memory up to 8 MB before a segment is written (1 MB by default): fewer segments to
		// merge, 7.6 → 6.5 s for 300,000 messages. The setting stays in the scratch file; the copy leaves it.
		scratch.exec(`INSERT INTO message_search (message_search, rank) VALUES ('hashsize', ${8 << 20})`);
		const add = scratch.prepare('INSERT INTO message_search (rowid, text, thinking, tool) VALUES (?, ?, ?, ?)');
		const next = index.prepare('SELECT rowid, id, seq FROM messages WHERE rowid > ? AND +source_id = ? ORDER BY rowid LIMIT ?');
		let after = 0;
		let indexed = 0;
		let batches = 0;
		scratch.exec('BEGIN');
		for (;;) {
			if (control.stopped()) {
				scratch.exec('ROLLBACK');
				return null;
			}
			// Read before asking whether the sync is done: a batch read after it said so is the last one.
			const done = control.syncDone();
			const rows = next.all(after, job.sourceId, BATCH) as Array<{rowid: number; id: string; seq: number}>;
			if (rows.length === 0) {
				if (done) break;
				await control.wait();
				continue;
			}
			const bodies = tapesBodies(opened.source, rows);
			for (const row of rows) {
				const message = bodies.get(row.id);
				const doc = message ? searchDoc(message) : null;
				if (doc) add.run(row.rowid, doc.text, doc.thinking, doc.tool);
			}
			after = rows[rows.length - 1]!.rowid;
			indexed += rows.length;
			if (++batches % BATCHES_PER_COMMIT === 0) {
				scratch.exec('COMMIT; BEGIN');
				control.progress(indexed);
				// The readers see the next commits of the sync only in a new read transaction (each statement is one).
				await new Promise((resolve) => setImmediate(resolve));
			}
		}
		scratch.exec('COMMIT');
		control.progress(indexed);
		return {to: after, indexed};
	} finally {
		scratch.close();
		index.close();
		opened.source.close();
	}
}

/**
 * Copies the scratch index into the index, through a connection of its own (so every other connection,
 * the sync's among them, sees the full-text tables change and re-reads them). Returns false, copying
 * nothing, when the index's table is no longer empty or the source's state moved since the build began.
 */
export function copyBeside(job: BesideJob, to: number): boolean {
	if (!fs.existsSync(job.scratch)) return false;
	const db = new Database(job.indexPath, {fileMustExist: true, timeout: 10_000});
	try {
		// The FTS5 tables refuse writes from SQL unless the connection is out of its defensive mode.
		db.unsafeMode(true);
		db.prepare('ATTACH DATABASE ? AS beside').run(job.scratch);
		const search = createSearchRows(db);
		return db.transaction(() => {
			if (!readyForCopy(search, job.sourceId)) return false;
			for (const table of TABLES) db.exec(`DELETE FROM main.${table}; INSERT INTO main.${table} SELECT * FROM beside.${table};`);
			search.markDone(job.sourceId, to);
			return true;
		}).immediate();
	} finally {
		db.close();
	}
}
