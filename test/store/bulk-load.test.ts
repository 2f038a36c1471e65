// A first tapes sync of a large source loads in bulk (indexes after, search words behind the list): the
// index it leaves is the one a row-by-row sync leaves, and a load stopped midway resumes in the same mode.
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {generateTapes} from '../../source/bench/generate-tapes.js';
import {openTapesSource} from '../../source/sources/tapes/reader.js';
import {syncTapes} from '../../source/sync/tapes-sync.js';
import type {SyncProgress} from '../../source/sync/sync-summary.js';
import {backfillSearch} from '../../source/sync/search-backfill.js';
import {inBulkLoad} from '../../source/store/bulk-load.js';
import {open, tempDir} from '../helpers/workspace.js';
import {copyFixture, dumpIndex} from '../helpers/transcripts.js';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';

const opened: Workspace[] = [];
afterEach(() => {
	while (opened.length) opened.pop()!.close();
});

const snapshot = (ws: Workspace) => ({
	sessions: ws.store.db.prepare('SELECT * FROM sessions ORDER BY id').all().map((r) => ({...(r as object), updated_ms: 0})),
	messages: ws.store.db.prepare('SELECT id, session_id, seq, ts, model, facts FROM messages ORDER BY id').all(),
	models: ws.store.db.prepare('SELECT * FROM session_models ORDER BY session_id, model').all(),
	tools: ws.store.db.prepare('SELECT * FROM session_tools ORDER BY session_id, tool').all(),
	buckets: ws.store.db.prepare('SELECT * FROM usage_buckets ORDER BY 1, 2, 3').all(),
	searched: ws.store.db.prepare(`SELECT count(*) FROM message_search WHERE message_search MATCH 'the'`).pluck().get(),
});

