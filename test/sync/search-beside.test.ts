// The search index built beside a cold tapes load (run in-process here; the thread is tested from the build in
// search-beside-thread.test.ts): it gives the same hits as the usual fill, the index stays whole and keeps
// being maintained after the copy, and nothing is copied when the index or the source's state moved on.
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {DEFAULT_FILTERS} from '../../source/core/types.js';
import {defaultPricing} from '../../source/core/pricing.js';
import {openTapesSource} from '../../source/sources/tapes/reader.js';
import {syncTapes} from '../../source/sync/tapes-sync.js';
import {buildBeside, copyBeside} from '../../source/sync/search-beside.js';
import {createDocReader, DOC_SEPARATOR} from '../../source/sync/search-beside-docs.js';
import {sanitize} from '../../source/core/sanitize.js';
import {besideFor, startBeside} from '../../source/sync/search-beside-thread.js';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import {createSearchResults} from '../../source/workspace/search-results.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';
import {buildTapesDb, FIXTURE_BASE_MS, type FixtureNode} from '../../fixtures/tapes-builder.js';
import {TAPES_BASIC} from '../../fixtures/tapes-cases.js';
import {open, tempDir} from '../helpers/workspace.js';

const opened: Workspace[] = [];
afterEach(() => {
	while (opened.length) opened.pop()!.close();
});

const WORDS = ['cursor', 'session', 'error', 'deploy', 'staging', 'RateLimiter', 'src/sync/tapes.ts', 'flaky', 'retry', '東京'];
/** Sessions of a few messages each, with words in text and tool calls (a tapes file keeps no thinking text). */
function corpus(sessions: number): FixtureNode[] {
	const nodes: FixtureNode[] = [...TAPES_BASIC];
	for (let s = 0; s < sessions; s++) {
		for (let m = 0; m < 4; m++) {
			const i = s * 4 + m;
			const words = Array.from({length: 6}, (_, k) => WORDS[(i * 3 + k * 7) % WORDS.length]).join(' ');
			nodes.push({
				id: `s${s}m${m}`, parent: m === 0 ? undefined : `s${s}m${m - 1}`, role: m % 2 ? 'assistant' : 'user',
				at: FIXTURE_BASE_MS + 86_400_000 + s * 7_200_000 + m * 1000,
				blocks: m % 2 ? [{type: 'text', text: `answer ${i} ${words}`},
					{type: 'tool_use', tool_use_id: `t${i}`, tool_name: 'Bash', tool_input: {command: `grep ${WORDS[i % WORDS.length]} run${i}`}}] : [{type: 'text', text: `ask ${i} ${words}`}],
			});
		}
	}
	return nodes;
}

const QUERIES = ['cursor', '"deploy cursor"', 'RateLimiter', 'limiter', 'tool:Bash grep', 'in:tool grep', 'tapes.ts', '東京', 'retr*', 'flaky -deploy'];
const hitsOf = (ws: Workspace, q: string) => {
	const page = createSearchResults(ws).search(q, DEFAULT_FILTERS, {order: 'rank', limit: 500, width: 60});
	if (!page.ok) throw new Error(page.error);
	return page.value.hits.map((h) => `${h.messageId} ${h.rank.toFixed(6)}`);
};

/** A fresh index over the tapes file with the sessions synced and every message still waiting for search. */
async function syncedWithoutFill(sqlite: string, dir: string) {
	const ws = open({sqlite, index: path.join(dir, 'beside.sqlite')});
	opened.push(ws);
	const source = openTapesSource(sqlite);
	if (!source.ok) throw new Error(source.error);
	const deps = {store: ws.store, source: source.source, sourceId: ws.sources[0]!.id, pricing: defaultPricing(), now: Date.now, bulkFrom: 1};
	const beside = besideFor(deps, ws.indexPath);
	await syncTapes(deps, () => {}, undefined);
	source.source.close();
	return {ws, beside, job: {indexPath: ws.indexPath, tapesPath: sqlite, sourceId: deps.sourceId, scratch: `${ws.indexPath}.search-${deps.sourceId}-${process.pid}`}};
}

/** A fresh, unsynced index over a tapes file of `sessions` sessions, and the file opened. */
function openedOver(sessions: number) {
	const dir = tempDir();
	const sqlite = path.join(dir, 'tapes.sqlite');
	buildTapesDb(sqlite, corpus(sessions));
	const ws = open({sqlite, index: path.join(dir, 'index.sqlite')});
	opened.push(ws);
	const source = openTapesSource(sqlite);
	if (!source.ok) throw new Error(source.error);
	return {dir, ws, source};
}

