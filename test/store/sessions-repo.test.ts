// Dropping a session (its messages moved into another, or its file emptied) removes every row its summary wrote,
// from both repositories that drop one, and leaves the other sessions' rows as they were.
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {generateTapes} from '../../source/bench/generate-tapes.js';
import {SUMMARY_ROWS} from '../../source/store/sessions-repo.js';
import {createFileSessionsRepo} from '../../source/store/file-sessions-repo.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';
import {openAndSync, tempDir} from '../helpers/workspace.js';

const opened: Workspace[] = [];
afterEach(() => {
	while (opened.length) opened.pop()!.close();
});

/** Rows of each summary table for one session. */
const rowsOf = (ws: Workspace, id: string) =>
	Object.fromEntries(SUMMARY_ROWS.map(([table, column]) => [table, ws.store.db.prepare(`SELECT count(*) FROM ${table} WHERE ${column} = ?`).pluck().get(id)]));

describe('dropping a session', () => {
	it.each(['sessions', 'file sessions'] as const)('through the %s repository removes all its summary rows, and only its', async (repo) => {
		const dir = tempDir();
		const sqlite = path.join(dir, 'tapes.sqlite');
		generateTapes(sqlite, {sessions: 3, nodesPerSession: 6, startMs: Date.UTC(2026, 0, 1)});
		const {ws} = await openAndSync({sqlite, index: path.join(dir, 'index.sqlite')});
		opened.push(ws);
		const [gone, kept] = ws.store.db.prepare('SELECT id FROM sessions ORDER BY id').pluck().all() as string[];
		const before = rowsOf(ws, kept!);
		// Every table holds something of the session first (a test of the drop, not of an empty table).
		for (const count of Object.values(rowsOf(ws, gone!))) expect(count).toBeGreaterThan(0);
		ws.store.db.transaction(() => (repo === 'sessions' ? ws.store.sessions.drop(gone!) : createFileSessionsRepo(ws.store.db).drop(gone!)))();
		expect(Object.values(rowsOf(ws, gone!))).toEqual(SUMMARY_ROWS.map(() => 0));
		expect(rowsOf(ws, kept!)).toEqual(before);
	});
});
