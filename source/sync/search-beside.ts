// A cold tapes load's full-text index, built beside the index. One writer at a time can hold an SQLite file,
// and indexing the words of a million messages is as much work as the sync itself; so a thread of its own
// follows the sync's committed messages (read-only), reads their bodies from the tapes file and indexes them
// into a scratch file. It starts once the load's session list is final, or with the load when the sync's
// thread reads the rows itself; asked for help, it hands over at a rowid and writes, from there, the words the
// sync's thread reads for it (search-beside-docs.ts). Then the sync copies the scratch file's FTS5 tables into
// the index's, in one transaction that also marks the source's messages indexed.
// Only an index whose full-text table is still empty can take the copy (a cold first source), and only if
// nothing else indexed this source meanwhile; otherwise the copy is dropped and the usual fill
// (search-backfill.ts) indexes what waits. The scratch file is never trusted across runs: it is rebuilt.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import {createSearchRows, type SearchRows} from '../store/search-rows.js';
import {openTapesSource} from '../sources/tapes/reader.js';
import {createDocReader, openScratch, removeScratch, type DocBatch} from './search-beside-docs.js';

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
	progress(indexed: number, to: number): void;
	/**
	 * Messages after this rowid come read by another thread (its documents in `fed`), in order: this one reads up
	 * to it only. Null while no help was asked for.
	 */
	fedFrom?(): number | null;
	/** The next batch another thread read, or null once it has sent them all. */
	fed?(): Promise<DocBatch | null>;
	/** The last rowid indexed, after each batch (where a hand-over can begin). */
	reached?(to: number): void;
}

/** The FTS5 tables that hold the index (its settings, in `_config`, stay the index's own). */
const TABLES = ['message_search_data', 'message_search_idx', 'message_search_docsize'] as const;

/** Whether an index can take a copy for this source: none of its messages indexed yet, and no row of any source in the table. */
export function readyForCopy(search: SearchRows, sourceId: number): boolean {
	return search.doneTo(sourceId) === 0 && search.empty();
}


/** Indexes the source's messages as the sync commits them; returns the last rowid indexed, or null when stopped. */
export async function buildBeside(job: BesideJob, control: BesideControl): Promise<{to: number; indexed: number} | null> {
	removeScratch(job.scratch);
	const scratch = openScratch(job.scratch);
	const index = new Database(job.indexPath, {readonly: true, fileMustExist: true});
	const opened = openTapesSource(job.tapesPath);
	let kept = false;
	try {
		if (!opened.ok) throw new Error(opened.error);
		const read = createDocReader(index, opened.source, job.sourceId);
		let after = 0;
		let indexed = 0;
		// Past where another thread took over, batches come from it, in order: FTS5 takes rowids rising.
		let helped = false;
		for (;;) {
			if (control.stopped()) return null;
			const from = control.fedFrom?.() ?? null;
			let batch: DocBatch | null;
			if (helped || (from !== null && after >= from)) {
				helped = true;
				batch = await control.fed!();
				if (batch === null) break;
			} else {
				// Read before asking whether the sync is done: a batch read after it said so is the last one.
				const done = control.syncDone();
				batch = read(after, from ?? undefined);
				if (batch === null) {
					// Its part read: on with the other thread's.
					if (from !== null && done) {
						after = from;
						continue;
					}
					if (done) break;
					await control.wait();
					continue;
				}
			}
			after = batch.to;
			indexed += batch.read;
			control.reached?.(after);
			if (scratch.add(batch) || helped) control.progress(indexed, after);
			// A request for help is seen between batches, not 10 batches (a commit) later. (The readers see the
			// sync's next commits in a new read transaction anyway: each statement is one.)
			if (!helped) await new Promise((resolve) => setImmediate(resolve));
		}
		kept = true;
		control.progress(indexed, after);
		return {to: after, indexed};
	} finally {
		scratch.close(kept);
		index.close();
		if (opened.ok) opened.source.close();
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