describe('the search index built beside a cold load', () => {
	it('gives the hits the usual fill gives, whole, and is maintained after the copy', async () => {
		const dir = tempDir();
		const sqlite = path.join(dir, 'tapes.sqlite');
		const hashes = buildTapesDb(sqlite, corpus(60));
		const usual = open({sqlite, index: path.join(dir, 'usual.sqlite')});
		opened.push(usual);
		await syncWorkspace(usual);
		const {ws, beside} = await syncedWithoutFill(sqlite, dir);
		expect(beside).not.toBeNull();
		const messages = ws.store.db.prepare('SELECT count(*) FROM messages').pluck().get() as number;
		expect(messages).toBeGreaterThan(240);
		expect(ws.store.search.status(ws.sources[0]!.id).waiting).toBe(messages);
		let seen = 0;
		expect(await beside!.finish((n) => (seen = n))).toBe(true);
		expect(seen).toBe(messages);
		expect(ws.store.search.status(ws.sources[0]!.id).waiting).toBe(0);
		for (const q of QUERIES) {
			const want = hitsOf(usual, q);
			expect(want.length, q).toBeGreaterThan(0);
			expect(hitsOf(ws, q), q).toEqual(want);
		}
		expect(() => ws.store.db.exec(`INSERT INTO message_search (message_search, rank) VALUES ('integrity-check', 0)`)).not.toThrow();
		expect(fs.readdirSync(dir).filter((f) => f.includes('.search-'))).toEqual([]);
		// What comes after is indexed by the next sync as usual, once.
		const db = (await import('better-sqlite3')).default;
		const tapes = new db(sqlite);
		tapes.prepare('UPDATE nodes SET content = ? WHERE hash = ?').run(JSON.stringify([{type: 'text', text: 'zanzibar'}]), hashes['s3m3']);
		tapes.close();
		expect(hitsOf(ws, 'zanzibar')).toEqual([]);
		const {insertTapesNode, formatTapesTimestamp, nodeHash, tapesBucket} = await import('../../source/sources/tapes/schema.js');
		const fields = {role: 'user', content: [{type: 'text', text: 'quokka sighting'}], model: 'claude-sonnet-4-5-20250929', provider: 'anthropic', agentName: 'claude'};
		const w = new db(sqlite);
		insertTapesNode(w)({...fields, hash: nodeHash(hashes['s5m3']!, tapesBucket(fields)), parentHash: hashes['s5m3']!, project: 'tapes', stopReason: '',
			promptTokens: null, completionTokens: null, totalTokens: null, cacheCreation: null, cacheRead: null, totalDurationNs: null, promptDurationNs: null,
			createdAt: formatTapesTimestamp(FIXTURE_BASE_MS + 86_400_000 + 5 * 7_200_000 + 60_000)});
		w.close();
		await syncWorkspace(ws);
		await syncWorkspace(ws);
		expect(hitsOf(ws, 'quokka')).toHaveLength(1);
		expect(ws.store.db.prepare('SELECT count(*) FROM message_search_docsize').pluck().get()).toBe(messages + 1);
	});

	it('handed over at a rowid, takes the rest in order from the batches another reader gives, and gives the same hits', async () => {
		const dir = tempDir();
		const sqlite = path.join(dir, 'tapes.sqlite');
		buildTapesDb(sqlite, corpus(60));
		const usual = open({sqlite, index: path.join(dir, 'usual.sqlite')});
		opened.push(usual);
		await syncWorkspace(usual);
		const {ws, beside, job} = await syncedWithoutFill(sqlite, dir);
		await beside!.stop();
		const rowids = ws.store.db.prepare('SELECT rowid FROM messages ORDER BY rowid').pluck().all() as number[];
		const from = rowids[100]!;
		const tapes = openTapesSource(sqlite);
		if (!tapes.ok) throw new Error(tapes.error);
		const read = createDocReader(ws.store.db, tapes.source, job.sourceId);
		let after = from;
		const handed: number[] = [];
		const built = await buildBeside(job, {
			syncDone: () => true, wait: async () => {}, stopped: () => false, progress: () => {}, fedFrom: () => from,
			fed: async () => {
				const batch = read(after);
				if (batch) {
					after = batch.to;
					handed.push(...batch.rowids);
				}
				return batch;
			},
		});
		tapes.source.close();
		expect(built).toEqual({to: rowids.at(-1), indexed: rowids.length});
		// The batches began past the hand-over, and nothing was indexed twice.
		expect(handed.length).toBeGreaterThan(0);
		expect(Math.min(...handed)).toBeGreaterThan(from);
		expect(copyBeside(job, built!.to)).toBe(true);
		expect(ws.store.db.prepare('SELECT count(*) FROM message_search_docsize').pluck().get()).toBe(usual.store.db.prepare('SELECT count(*) FROM message_search_docsize').pluck().get());
		for (const q of QUERIES) expect(hitsOf(ws, q), q).toEqual(hitsOf(usual, q));
		// A column holding the separator would split wrong; the index never holds one.
		expect(DOC_SEPARATOR).toBe('\u0001');
		expect(sanitize(`a${DOC_SEPARATOR}b`)).not.toContain(DOC_SEPARATOR);
	});

	it('copies nothing into an index whose search table holds rows, or when the source was indexed meanwhile', async () => {
		const dir = tempDir();
		const sqlite = path.join(dir, 'tapes.sqlite');
		buildTapesDb(sqlite, corpus(10));
		const first = await syncedWithoutFill(sqlite, dir);
		// Another writer indexed a row meanwhile: the copy would replace it, so it is refused and the usual fill runs.
		first.ws.store.search.add(999_999, {text: 'other', thinking: '', tool: ''});
		expect(await first.beside!.finish(() => {})).toBe(false);
		expect(first.ws.store.db.prepare('SELECT count(*) FROM message_search_docsize').pluck().get()).toBe(1);
		await syncWorkspace(first.ws);
		expect(hitsOf(first.ws, 'cursor').length).toBeGreaterThan(0);
		// The source filled by the usual road: done_to moved, so a late copy is refused too.
		const second = await syncedWithoutFill(sqlite, tempDir());
		await syncWorkspace(second.ws);
		const before = hitsOf(second.ws, 'cursor');
		const late = startBeside(second.job);
		expect(await late.finish(() => {})).toBe(false);
		expect(hitsOf(second.ws, 'cursor')).toEqual(before);
		expect(copyBeside(second.job, 1)).toBe(false);
	});

	it('removes the scratch files of processes that are gone, and keeps those of running ones', async () => {
		const {dir, ws, source} = openedOver(3);
		// A pid above the kernel's limit (4,194,304) runs nowhere.
		for (const name of ['index.sqlite.search-1-4999999', 'index.sqlite.search-1-4999999-journal', `index.sqlite.search-2-${process.ppid}`, 'index.sqlite.searchy']) {
			fs.writeFileSync(path.join(dir, name), 'x');
		}
		expect(besideFor({store: ws.store, source: source.source, sourceId: ws.sources[0]!.id}, ws.indexPath)).toBeNull();
		expect(fs.readdirSync(dir).filter((f) => f.startsWith('index.sqlite.search')).sort()).toEqual([`index.sqlite.search-2-${process.ppid}`, 'index.sqlite.searchy']);
		source.source.close();
	});

	it('is not started for a source that is not a cold load, or whose index is in use', async () => {
		const {ws, source} = openedOver(5);
		const deps = {store: ws.store, source: source.source, sourceId: ws.sources[0]!.id, pricing: defaultPricing(), now: Date.now};
		// Below the bulk-load size (20,000 rows): indexed the usual way.
		expect(besideFor(deps, ws.indexPath)).toBeNull();
		ws.store.search.setOn(deps.sourceId, false);
		expect(besideFor({...deps, bulkFrom: 1}, ws.indexPath)).toBeNull();
		source.source.close();
	});

	it('a stopped build copies nothing and leaves no scratch file; the usual fill does the work', async () => {
		const dir = tempDir();
		const sqlite = path.join(dir, 'tapes.sqlite');
		buildTapesDb(sqlite, corpus(10));
		const {ws, beside} = await syncedWithoutFill(sqlite, dir);
		const stop = new AbortController();
		stop.abort();
		expect(await beside!.finish(() => {}, stop.signal)).toBe(false);
		expect(fs.readdirSync(dir).filter((f) => f.includes('.search-'))).toEqual([]);
		expect(ws.store.search.status(ws.sources[0]!.id).waiting).toBe(ws.store.db.prepare('SELECT count(*) FROM messages').pluck().get());
		await syncWorkspace(ws);
		expect(ws.store.search.status(ws.sources[0]!.id).waiting).toBe(0);
		expect(hitsOf(ws, 'cursor').length).toBeGreaterThan(0);
	});
});
