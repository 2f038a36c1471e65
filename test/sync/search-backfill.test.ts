// The search index fills in behind the sync: the session list is written first, the words after, from the rows
// above a source's done_to. A fill killed midway resumes without indexing anything twice; an index left by an
// older tapedeck with its backfill half done ends in the same state; dropped messages take their words along.
import {spawn} from 'node:child_process';
import fs from 'node:fs';
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
import {CLI, runCli} from '../cli/run-cli.js';
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
 * Starts `tapedeck sync ARGS` and kills it (-9) as soon as `when` holds of the index (polled every 5 ms);
 * `seen` says what the poller last read, for the failure message when the window was missed.
 */
function killWhen(sqlite: string, index: string, args: string[], when: (db: Database.Database) => string | null): Promise<{caught: boolean; seen: string}> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [CLI, 'sync', '--sqlite', sqlite, '--index', index, ...args], {stdio: 'ignore'});
		let caught = false;
		let seen = 'nothing read';
		let db: Database.Database | null = null;
		const timer = setInterval(() => {
			try {
				db ??= new Database(index, {readonly: true, fileMustExist: true});
				const verdict = when(db);
				if (verdict === null) return;
				seen = verdict;
				if (verdict.startsWith('kill')) {
					caught = true;
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
			resolve({caught, seen: `${seen}; sync exited ${signal ?? code}`});
		});
	});
}

/** Once the usual fill has committed a slice but not the last (it commits every 400 ms: the data must take several). */
const midFill = (db: Database.Database): string => {
	const row = db.prepare('SELECT done_to FROM search_sources').get() as {done_to: number} | undefined;
	const max = db.prepare('SELECT coalesce(max(rowid), 0) FROM messages').pluck().get() as number;
	return `${row && row.done_to > 0 && row.done_to < max ? 'kill at ' : ''}done_to ${row?.done_to ?? 'none'} of ${max}`;
};

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

		// A cold load indexes beside the sync (search-beside.ts); a source whose index is turned on later is
		// filled the usual way, behind the sync.
		const index = path.join(dir, 'index.sqlite');
		expect(runCli(['sync', '--sqlite', sqlite, '--index', index, '--no-search-index']).status).toBe(0);
		const killed = await killWhen(sqlite, index, ['--search-index'], midFill);
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

	it('a cold load killed with -9 while its index is built beside it resumes, indexes every message once and leaves no scratch file', async () => {
		const dir = tempDir();
		const sqlite = path.join(dir, 'tapes.sqlite');
		generateTapes(sqlite, {sessions: 2_000, nodesPerSession: 50, startMs: Date.UTC(2026, 0, 1)});
		const index = path.join(dir, 'index.sqlite');
		// Killed midway through the load, while the thread beside it has a scratch file going.
		const killed = await killWhen(sqlite, index, [], (db) => {
			const max = db.prepare('SELECT coalesce(max(rowid), 0) FROM messages').pluck().get() as number;
			const scratch = fs.readdirSync(dir).some((f) => f.startsWith('index.sqlite.search-'));
			return `${scratch && max > 20_000 ? 'kill at ' : ''}${max} messages, scratch ${scratch}`;
		});
		expect(killed.caught, killed.seen).toBe(true);
		expect(fs.readdirSync(dir).some((f) => f.startsWith('index.sqlite.search-'))).toBe(true);
		const resumed = keep(open({sqlite, index}));
		await syncWorkspace(resumed);
		const total = resumed.store.db.prepare('SELECT count(*) FROM messages').pluck().get() as number;
		expect(total).toBe(100_000);
		expect(indexedRows(resumed.store.db)).toBe(total);
		expect(fill(resumed.store.db).done_to).toBe(resumed.store.db.prepare('SELECT max(rowid) FROM messages').pluck().get());
		expect(fs.readdirSync(dir).filter((f) => f.startsWith('index.sqlite.search-'))).toEqual([]);
		const clean = keep(open({sqlite, index: path.join(dir, 'clean.sqlite')}));
		await syncWorkspace(clean);
		expect(matching(resumed, 'the')).toBe(matching(clean, 'the'));
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
