// A new index is made with larger pages (a cold sync writes fewer of them); an index made before keeps the page
// size it has (SQLite cannot change it in WAL mode) and is read and synced as before.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {afterEach, describe, expect, it} from 'vitest';
import {NEW_INDEX_PAGE_SIZE, openIndex, type IndexDb} from '../../source/store/open-index.js';
import {open, syncFixture, tempDir} from '../helpers/workspace.js';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';

const dbs: IndexDb[] = [];
const workspaces: Workspace[] = [];
afterEach(() => {
	while (dbs.length) dbs.pop()!.close();
	while (workspaces.length) workspaces.pop()!.close();
});

const pageSize = (db: IndexDb) => db.pragma('page_size', {simple: true}) as number;

function opened(file: string): IndexDb {
	const result = openIndex(file);
	if (!result.ok) throw new Error(result.error);
	dbs.push(result.db);
	return result.db;
}

const nodes = [
	{id: 'u1', text: 'hello there'},
	{id: 'a1', parent: 'u1', role: 'assistant', text: 'hi', tokens: {in: 10, out: 5}, stop: 'end_turn'},
];

describe('index page size', () => {
	it('is NEW_INDEX_PAGE_SIZE for a new index, which is larger than SQLite\'s default', () => {
		const file = path.join(tempDir(), 'index.sqlite');
		const db = opened(file);
		expect(NEW_INDEX_PAGE_SIZE).toBeGreaterThan(4096);
		expect(pageSize(db)).toBe(NEW_INDEX_PAGE_SIZE);
		expect(db.pragma('journal_mode', {simple: true})).toBe('wal');
		// Read back from the file by another connection: the header holds it, not only this connection.
		const other = new Database(file, {readonly: true});
		try {
			expect(other.pragma('page_size', {simple: true})).toBe(NEW_INDEX_PAGE_SIZE);
		} finally {
			other.close();
		}
	});

	it('holds for an empty file left by an interrupted first open', () => {
		const file = path.join(tempDir(), 'index.sqlite');
		fs.writeFileSync(file, '');
		expect(pageSize(opened(file))).toBe(NEW_INDEX_PAGE_SIZE);
	});

	it('stays 4096 for an index made with 4096-byte pages, which still syncs and reopens', async () => {
		const dir = tempDir();
		const index = path.join(dir, 'index.sqlite');
		// An index as tapedeck made it before: SQLite's default page size, in WAL mode, with a sync in it.
		const old = new Database(index);
		old.pragma('page_size = 4096');
		old.pragma('journal_mode = WAL');
		old.close();
		const first = await syncFixture(nodes, dir);
		workspaces.push(first.ws);
		expect(pageSize(first.ws.store.db)).toBe(4096);
		expect(first.ws.store.db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(2);
		first.ws.close();
		workspaces.pop();

		const again = open({sqlite: first.sqlite, index});
		workspaces.push(again);
		await syncWorkspace(again);
		expect(pageSize(again.store.db)).toBe(4096);
		expect(again.store.db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(1);
		expect(again.store.db.pragma('integrity_check', {simple: true})).toBe('ok');
	});

	it('of an existing index made with the new size is kept on reopen', () => {
		const file = path.join(tempDir(), 'index.sqlite');
		opened(file).close();
		dbs.pop();
		expect(pageSize(opened(file))).toBe(NEW_INDEX_PAGE_SIZE);
	});
});
