// The search index fills in behind the sync: the session list is written first, the words after, from the rows
// above a source's done_to. A fill killed midway resumes without indexing anything twice; an index left by an
// older tapedeck with its backfill half done ends in the same state; dropped messages take their words along.
import {spawn} from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import {afterEach, describe, expect, it} from 'vitest';
import {generateTapes} from '../../source/bench/generate-tapes.js';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import {backfillSearch} from '../../source/sync/search-backfill.js';
import {createFileMessagesRepo} from '../../source/store/file-messages-repo.js';
import {searchDoc} from '../../source/core/search-text.js';
import {messageFacts} from '../../source/core/message-facts.js';
import {encodeBody} from '../../source/store/message-body.js';
import {TAPES_BASIC} from '../../fixtures/tapes-cases.js';
import {open, syncFixture, tempDir} from '../helpers/workspace.js';
import {CLI} from '../cli/run-cli.js';
import {message} from '../core/build-message.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';

const opened: Workspace[] = [];
afterEach(() => {
	while (opened.length) opened.pop()!.close();
});
const keep = (ws: Workspace) => (opened.push(ws), ws);
const indexedRows = (db: Workspace['store']['db'] | Database.Database) => db.prepare('SELECT count(*) FROM message_search_docsize').pluck().get() as number;
const matching = (ws: Workspace, word: string) =>
	ws.store.db.prepare(`SELECT count(*) FROM message_search WHERE message_search MATCH ?`).pluck().get(word) as number;
const fill = (db: Workspace['store']['db'] | Database.Database) =>
	db.prepare('SELECT backfill_to, done_to FROM search_sources').get() as {backfill_to: number; done_to: number};

/**
 * Starts `tapedeck sync` and kills it (-9) once the search fill has committed a slice but not the last. The
 * fill commits every 400 ms, so the data must take it several slices (see the caller); `seen` says what the
 * poller last read, for the failure message when the window was missed.
 */
function killMidFill(sqlite: string, index: string): Promise<{caught: boolean; doneTo: number; seen: string}> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [CLI, 'sync', '--sqlite', sqlite, '--index', index], {stdio: 'ignore'});
		let caught = false;
		let doneTo = 0;
		let seen = 'nothing read';
		let db: Database.Database | null = null;
		const timer = setInterval(() => {
			try {
				db ??= new Database(index, {readonly: true, fileMustExist: true});
				const row = db.prepare('SELECT done_to FROM search_sources').get() as {done_to: number} | undefined;
				const max = db.prepare('SELECT coalesce(max(rowid), 0) FROM messages').pluck().get() as number;
				seen = `done_to ${row?.done_to ?? 'none'} of ${max}`;
				if (row && row.done_to > 0 && row.done_to < max) {
					caught = true;
					doneTo = row.done_to;
					child.kill('SIGKILL');
					clearInterval(timer);
				}
			} catch (error) {
				// Not created yet, or mid-migration: open it again on the next tick.
				seen = (error as Error).message;
				db?.close();
				db = null;
			}
		}, 5);
		child.on('exit', (code, signal) => {
			clearInterval(timer);
			db?.close();
			resolve({caught, doneTo, seen: `${seen}; sync exited ${signal ?? code}`});
		});
	});
}

