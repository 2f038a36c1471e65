// A tapes session's facts come again from its file when it is summarized anew (the index keeps its nodes
// slim): the same facts the Timeline reads, an error naming the file when it is gone or not the one synced,
// and, for a session two tapes files share, each file's own rows.
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {TAPES_BASIC} from '../../fixtures/tapes-cases.js';
import {buildTapesDb, type FixtureNode} from '../../fixtures/tapes-builder.js';
import {createTapesFiles, TapesFactsError} from '../../source/sync/tapes-facts.js';
import {readSessionMessages} from '../../source/workspace/session-messages.js';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';
import {open, openAndSync, syncFixture, tempDir} from '../helpers/workspace.js';

const opened: Workspace[] = [];
afterEach(() => {
	while (opened.length) opened.pop()!.close();
});

const sessionIds = (ws: Workspace) => ws.store.db.prepare('SELECT id FROM sessions ORDER BY id').pluck().all() as string[];
const thrown = (fn: () => unknown): unknown => {
	try {
		fn();
	} catch (error) {
		return error;
	}
	return undefined;
};

describe('createTapesFiles', () => {
	it('gives each session the facts its file gives the Timeline, and keeps no slim row of its own', async () => {
		const {ws} = await syncFixture(TAPES_BASIC);
		opened.push(ws);
		const files = createTapesFiles(ws.store);
		try {
			for (const id of sessionIds(ws)) {
				expect(ws.store.messages.factsForSession(id)).toBeNull();
				expect(files.factsOf(id)).toEqual(readSessionMessages(ws, {id, source: 'tapes'}).facts);
			}
		} finally {
			files.close();
		}
	});

	it('names the file when it is gone, or holds other rows than the session was read from', async () => {
		const {ws, sqlite} = await syncFixture(TAPES_BASIC);
		opened.push(ws);
		const [id] = sessionIds(ws);
		fs.rmSync(sqlite);
		const gone = createTapesFiles(ws.store);
		const error = thrown(() => gone.factsOf(id!));
		expect(error).toBeInstanceOf(TapesFactsError);
		expect((error as Error).message).toContain(sqlite);
		gone.close();
		buildTapesDb(sqlite, TAPES_BASIC.slice(0, 1));
		const other = createTapesFiles(ws.store);
		expect(() => other.factsOf(id!)).toThrow(`${sqlite}: no longer holds the rows session ${id} was read from (replaced or rebuilt since)`);
		other.close();
	});
});

describe('a session two tapes files share (the same root node)', () => {
	const root: FixtureNode = {id: 'u1', text: 'The same first prompt.', project: 'shared'};
	const inA: FixtureNode[] = [root, {id: 'a1', parent: 'u1', role: 'assistant', text: 'From A.', tokens: {in: 100, out: 10}, stop: 'end_turn'}];
	const inB: FixtureNode[] = [root, {id: 'b1', parent: 'u1', role: 'assistant', text: 'From B.', tokens: {in: 200, out: 20}, stop: 'end_turn'}];

	async function both() {
		const dir = tempDir();
		const a = path.join(dir, 'a.sqlite');
		const b = path.join(dir, 'b.sqlite');
		buildTapesDb(a, inA);
		buildTapesDb(b, inB);
		const index = path.join(dir, 'index.sqlite');
		const first = await openAndSync({sqlite: a, index});
		first.ws.close();
		const second = open({sqlite: b, index});
		opened.push(second);
		return {a, b, ws: second};
	}

	it('is summarized from both files: each gives its own rows', async () => {
		const {ws} = await both();
		await syncWorkspace(ws);
		const [id] = sessionIds(ws);
		expect(sessionIds(ws)).toHaveLength(1);
		const summary = ws.store.sessions.get(id!)!;
		// The root, one node in both files, counts once; each file gives its own reply.
		expect(summary.messageCount).toBe(3);
		expect(summary.outputTokens).toBe(30);
	});

	it('keeps its summary, with a warning naming the file, when the other file is gone', async () => {
		const {a, ws} = await both();
		const [id] = sessionIds(ws);
		const before = ws.store.sessions.get(id!)!;
		fs.rmSync(a);
		const synced = await syncWorkspace(ws);
		expect(ws.store.sessions.get(id!)).toEqual(before);
		const warnings = synced.summaries.flatMap((s) => s.warnings).map((w) => w.message);
		expect(warnings.some((m) => m.startsWith(`session ${id} not summarized again: `) && m.includes(a))).toBe(true);
	});
});
