// The two halves of the search index built beside a cold tapes load (search-beside.ts): reading the words of
// the committed messages from the tapes file, a batch at a time, and writing them into the scratch index. They
// run on one thread, or the sync's thread reads while the search thread only writes (search-beside-thread.ts).
// And the scratch file's end: removed after its copy, or when the process that made it is gone.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {searchDoc} from '../core/search-text.js';
import {SEARCH_TABLE} from '../store/migrations-search.js';
import type {TapesSource} from '../sources/tapes/reader.js';
import {tapesBodies} from './search-backfill.js';

const BATCH = 2_000;
/** Scratch transactions: each commit writes a segment, and fewer, larger ones mean fewer merges. */
const BATCHES_PER_COMMIT = 10;

/** A batch of documents for the scratch index: messages' rowids and their columns, joined by DOC_SEPARATOR. */
export interface DocBatch {
	/** The last message rowid read (its documents may be fewer: a message without words has none). */
	to: number;
	/** Messages read. */
	read: number;
	rowids: number[];
	/** text, thinking and tool of each document in turn, joined: one string crosses a thread at the cost of a copy. */
	columns: string;
}

/** A control character the index never holds (sanitize removes them), so it cannot split a column. */
export const DOC_SEPARATOR = '\u0001';

/** Reads the source's committed messages after a rowid, a batch at a time, with their words from the tapes file. */
export function createDocReader(index: Database.Database, tapes: TapesSource, sourceId: number) {
	const next = index.prepare('SELECT rowid, id, seq FROM messages WHERE rowid > ? AND rowid <= ? AND +source_id = ? ORDER BY rowid LIMIT ?');
	return (after: number, upTo = Number.MAX_SAFE_INTEGER): DocBatch | null => {
		const rows = next.all(after, upTo, sourceId, BATCH) as Array<{rowid: number; id: string; seq: number}>;
		if (rows.length === 0) return null;
		const bodies = tapesBodies(tapes, rows);
		const rowids: number[] = [];
		const columns: string[] = [];
		for (const row of rows) {
			const message = bodies.get(row.id);
			const doc = message ? searchDoc(message) : null;
			if (!doc) continue;
			rowids.push(row.rowid);
			columns.push(doc.text, doc.thinking, doc.tool);
		}
		return {to: rows[rows.length - 1]!.rowid, read: rows.length, rowids, columns: columns.join(DOC_SEPARATOR)};
	};
}

/** The scratch index, written a batch at a time in transactions of BATCHES_PER_COMMIT batches. */
export function openScratch(file: string) {
	const scratch = new Database(file);
	// A scratch file: nothing in it is kept if the process dies, so no journal and no fsync.
	scratch.pragma('journal_mode = OFF');
	scratch.pragma('synchronous = OFF');
	scratch.exec(SEARCH_TABLE);
	// Words gathered in memory up to 8 MB before a segment is written (1 MB by default): fewer segments to
	// merge, 7.6 → 6.5 s for 300,000 messages. The setting stays in the scratch file; the copy leaves it.
	scratch.exec(`INSERT INTO message_search (message_search, rank) VALUES ('hashsize', ${8 << 20})`);
	const add = scratch.prepare('INSERT INTO message_search (rowid, text, thinking, tool) VALUES (?, ?, ?, ?)');
	let batches = 0;
	scratch.exec('BEGIN');
	return {
		/** Adds a batch; true when it committed (a point to tell the progress and let the sync's commits show). */
		add(batch: DocBatch): boolean {
			const columns = batch.rowids.length === 0 ? [] : batch.columns.split(DOC_SEPARATOR);
			for (let i = 0; i < batch.rowids.length; i++) add.run(batch.rowids[i], columns[3 * i], columns[3 * i + 1], columns[3 * i + 2]);
			if (++batches % BATCHES_PER_COMMIT !== 0) return false;
			scratch.exec('COMMIT; BEGIN');
			return true;
		},
		/** Commits what is left and closes; `keep` false drops the transaction instead. */
		close(keep: boolean): void {
			try {
				scratch.exec(keep ? 'COMMIT' : 'ROLLBACK');
			} finally {
				scratch.close();
			}
		},
	};
}

export function removeScratch(scratch: string): void {
	for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(scratch + suffix, {force: true});
}

/** Scratch files a killed process left beside this index (their process is gone): removed, they are never reused. */
export function removeStaleScratch(indexPath: string): void {
	const dir = path.dirname(indexPath);
	const prefix = `${path.basename(indexPath)}.search-`;
	let names: string[];
	try {
		names = fs.readdirSync(dir);
	} catch {
		return;
	}
	for (const name of names) {
		const pid = name.startsWith(prefix) ? /^\d+-(\d+)(?:-journal|-wal|-shm)?$/.exec(name.slice(prefix.length))?.[1] : undefined;
		if (pid !== undefined && !alive(Number(pid))) fs.rmSync(path.join(dir, name), {force: true});
	}
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it runs, as another user.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
