// A first tapes sync of a large source loads in bulk (indexes after, search words behind the list): the
// index it leaves is the one a row-by-row sync leaves, and a load stopped midway resumes in the same mode.
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {generateTapes} from '../../source/bench/generate-tapes.js';
import {openTapesSource} from '../../source/sources/tapes/reader.js';
import {syncTapes} from '../../source/sync/tapes-sync.js';
import {backfillSearch} from '../../source/sync/search-backfill.js';
import {inBulkLoad} from '../../source/store/bulk-load.js';
import {open, tempDir} from '../helpers/workspace.js';
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

async function sync(ws: Workspace, sqlite: string, bulkFrom: number, signal?: AbortSignal, onProgress?: () => void) {
	const source = openTapesSource(sqlite);
	if (!source.ok) throw new Error(source.error);
	try {
		const sourceId = ws.store.sources.list().find((s) => s.kind === 'tapes')!.id;
		const deps = {store: ws.store, source: source.source, sourceId, pricing: ws.pricing, now: () => 0, bulkFrom};
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
});
