// The incremental tapes sync against real databases: idempotence, growth, branches, damage, and read-only sources.
import crypto from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import {afterEach, describe, expect, it} from 'vitest';
import {DEFAULT_FILTERS} from '../../source/core/types.js';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import {TAPES_BASIC, TAPES_BRANCH, TAPES_CYCLE, TAPES_DANGLING} from '../../fixtures/tapes-cases.js';
import {FIXTURE_BASE_MS, buildTapesDb} from '../../fixtures/tapes-builder.js';
import {formatTapesTimestamp, insertTapesNode, nodeHash, tapesBucket} from '../../source/sources/tapes/schema.js';
import {open, syncFixture, tempDir} from '../helpers/workspace.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';

const opened: Workspace[] = [];
afterEach(() => {
	while (opened.length) opened.pop()!.close();
});

const dump = (ws: Workspace) => ({
	sessions: ws.store.db.prepare('SELECT * FROM sessions ORDER BY id').all().map((r) => ({...(r as object), updated_ms: 0})),
	messages: ws.store.db.prepare('SELECT id, session_id FROM messages ORDER BY id').all(),
	models: ws.store.db.prepare('SELECT * FROM session_models ORDER BY session_id, model').all(),
});

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Appends one node under `parentHash` to an existing tapes file, as the proxy would. */
function appendNode(sqlite: string, parentHash: string, role: string, text: string, atMs: number, tokens?: {in: number; out: number}) {
	const db = new Database(sqlite);
	// Off, as in real files, so a test can append a node whose parent is missing.
	db.pragma('foreign_keys = OFF');
	const fields = {role, content: [{type: 'text', text}], model: 'claude-sonnet-4-5-20250929', provider: 'anthropic', agentName: 'claude'};
	const hash = nodeHash(parentHash, tapesBucket(fields));
	insertTapesNode(db)({...fields, hash, parentHash, project: 'tapes', stopReason: role === 'assistant' ? 'end_turn' : '',
		promptTokens: tokens?.in ?? null, completionTokens: tokens?.out ?? null, totalTokens: null, cacheCreation: null, cacheRead: null,
		totalDurationNs: null, promptDurationNs: null, createdAt: formatTapesTimestamp(atMs)});
	db.close();
	return hash;
}

