// The search index thread, from the build (`pretest` builds dist/; vitest cannot start a .ts file as a
// worker): it follows a cold load of 25,000 nodes while the sync commits them, or starts once a workspace's load
// has its list final (the rows read on the other core until then), or takes, past where it hands over, the words
// its caller reads for it; what it copies in gives the hits the usual fill gives, with nothing left beside the index.
import fs from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {DEFAULT_FILTERS} from '../../source/core/types.js';
import {defaultPricing} from '../../source/core/pricing.js';
import {generateTapes} from '../../source/bench/generate-tapes.js';
import {PLANTED, searchContent, VOCABULARY} from '../../source/bench/search-text-gen.js';
import {openTapesSource} from '../../source/sources/tapes/reader.js';
import {syncTapes} from '../../source/sync/tapes-sync.js';
import {backfillSearch} from '../../source/sync/search-backfill.js';
import {createSearchResults} from '../../source/workspace/search-results.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';
import {open, tempDir} from '../helpers/workspace.js';

type ThreadModule = typeof import('../../source/sync/search-beside-thread.js');
const built = (await import(pathToFileURL(path.resolve(import.meta.dirname, '..', '..', 'dist', 'sync', 'search-beside-thread.js')).href)) as ThreadModule;
const builtDocs = (await import(pathToFileURL(path.resolve(import.meta.dirname, '..', '..', 'dist', 'sync', 'search-beside-docs.js')).href)) as typeof import('../../source/sync/search-beside-docs.js');
// The workspace sync from the build too: it starts the built reading and search threads.
const builtSync = (await import(pathToFileURL(path.resolve(import.meta.dirname, '..', '..', 'dist', 'workspace', 'sync-workspace.js')).href)) as typeof import('../../source/workspace/sync-workspace.js');

const opened: Workspace[] = [];
afterEach(() => {
	while (opened.length) opened.pop()!.close();
});

const hitsOf = (ws: Workspace, q: string) => {
	const page = createSearchResults(ws).search(q, DEFAULT_FILTERS, {order: 'rank', limit: 200, width: 60});
	if (!page.ok) throw new Error(page.error);
	return page.value.hits.map((h) => `${h.messageId} ${h.rank.toFixed(6)}`);
};

function workspaceOver(sqlite: string, index: string, kept = opened) {
	const ws = open({sqlite, index});
	kept.push(ws);
	const source = openTapesSource(sqlite);
	if (!source.ok) throw new Error(source.error);
	return {ws, source: source.source, deps: {store: ws.store, source: source.source, sourceId: ws.sources[0]!.id, pricing: defaultPricing(), now: Date.now}};
}

/** 25,000 generated nodes and the index the usual road makes of them (the sessions first, then the fill), made once. */
const kept: Workspace[] = [];
let corpus: Promise<{dir: string; sqlite: string; usual: ReturnType<typeof workspaceOver>}> | null = null;
const shared = () => (corpus ??= (async () => {
	const dir = tempDir();
	const sqlite = path.join(dir, 'tapes.sqlite');
	generateTapes(sqlite, {sessions: 500, nodesPerSession: 50, startMs: Date.UTC(2026, 0, 1), content: searchContent});
	const usual = workspaceOver(sqlite, path.join(dir, 'usual.sqlite'), kept);
	await syncTapes(usual.deps);
	await backfillSearch(usual.ws.store, usual.deps.sourceId, sqlite, usual.source);
	return {dir, sqlite, usual};
})());
afterAll(async () => {
	if (corpus) (await corpus).usual.source.close();
	while (kept.length) kept.pop()!.close();
});

