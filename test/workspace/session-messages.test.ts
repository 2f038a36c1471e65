// A tapes session read back from its tapes file gives what the sync worked out: the index's slim rows (the
// same messages, in the same order, with the same time, model, role and tools), the summary written from
// the facts the sync held (the carried model included), and the same bodies as a lookup by hash.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {afterEach, describe, expect, it} from 'vitest';
import {TAPES_BAD_ROWS, TAPES_BASIC, TAPES_BRANCH, TAPES_CYCLE, TAPES_DANGLING, TAPES_TIME_LAYOUTS} from '../../fixtures/tapes-cases.js';
import {FIXTURE_BASE_MS, buildTapesDb, type FixtureNode} from '../../fixtures/tapes-builder.js';
import {seedDemo} from '../../source/sources/demo/seed.js';
import {openTapesSource} from '../../source/sources/tapes/reader.js';
import {readTapesFacts, toRanges} from '../../source/sources/tapes/session-reader.js';
import {readSessionMessages} from '../../source/workspace/session-messages.js';
import {packSlim, roleAndTools} from '../../source/store/messages-repo.js';
import {summarizeSession} from '../../source/core/summarize.js';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';
import {openAndSync, syncFixture, tempDir} from '../helpers/workspace.js';

const opened: Workspace[] = [];
afterEach(() => {
	while (opened.length) opened.pop()!.close();
});

const HOUR = 3_600_000;
const sessionIds = (ws: Workspace) => ws.store.db.prepare('SELECT id FROM sessions ORDER BY id').pluck().all() as string[];

/**
 * Every session: the reader's facts against the index's slim rows (ID, time, model, role, tools, order) and
 * against the summary the sync wrote from the facts it held; its bodies against a lookup by hash. Returns
 * messages compared.
 */
function expectSameAsIndex(ws: Workspace, sqlite: string): number {
	const tapes = openTapesSource(sqlite);
	if (!tapes.ok) throw new Error(tapes.error);
	const slimRows = ws.store.db.prepare('SELECT id, ts, model, facts FROM messages WHERE session_id = ? ORDER BY ts, seq');
	let compared = 0;
	try {
		for (const id of sessionIds(ws)) {
			const rows = slimRows.all(id) as Array<{id: string; ts: number; model: string; facts: string}>;
			const read = readSessionMessages(ws, {id, source: 'tapes'});
			expect(read.error).toBeNull();
			expect(read.facts.map((f) => ({id: f.id, ts: f.timestamp, model: f.model, ...roleAndTools(packSlim(f))})))
				.toEqual(rows.map((r) => ({id: r.id, ts: r.ts, model: r.model, ...roleAndTools(r.facts)})));
			// What re-summarizing reads (the facts without the bodies) is the same.
			const seqs = ws.store.messages.rowsForSession(id).map((r) => r.seq);
			expect(readTapesFacts(tapes.source, toRanges(seqs)).map((r) => r.facts)).toEqual(read.facts);
			const stored = ws.store.sessions.get(id)!;
			const again = summarizeSession({id, source: 'tapes', messages: read.facts, pricing: ws.pricing,
				parentId: stored.parentId, subSessionCount: stored.subSessionCount}).summary;
			expect(again).toEqual(stored);
			const byHash = new Map(tapes.source.readByIds(rows.map((r) => r.id)).messages.map((m) => [m.message.id, m.message]));
			expect([...read.bodies.keys()].sort()).toEqual([...byHash.keys()].sort());
			for (const [hash, body] of read.bodies) expect(body).toEqual(byHash.get(hash));
			compared += rows.length;
		}
	} finally {
		tapes.source.close();
	}
	return compared;
}

/**
 * Two conversations whose rows alternate (every run one row: read by rowid together), then one of 100 rows in
 * a row (read in order), and one model-less turn carrying its model from the other conversation.
 */
const INTERLEAVED: FixtureNode[] = [
	...Array.from({length: 140}, (_, i): FixtureNode => {
		const who = i % 2 === 0 ? 'a' : 'b';
		const n = Math.floor(i / 2);
		return {id: `${who}${n}`, ...(n > 0 ? {parent: `${who}${n - 1}`} : {}), role: n % 2 === 0 ? 'user' : 'assistant',
			text: `${who} turn ${n}`, ...(n % 2 === 1 ? {tokens: {in: 100 + n, out: 10 + n}, stop: 'end_turn'} : {}),
			...(who === 'b' && n === 5 ? {model: ''} : {})};
	}),
	...Array.from({length: 100}, (_, n): FixtureNode => ({id: `c${n}`, ...(n > 0 ? {parent: `c${n - 1}`} : {}),
		role: n % 2 === 0 ? 'user' : 'assistant', text: `c turn ${n}`, at: FIXTURE_BASE_MS + 3 * HOUR + n * 1000})),
];