describe('tapes sync', () => {
	it('indexes a session with its tokens, cost, tools and status', async () => {
		const {ws, hashes} = await syncFixture(TAPES_BASIC);
		opened.push(ws);
		const [s] = ws.queries.list(DEFAULT_FILTERS);
		expect(ws.queries.count(DEFAULT_FILTERS)).toBe(1);
		expect(s).toMatchObject({id: hashes['u1']!.slice(0, 16), messageCount: 4, toolCalls: 1, toolErrors: 1, status: 'failed', inputTokens: 24500, outputTokens: 130, project: 'tapes', agent: 'claude', label: 'Fix the flaky test in pkg/deck.'});
		// 1,000 uncached + 11,000 cache-write tokens + 12,500 plain input on sonnet: 3/M, 3.75/M; output 15/M.
		expect(s!.totalCost).toBeCloseTo((1000 * 3 + 11000 * 3.75 + 12500 * 3 + 130 * 15) / 1e6, 12);
		expect(ws.store.sessions.tools(s!.id)).toEqual([{tool: 'Read', calls: 1, errors: 1}]);
	});

	it('a second sync changes nothing', async () => {
		const {ws} = await syncFixture(TAPES_BASIC);
		opened.push(ws);
		const before = dump(ws);
		const again = await syncWorkspace(ws);
		expect(again.summaries[0]!.newMessages).toBe(0);
		expect(dump(ws)).toEqual(before);
	});

	it('appended messages join their session, which keeps its ID; only new rows are read', async () => {
		const {ws, sqlite, hashes} = await syncFixture(TAPES_BASIC);
		opened.push(ws);
		const last = hashes['a2']!;
		const u = appendNode(sqlite, last, 'user', 'Now run the whole suite.', FIXTURE_BASE_MS + 60_000);
		appendNode(sqlite, u, 'assistant', 'All green.', FIXTURE_BASE_MS + 65_000, {in: 13000, out: 20});
		const synced = await syncWorkspace(ws);
		expect(synced.summaries[0]!.newMessages).toBe(2);
		const all = ws.queries.list(DEFAULT_FILTERS);
		expect(all).toHaveLength(1);
		expect(all[0]).toMatchObject({id: hashes['u1']!.slice(0, 16), messageCount: 6, inputTokens: 37500, outputTokens: 150});
		// The last three prompts joined and stored whole (the reference cut them to 36 characters).
		expect(all[0]!.label).toMatch(/^Fix the flaky test in pkg\/deck\. \/ .{5,}/);
		expect(all[0]!.label).not.toContain('...');
		expect(all[0]!.durationMs).toBe(65_000);
	});

	it('a message more than an hour after its session ends starts a new session', async () => {
		const {ws, sqlite, hashes} = await syncFixture(TAPES_BASIC);
		opened.push(ws);
		appendNode(sqlite, hashes['a2']!, 'user', 'Back after lunch: add a test.', FIXTURE_BASE_MS + 3 * 3_600_000);
		await syncWorkspace(ws);
		const all = ws.queries.list({...DEFAULT_FILTERS, sort: 'date', sortDir: 'asc'});
		expect(all.map((s) => s.messageCount)).toEqual([4, 1]);
		expect(all[1]!.startMs).toBe(FIXTURE_BASE_MS + 3 * 3_600_000);
	});

	it('a node shared by two branches counts once (fixes reference: prefixes were counted per leaf)', async () => {
		const {ws} = await syncFixture(TAPES_BRANCH);
		opened.push(ws);
		const all = ws.queries.list(DEFAULT_FILTERS);
		expect(all).toHaveLength(1);
		expect(all[0]).toMatchObject({messageCount: 3, inputTokens: 600, outputTokens: 1104});
		expect(ws.queries.totals(DEFAULT_FILTERS).totalTokens).toBe(1704);
	});

	it('a dangling parent is counted in a warning and the rows are still read', async () => {
		const {ws, synced} = await syncFixture(TAPES_DANGLING);
		opened.push(ws);
		expect(ws.queries.count(DEFAULT_FILTERS)).toBe(1);
		expect(synced.summaries[0]!.warnings).toContainEqual(expect.objectContaining({message: expect.stringContaining('dangling parent'), count: 1}));
	});

	it("keeps a source's warnings across syncs that read nothing new, and adds those of new rows", async () => {
		const {ws, sqlite, synced} = await syncFixture(TAPES_DANGLING);
		opened.push(ws);
		const dangling = (w: {message: string}) => w.message.includes('dangling parent');
		const stored = () => ws.store.sources.list().find((r) => r.id === ws.sources[0]!.id)!.warnings.filter(dangling);
		expect(stored()).toEqual(synced.summaries[0]!.warnings.filter(dangling));
		await syncWorkspace(ws);
		expect(stored().map((w) => w.count)).toEqual([1]);
		appendNode(sqlite, 'f'.repeat(64), 'user', 'orphan', FIXTURE_BASE_MS + 60_000);
		const again = await syncWorkspace(ws);
		expect(again.summaries[0]!.warnings.filter(dangling).map((w) => w.count)).toEqual([1]);
		expect(stored().map((w) => w.count)).toEqual([2]);
	});

	it('a parent cycle does not hang and loses no row', async () => {
		const {ws} = await syncFixture(TAPES_CYCLE);
		opened.push(ws);
		expect(ws.queries.totals(DEFAULT_FILTERS).sessions).toBe(1);
		expect(ws.store.messages.count(ws.sources[0]!.id)).toBe(2);
	});

	it('never writes to the source: the file is byte-identical afterwards', async () => {
		const dir = tempDir();
		const sqlite = `${dir}/tapes.sqlite`;
		buildTapesDb(sqlite, TAPES_BASIC);
		const before = sha(sqlite);
		const ws = open({sqlite, index: `${dir}/index.sqlite`});
		opened.push(ws);
		await syncWorkspace(ws);
		await syncWorkspace(ws);
		expect(sha(sqlite)).toBe(before);
	});

	it('starts over after a VACUUM renumbered rowids, without doubling anything', async () => {
		const {ws, sqlite} = await syncFixture(TAPES_BASIC);
		opened.push(ws);
		const before = dump(ws);
		const db = new Database(sqlite);
		db.prepare('UPDATE nodes SET rowid = rowid - 100').run();
		db.close();
		await syncWorkspace(ws);
		expect(dump(ws)).toEqual(before);
	});

	it('reprices stored sessions when the price table changes', async () => {
		const dir = tempDir();
		const {ws, index, sqlite} = await syncFixture(TAPES_BRANCH, dir);
		const cost = ws.queries.list(DEFAULT_FILTERS)[0]!.totalCost!;
		ws.close();
		fs.writeFileSync(`${dir}/prices.json`, JSON.stringify({'claude-sonnet-4.5': {output: 30}}));
		const repriced = open({sqlite, index, pricing: `${dir}/prices.json`});
		opened.push(repriced);
		const after = repriced.queries.list(DEFAULT_FILTERS)[0]!.totalCost!;
		expect(after - cost).toBeCloseTo((1104 * 15) / 1e6, 12);
	});
});

