// v12: the messages' unique key is an index of its own on a new index (a tapes bulk load can drop it); an
// index that already held messages keeps the table's constraint, and both keep one copy of a message.
import path from 'node:path';
import Database from 'better-sqlite3';
import {describe, expect, it} from 'vitest';
import {MIGRATIONS} from '../../source/store/migrations.js';
import {openIndex} from '../../source/store/open-index.js';
import {ensureMessageKey, hasMessageKey} from '../../source/store/bulk-load.js';
import {tempDir} from '../helpers/workspace.js';

const indexes = (db: Database.Database) =>
	db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'messages' ORDER BY name`).pluck().all();

/** An index as v11 left it, with `messages` rows in it. */
function atV11(file: string, messages: number): void {
	const db = new Database(file);
	for (const step of MIGRATIONS.slice(0, 11)) db.exec(step as string);
	db.pragma('user_version = 11');
	for (let i = 0; i < messages; i++) {
		db.prepare(`INSERT INTO messages (source_id, id, session_id, seq, ts, model, facts) VALUES (1, ?, 's', ?, 0, '', '[]')`).run(`m${i}`, i);
	}
	db.close();
}

function opened(file: string) {
	const r = openIndex(file);
	if (!r.ok) throw new Error(r.error);
	return r.db;
}

const insert = (db: Database.Database, id: string) =>
	db.prepare(`INSERT OR IGNORE INTO messages (source_id, id, session_id, seq, ts, model, facts) VALUES (1, ?, 's', 0, 0, '', '[]')`).run(id).changes;

describe('the messages key (v12)', () => {
	it('is an index of its own on a new index, and keeps one copy of a message', () => {
		const db = opened(path.join(tempDir(), 'new.sqlite'));
		expect(db.pragma('user_version', {simple: true})).toBe(MIGRATIONS.length);
		expect(indexes(db)).toEqual(['messages_key', 'messages_session']);
		expect(insert(db, 'a')).toBe(1);
		expect(insert(db, 'a')).toBe(0);
		db.exec('DROP INDEX messages_key');
		expect(hasMessageKey(db)).toBe(false);
		ensureMessageKey(db);
		expect(indexes(db)).toEqual(['messages_key', 'messages_session']);
		db.close();
	});

	it('stays the table constraint where v11 left messages, which are all kept', () => {
		const file = path.join(tempDir(), 'old.sqlite');
		atV11(file, 3);
		const db = opened(file);
		expect(indexes(db)).toEqual(['messages_session', 'sqlite_autoindex_messages_1']);
		expect(db.prepare('SELECT id FROM messages ORDER BY rowid').pluck().all()).toEqual(['m0', 'm1', 'm2']);
		expect(hasMessageKey(db)).toBe(true);
		// No second unique index beside the constraint.
		ensureMessageKey(db);
		expect(indexes(db)).toEqual(['messages_session', 'sqlite_autoindex_messages_1']);
		expect(insert(db, 'm1')).toBe(0);
		db.close();
	});

	it('is rebuilt as its own index where v11 left messages empty', () => {
		const file = path.join(tempDir(), 'empty.sqlite');
		atV11(file, 0);
		const db = opened(file);
		expect(indexes(db)).toEqual(['messages_key', 'messages_session']);
		expect(insert(db, 'a')).toBe(1);
		expect(insert(db, 'a')).toBe(0);
		db.close();
	});
});