/** Model carry-forward across sessions and rows: what the sync knew when it stored each row. */
const CARRY: FixtureNode[] = [
	// Reference §6 case 3: an empty-model assistant turn is priced with the model named before it.
	{id: 'u1', text: 'Carry my model.', model: 'claude-opus-4-6-20260219', tokens: {in: 100}},
	{id: 'a1', parent: 'u1', role: 'assistant', model: '', text: 'Carried.', tokens: {out: 50}, stop: 'end_turn'},
	// Two hours on: a session of its own, whose model still comes from its parent in the first session.
	{id: 'u2', parent: 'a1', model: '', text: 'Back after lunch.', at: FIXTURE_BASE_MS + 2 * HOUR},
	{id: 'a2', parent: 'u2', role: 'assistant', model: '', text: 'Still opus.', at: FIXTURE_BASE_MS + 2 * HOUR + 1000, stop: 'end_turn'},
	// A child stored before its parent (the parent's row comes later): the sync had no model to carry.
	{id: 'early', parentHash: 'c'.repeat(64), role: 'assistant', model: '', text: 'Before my parent.', at: FIXTURE_BASE_MS + 5000},
	{id: 'late', hash: 'c'.repeat(64), text: 'The late parent.', model: 'claude-sonnet-4-5-20250929', at: FIXTURE_BASE_MS + 4000},
	// A lone assistant node with no model ever seen.
	{id: 'lone', role: 'assistant', model: '', text: 'No model at all.', at: FIXTURE_BASE_MS + 3 * HOUR},
];

describe('a tapes session read from the tapes file', () => {
	const cases: Array<[string, FixtureNode[]]> = [
		['basic', TAPES_BASIC], ['bad rows', TAPES_BAD_ROWS], ['dangling', TAPES_DANGLING], ['cycle', TAPES_CYCLE],
		['branch', TAPES_BRANCH], ['time layouts', TAPES_TIME_LAYOUTS], ['model carry-forward', CARRY],
		['interleaved, then one long run', INTERLEAVED],
	];
	for (const [name, nodes] of cases) {
		it(`gives the index's messages, order and facts: ${name}`, async () => {
			const {ws, sqlite} = await syncFixture(nodes);
			opened.push(ws);
			expect(expectSameAsIndex(ws, sqlite)).toBeGreaterThan(0);
		});
	}

	it('carries the model as the sync did (across sessions, not from a later row)', async () => {
		const {ws, hashes} = await syncFixture(CARRY);
		opened.push(ws);
		const model = (local: string) => {
			const session = ws.store.messages.place(ws.sources[0]!.id, hashes[local]!)!.sessionId;
			return readSessionMessages(ws, {id: session, source: 'tapes'}).facts.find((f) => f.id === hashes[local])!.model;
		};
		expect(model('a1')).toBe('claude-opus-4.6');
		expect(model('a2')).toBe('claude-opus-4.6');
		expect(model('early')).toBe('');
		expect(model('lone')).toBe('');
	});

	it('gives the index\'s messages for every session of the demo database, and after an incremental sync', {timeout: 30_000}, async () => {
		const dir = tempDir();
		const sqlite = path.join(dir, 'demo.sqlite');
		seedDemo(sqlite, {overwrite: false, now: Date.UTC(2026, 1, 19, 12, 0, 0)});
		const {ws} = await openAndSync({sqlite, index: path.join(dir, 'index.sqlite')});
		opened.push(ws);
		expect(sessionIds(ws).length).toBeGreaterThan(3);
		expect(expectSameAsIndex(ws, sqlite)).toBe(ws.store.messages.count(ws.sources[0]!.id));
		// A node appended under the last one, synced incrementally, joins its session and reads back the same.
		const db = new Database(sqlite);
		const last = db.prepare('SELECT hash, created_at FROM nodes ORDER BY rowid DESC LIMIT 1').get() as {hash: string};
		db.prepare(`INSERT INTO nodes (hash, parent_hash, role, content, model, created_at)
			SELECT 'd' || substr(hash, 2), hash, 'user', '[{"type":"text","text":"One more."}]', '', created_at FROM nodes WHERE hash = ?`).run(last.hash);
		db.close();
		await syncWorkspace(ws);
		expect(expectSameAsIndex(ws, sqlite)).toBe(ws.store.messages.count(ws.sources[0]!.id));
	});

	it('says so when the file at the path is not the one synced, or is gone (the index keeps no facts of its own)', async () => {
		const {ws, sqlite} = await syncFixture(TAPES_BASIC);
		opened.push(ws);
		const [id] = sessionIds(ws);
		expect(ws.store.messages.factsForSession(id!)).toBeNull();
		fs.rmSync(sqlite);
		buildTapesDb(sqlite, TAPES_BRANCH);
		const other = readSessionMessages(ws, {id: id!, source: 'tapes'});
		expect(other.facts).toEqual([]);
		expect(other.error).toBe(`${sqlite}: no longer holds the rows this session was read from (replaced or rebuilt since)`);
		fs.rmSync(sqlite);
		const gone = readSessionMessages(ws, {id: id!, source: 'tapes'});
		expect(gone.facts).toEqual([]);
		expect(gone.error).toContain(sqlite);
	});
});

describe('toRanges', () => {
	it('folds rowids into sorted inclusive runs', () => {
		expect(toRanges([7, 3, 4, 5, 9, 4, 10])).toEqual([[3, 5], [7, 7], [9, 10]]);
		expect(toRanges([])).toEqual([]);
	});
});