describe('search fill behind the sync', () => {
	it('a fill killed with -9 midway resumes where it stopped and indexes every message once', async () => {
		const dir = tempDir();
		const sqlite = path.join(dir, 'tapes.sqlite');
		// 100,000 messages: about 1.5 s of fill on these machines, several 400 ms slices, so a window to kill it in.
		generateTapes(sqlite, {sessions: 2_000, nodesPerSession: 50, startMs: Date.UTC(2026, 0, 1)});
		const clean = keep(open({sqlite, index: path.join(dir, 'clean.sqlite')}));
		await syncWorkspace(clean);
		const total = clean.store.db.prepare('SELECT count(*) FROM messages').pluck().get() as number;
		expect(indexedRows(clean.store.db)).toBe(total);
		const words = matching(clean, 'the');
		expect(words).toBeGreaterThan(0);

		const index = path.join(dir, 'index.sqlite');
		const killed = await killMidFill(sqlite, index);
		expect(killed.caught, killed.seen).toBe(true);
		// What the fill committed is whole: exactly the rows at or below done_to are indexed, and the list is complete.
		const db = new Database(index, {readonly: true});
		expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(total);
		expect(indexedRows(db)).toBe(db.prepare('SELECT count(*) FROM messages WHERE rowid <= ?').pluck().get(fill(db).done_to));
		expect(indexedRows(db)).toBeLessThan(total);
		db.close();

		const resumed = keep(open({sqlite, index}));
		await syncWorkspace(resumed);
		expect(indexedRows(resumed.store.db)).toBe(total);
		expect(matching(resumed, 'the')).toBe(words);
		await syncWorkspace(resumed);
		expect(indexedRows(resumed.store.db)).toBe(total);
	}, 180_000);

	it('an index left by an older tapedeck with its backfill half done finishes it, then fills new rows behind the sync', async () => {
		const {ws, sqlite, index} = await syncFixture(TAPES_BASIC);
		const total = indexedRows(ws.store.db);
		expect(total).toBeGreaterThan(2);
		const max = ws.store.db.prepare('SELECT max(rowid) FROM messages').pluck().get() as number;
		// The older scheme: rowids in (done_to, backfill_to] wait; the ones above were indexed as they were stored.
		ws.store.db.prepare('DELETE FROM message_search WHERE rowid > 1 AND rowid <= ?').run(max - 1);
		ws.store.db.prepare('UPDATE search_sources SET backfill_to = ?, done_to = 1').run(max - 1);
		expect(indexedRows(ws.store.db)).toBe(2);
		ws.close();
		const again = keep(open({sqlite, index}));
		await syncWorkspace(again);
		expect(indexedRows(again.store.db)).toBe(total);
		expect(fill(again.store.db)).toEqual({backfill_to: -1, done_to: max});
		await syncWorkspace(again);
		expect(indexedRows(again.store.db)).toBe(total);
	});

	it('a session\'s messages dropped by ID prefix (a trace read again) take their words out of the index', async () => {
		const {ws} = await syncFixture(TAPES_BASIC);
		keep(ws);
		const sourceId = ws.store.sources.list()[0]!.id;
		const repo = createFileMessagesRepo(ws.store.db, [sourceId]);
		const before = indexedRows(ws.store.db);
		for (const [i, text] of ['quokka one', 'quokka two'].entries()) {
			const m = message({id: `trace-1:${i}`, text, timestamp: Date.UTC(2026, 0, 1, 0, i)});
			repo.insert(sourceId, 'trace-1', i, messageFacts(m, ''), encodeBody(m), () => searchDoc(m));
		}
		await backfillSearch(ws.store, sourceId, 'test', null);
		expect(matching(ws, 'quokka')).toBe(2);
		expect(indexedRows(ws.store.db)).toBe(before + 2);
		expect(repo.deletePrefix(sourceId, 'trace-1', 'trace-1:')).toBe(2);
		expect(matching(ws, 'quokka')).toBe(0);
		expect(indexedRows(ws.store.db)).toBe(before);
	});

	it('words are not worked out on the write path for a row the fill has not reached', async () => {
		const {ws} = await syncFixture(TAPES_BASIC);
		keep(ws);
		const sourceId = ws.store.sources.list()[0]!.id;
		const repo = createFileMessagesRepo(ws.store.db, [sourceId]);
		let asked = 0;
		const m = message({id: 'late-1', text: 'wombat', timestamp: Date.UTC(2026, 0, 2)});
		repo.insert(sourceId, 'late', 0, messageFacts(m, ''), encodeBody(m), () => (asked++, searchDoc(m)));
		expect(asked).toBe(0);
		expect(ws.store.search.status(sourceId)).toEqual({on: true, waiting: 1});
		expect(await backfillSearch(ws.store, sourceId, 'test', null)).toBe(1);
		expect(matching(ws, 'wombat')).toBe(1);
		expect(ws.store.search.status(sourceId)).toEqual({on: true, waiting: 0});
	});
});
