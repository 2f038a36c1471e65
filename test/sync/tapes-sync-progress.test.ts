// A tapes sync's progress counts the rows it has to read this run, by rowid (no count(*) of the file first, which
// walks an index of the whole file before the first row): a first load, one resumed after it was stopped, and an
// incremental sync each end their count at what they read, and a file with rows deleted ends at its true count.
import path from 'node:path';
import Database from 'better-sqlite3';
import {afterEach, describe, expect, it} from 'vitest';
import {generateTapes} from '../../source/bench/generate-tapes.js';
import {openTapesSource, type TapesSource} from '../../source/sources/tapes/reader.js';
import {syncTapes} from '../../source/sync/tapes-sync.js';
import type {SyncProgress} from '../../source/sync/sync-summary.js';
import {defaultPricing} from '../../source/core/pricing.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';
import {open, tempDir} from '../helpers/workspace.js';

const closers: Array<() => void> = [];
afterEach(() => {
	while (closers.length) closers.pop()!();
});

function opened(sqlite: string, index: string): {ws: Workspace; source: TapesSource} {
	const ws = open({sqlite, index});
	const source = openTapesSource(sqlite);
	if (!source.ok) throw new Error(source.error);
	closers.push(() => ws.close(), () => source.source.close());
	return {ws, source: source.source};
}

async function sync(sqlite: string, index: string, signal?: AbortSignal, stopAfter = Infinity) {
	const {ws, source} = opened(sqlite, index);
	const seen: SyncProgress[] = [];
	const stop = new AbortController();
	await syncTapes({store: ws.store, source, sourceId: ws.sources[0]!.id, pricing: defaultPricing(), now: () => 0, bulkFrom: 1}, (p) => {
		seen.push(p);
		if (seen.length >= stopAfter) stop.abort();
	}, signal ?? stop.signal);
	return seen;
}

const rows = (sqlite: string) => {
	const db = new Database(sqlite, {readonly: true});
	try {
		return db.prepare('SELECT count(*) FROM nodes').pluck().get() as number;
	} finally {
		db.close();
	}
};

describe('a tapes sync\'s progress', () => {
	const start = Date.UTC(2026, 0, 1);

	it('counts a first load to its rows, one resumed after a stop to what was left, and an incremental sync to its new rows', async () => {
		const dir = tempDir();
		const sqlite = path.join(dir, 'tapes.sqlite');
		generateTapes(sqlite, {sessions: 120, nodesPerSession: 50, startMs: start});
		const index = path.join(dir, 'index.sqlite');
		// Stopped after its first chunk, then resumed: the second run's count is of the rows still to read.
		const first = await sync(sqlite, index, undefined, 1);
		expect(first.map((p) => p.total)).toEqual([6_000]);
		const done = first[0]!.read;
		expect(done).toBeGreaterThan(0);
		expect(done).toBeLessThan(6_000);
		const resumed = await sync(sqlite, index);
		expect(new Set(resumed.map((p) => p.total))).toEqual(new Set([6_000 - done]));
		expect(resumed.at(-1)!.read).toBe(6_000 - done);
		// Twenty new nodes: a count of twenty.
		generateTapes(sqlite, {sessions: 2, nodesPerSession: 10, startMs: start + 400 * 86_400_000, sessionOffset: 120, seed: 7});
		const later = await sync(sqlite, index);
		expect(later.map((p) => [p.read, p.total])).toEqual([[20, 20]]);
	});

	it('ends at the true count when rows were deleted from the file', async () => {
		const dir = tempDir();
		const sqlite = path.join(dir, 'tapes.sqlite');
		generateTapes(sqlite, {sessions: 120, nodesPerSession: 50, startMs: start});
		const db = new Database(sqlite);
		db.prepare('DELETE FROM nodes WHERE rowid BETWEEN 2001 AND 2300').run();
		db.close();
		const seen = await sync(sqlite, path.join(dir, 'index.sqlite'));
		expect(seen[0]!.total).toBe(6_000);
		expect(seen.at(-1)).toMatchObject({read: rows(sqlite), total: rows(sqlite)});
		expect(rows(sqlite)).toBe(5_700);
		expect(seen.map((p) => p.read)).toEqual([...seen.map((p) => p.read)].sort((a, b) => a - b));
	});
});