describe('the search index thread', () => {
	it('follows a cold load on its own thread and copies in what the usual fill indexes', async () => {
		const {dir, sqlite, usual} = await shared();
		// Beside: the thread starts before the load and reads what each of its commits adds.
		const beside = workspaceOver(sqlite, path.join(dir, 'beside.sqlite'));
		const build = built.besideFor(beside.deps, beside.ws.indexPath);
		expect(build).not.toBeNull();
		await syncTapes(beside.deps);
		const progress: number[] = [];
		expect(await build!.finish((n) => progress.push(n))).toBe(true);
		expect(progress.at(-1)).toBe(25_000);
		expect(beside.ws.store.search.status(beside.deps.sourceId).waiting).toBe(0);
		for (const q of [VOCABULARY[3]!, VOCABULARY[400]!, VOCABULARY[7_001]!, `${VOCABULARY[2_001]!.slice(0, 4)}*`, `"${PLANTED[0]![0]}"`, 'tool:Edit error', 'in:tool index']) {
			expect(hitsOf(beside.ws, q), q).toEqual(hitsOf(usual.ws, q));
		}
		expect(hitsOf(usual.ws, VOCABULARY[3]!).length).toBeGreaterThan(0);
		expect(fs.readdirSync(dir).filter((f) => f.includes('.search-'))).toEqual([]);
		beside.source.close();
	});

	it('in a workspace sync from the build, starts once the session list is final: the rows are read on the other core until then', async () => {
		const {dir, sqlite, usual} = await shared();
		const ws = open({sqlite, index: path.join(dir, 'late.sqlite')});
		opened.push(ws);
		const scratch = () => fs.readdirSync(dir).filter((f) => f.includes('.search-'));
		// While the rows come, nothing is indexed beside them; the search index's count starts with the list final.
		const seen: Array<{unit: string; scratch: number; sessions: number}> = [];
		const synced = await builtSync.syncWorkspace(ws, (p) => {
			seen.push({unit: p.unit ?? 'rows', scratch: scratch().length, sessions: ws.store.db.prepare('SELECT count(*) FROM sessions').pluck().get() as number});
		});
		expect(synced.errors).toEqual([]);
		const rows = seen.filter((p) => p.unit === 'rows');
		const words = seen.filter((p) => p.unit === 'messages');
		expect(rows.length).toBeGreaterThan(1);
		expect(rows.every((p) => p.scratch === 0)).toBe(true);
		expect(words.length).toBeGreaterThan(1);
		expect(seen.findIndex((p) => p.unit === 'messages')).toBe(rows.length);
		expect(words[0]!.sessions).toBe(500);
		expect(ws.store.search.status(ws.sources[0]!.id).waiting).toBe(0);
		for (const q of [VOCABULARY[3]!, VOCABULARY[7_001]!, `"${PLANTED[0]![0]}"`, 'tool:Edit error']) expect(hitsOf(ws, q), q).toEqual(hitsOf(usual.ws, q));
		expect(scratch()).toEqual([]);
	});

	it('started after the load and helped, writes what the caller reads past where it hands over: the same hits', async () => {
		const {dir, sqlite, usual} = await shared();
		const helped = workspaceOver(sqlite, path.join(dir, 'helped.sqlite'));
		await syncTapes(helped.deps);
		const job = {indexPath: helped.ws.indexPath, tapesPath: sqlite, sourceId: helped.deps.sourceId, scratch: `${helped.ws.indexPath}.search-test`};
		const build = built.startBeside(job);
		const reader = builtDocs.createDocReader(helped.ws.store.db, helped.source, helped.deps.sourceId);
		const asked: number[] = [];
		const progress: number[] = [];
		expect(await build.finish((n) => progress.push(n), undefined, {first: () => {}, read: (after) => (asked.push(after), reader(after))})).toBe(true);
		// It read a few batches itself, then took the caller's from where it said, to the end.
		expect(asked.length).toBeGreaterThan(5);
		expect(asked[0]).toBeGreaterThan(0);
		expect(asked[0]).toBeLessThan(25_000);
		expect(progress.at(-1)).toBe(25_000);
		expect(helped.ws.store.search.status(helped.deps.sourceId).waiting).toBe(0);
		for (const q of [VOCABULARY[3]!, VOCABULARY[400]!, VOCABULARY[7_001]!, `"${PLANTED[0]![0]}"`, 'tool:Edit error', 'in:tool index']) {
			expect(hitsOf(helped.ws, q), q).toEqual(hitsOf(usual.ws, q));
		}
		expect(fs.readdirSync(dir).filter((f) => f.includes('.search-'))).toEqual([]);
		helped.source.close();
	});

	it('a load that fails drops the build and its scratch file', async () => {
		const dir = tempDir();
		const sqlite = path.join(dir, 'tapes.sqlite');
		generateTapes(sqlite, {sessions: 10, nodesPerSession: 5, startMs: Date.UTC(2026, 0, 1), content: searchContent});
		const {ws, source, deps} = workspaceOver(sqlite, path.join(dir, 'index.sqlite'));
		const build = built.besideFor({...deps, bulkFrom: 1}, ws.indexPath);
		expect(build).not.toBeNull();
		await build!.stop();
		expect(fs.readdirSync(dir).filter((f) => f.includes('.search-'))).toEqual([]);
		expect(ws.store.search.status(deps.sourceId).waiting).toBe(0);
		source.close();
	});
});