const indexes = (ws: Workspace) =>
	ws.store.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`).pluck().all();

async function sync(ws: Workspace, sqlite: string, bulkFrom: number, signal?: AbortSignal, onProgress?: (p: SyncProgress) => void, recentLimit?: number) {
	const source = openTapesSource(sqlite);
	if (!source.ok) throw new Error(source.error);
	try {
		const sourceId = ws.store.sources.list().find((s) => s.kind === 'tapes')!.id;
		const deps = {store: ws.store, source: source.source, sourceId, pricing: ws.pricing, now: () => 0, bulkFrom, ...(recentLimit !== undefined ? {recentLimit} : {})};
		const summary = await syncTapes(deps, onProgress, signal);
		if (!signal?.aborted) await backfillSearch(ws.store, sourceId, sqlite, source.source);
		return summary;
	} finally {
		source.source.close();
	}
}

describe('bulk load of a tapes source', () => {
	const dir = tempDir();
	const sqlite = path.join(dir, 'tapes.sqlite');
	generateTapes(sqlite, {sessions: 300, nodesPerSession: 50, startMs: Date.UTC(2026, 0, 1)});

	it('leaves the same sessions, facts, analytics, search words and indexes as a row-by-row sync', async () => {
		const plain = open({sqlite, index: path.join(dir, 'plain.sqlite')});
		const bulk = open({sqlite, index: path.join(dir, 'bulk.sqlite')});
		opened.push(plain, bulk);
		await sync(plain, sqlite, Infinity);
		const summary = await sync(bulk, sqlite, 1);
		expect(summary.newMessages).toBe(15_000);
		expect(snapshot(plain).searched).toBeGreaterThan(0);
		expect(snapshot(bulk)).toEqual(snapshot(plain));
		expect(indexes(bulk)).toEqual(indexes(plain));
		expect(inBulkLoad(bulk.store.meta, 1)).toBe(false);
		expect(bulk.store.db.pragma('synchronous', {simple: true})).toBe(plain.store.db.pragma('synchronous', {simple: true}));
	}, 30_000);

	it('runs with a smaller page cache (the search thread beside it has its own), and gives the index its own back', async () => {
		const ws = open({sqlite, index: path.join(dir, 'cache.sqlite')});
		opened.push(ws);
		const own = ws.store.db.pragma('cache_size', {simple: true}) as number;
		const during: number[] = [];
		await sync(ws, sqlite, 1, undefined, () => during.push(ws.store.db.pragma('cache_size', {simple: true}) as number));
		expect(during.length).toBeGreaterThan(0);
		expect(new Set(during)).toEqual(new Set([-32_768]));
		expect(own).toBe(-65_536);
		expect(ws.store.db.pragma('cache_size', {simple: true})).toBe(own);
	}, 30_000);

	it('a load stopped midway goes on in bulk next time, and ends with the same index', async () => {
		const plain = open({sqlite, index: path.join(dir, 'plain2.sqlite')});
		const bulk = open({sqlite, index: path.join(dir, 'stopped.sqlite')});
		opened.push(plain, bulk);
		await sync(plain, sqlite, Infinity);
		const stop = new AbortController();
		const first = await sync(bulk, sqlite, 1, stop.signal, () => stop.abort());
		expect(first.newMessages).toBeGreaterThan(0);
		expect(first.newMessages).toBeLessThan(15_000);
		const sourceId = bulk.store.sources.list().find((s) => s.kind === 'tapes')!.id;
		expect(inBulkLoad(bulk.store.meta, sourceId)).toBe(true);
		expect(indexes(bulk)).not.toContain('messages_session');
		// Resumed (no longer a first sync, and below any size threshold), it finishes the load in bulk.
		await sync(bulk, sqlite, Infinity);
		expect(inBulkLoad(bulk.store.meta, sourceId)).toBe(false);
		expect(snapshot(bulk)).toEqual(snapshot(plain));
		expect(indexes(bulk)).toEqual(indexes(plain));
	}, 30_000);

	it('a load stopped after its last chunk ends in the next sync, with nothing left to read', async () => {
		const plain = open({sqlite, index: path.join(dir, 'plain5.sqlite')});
		const bulk = open({sqlite, index: path.join(dir, 'last-chunk.sqlite')});
		opened.push(plain, bulk);
		await sync(plain, sqlite, Infinity);
		const stop = new AbortController();
		const first = await sync(bulk, sqlite, 1, stop.signal, (p) => p.read === p.total && stop.abort());
		expect(first.newMessages).toBe(15_000);
		const sourceId = bulk.store.sources.list().find((s) => s.kind === 'tapes')!.id;
		expect(inBulkLoad(bulk.store.meta, sourceId)).toBe(true);
		const next = await sync(bulk, sqlite, Infinity);
		expect(next.newMessages).toBe(0);
		expect(inBulkLoad(bulk.store.meta, sourceId)).toBe(false);
		expect(indexes(bulk)).toEqual(indexes(plain));
		expect(snapshot(bulk)).toEqual(snapshot(plain));
	}, 30_000);

	it('a load begun now leaves the messages key out, placing parents by their row in the source, and builds it at the end', async () => {
		const plain = open({sqlite, index: path.join(dir, 'plain3.sqlite')});
		const bulk = open({sqlite, index: path.join(dir, 'keyless.sqlite')});
		opened.push(plain, bulk);
		await sync(plain, sqlite, Infinity);
		const during: string[][] = [];
		// No recent map: every parent is found by its row in the source.
		await sync(bulk, sqlite, 1, undefined, () => during.push(indexes(bulk) as string[]), 0);
		expect(during.length).toBeGreaterThan(1);
		for (const names of during) expect(names).not.toContain('messages_key');
		expect(indexes(bulk)).toContain('messages_key');
		expect(snapshot(bulk)).toEqual(snapshot(plain));
	}, 30_000);

	it('a stopped load goes on with the key, built before its first chunk (what it stored has no placements)', async () => {
		const plain = open({sqlite, index: path.join(dir, 'plain4.sqlite')});
		const bulk = open({sqlite, index: path.join(dir, 'resumed.sqlite')});
		opened.push(plain, bulk);
		await sync(plain, sqlite, Infinity);
		const stop = new AbortController();
		await sync(bulk, sqlite, 1, stop.signal, () => stop.abort());
		expect(indexes(bulk)).not.toContain('messages_key');
		const during: string[][] = [];
		await sync(bulk, sqlite, 1, undefined, () => during.push(indexes(bulk) as string[]));
		for (const names of during) expect(names).toContain('messages_key');
		expect(snapshot(bulk)).toEqual(snapshot(plain));
	}, 30_000);
});

describe('a transcript sync where a tapes load left the messages key out', () => {
	it('builds the key before it writes, so each message is stored once', async () => {
		const root = copyFixture('claude-code');
		const plain = open({index: path.join(tempDir(), 'plain.sqlite'), claude: [root]});
		const keyless = open({index: path.join(tempDir(), 'keyless.sqlite'), claude: [root]});
		opened.push(plain, keyless);
		keyless.store.db.exec('DROP INDEX messages_key');
		await syncWorkspace(plain);
		await syncWorkspace(keyless);
		expect(indexes(keyless)).toEqual(indexes(plain));
		expect(dumpIndex(keyless)).toEqual(dumpIndex(plain));
	});
});
