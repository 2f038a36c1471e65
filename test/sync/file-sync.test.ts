// A transcript source's first full import runs without fsync (synchronous = OFF) and says so in a meta flag,
// so a stopped first import goes on in the same mode; every later sync runs with the index's own setting.
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {syncFileSource} from '../../source/sync/file-sync.js';
import {inBulkLoad} from '../../source/store/bulk-load.js';
import {claudeAdapter} from '../../source/sources/claude-code/discover.js';
import {generateClaudeTree} from '../../source/bench/sources-generate.js';
import {copyFixture, dumpIndex} from '../helpers/transcripts.js';
import {open, tempDir} from '../helpers/workspace.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';

const FLAG = (id: number) => `first-import:${id}`;

const indexes = (ws: Workspace) =>
	ws.store.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`).pluck().all() as string[];

/**
 * Syncs the Claude Code source; records `synchronous` and the indexes at every flush; aborts after
 * `abortAfter` flushes. `bulkFromBytes`: a first import of that many bytes is a bulk load (never, by default).
 */
async function sync(ws: Workspace, abortAfter = Infinity, bulkFromBytes = Infinity) {
	const source = ws.sources[0]!;
	const seen: number[] = [];
	const indexed: string[][] = [];
	const controller = new AbortController();
	const summary = await syncFileSource({store: ws.store, sourceId: source.id, root: source.path, adapter: claudeAdapter, pricing: ws.pricing, now: () => 0,
		batchLines: 1, bulkFromBytes}, () => {
		seen.push(ws.store.db.pragma('synchronous', {simple: true}) as number);
		indexed.push(indexes(ws));
		if (seen.length >= abortAfter) controller.abort();
	}, controller.signal);
	return {summary, seen, indexed, after: ws.store.db.pragma('synchronous', {simple: true}) as number, flag: ws.store.meta.get(FLAG(source.id)),
		bulk: inBulkLoad(ws.store.meta, source.id)};
}

describe('first import of a transcript source', () => {
	it('writes without fsync until it completes, then restores the setting; a grown file is synced normally', async () => {
		const root = copyFixture('claude-code');
		const ws = open({index: path.join(tempDir(), 'index.sqlite'), claude: [root]});
		const normal = ws.store.db.pragma('synchronous', {simple: true}) as number;
		expect(normal).not.toBe(0);
		const first = await sync(ws);
		expect(first.seen.length).toBeGreaterThan(0);
		expect(new Set(first.seen)).toEqual(new Set([0]));
		expect(first.after).toBe(normal);
		expect(first.flag).toBeUndefined();
		const file = fs.readdirSync(root, {recursive: true, encoding: 'utf8'}).find((f) => f.endsWith('.jsonl') && !f.includes('subagents'))!;
		const lines = fs.readFileSync(path.join(root, file), 'utf8').trimEnd().split('\n');
		fs.appendFileSync(path.join(root, file), lines.at(-1)!.replace(/"uuid":"[^"]+"/, '"uuid":"appended-1"') + '\n');
		const grown = await sync(ws);
		expect(grown.seen.length).toBeGreaterThan(0);
		expect(grown.seen).not.toContain(0);
		ws.close();
	});

	it('stopped part way, goes on without fsync in the next sync and gives the same index as one uninterrupted import', async () => {
		const root = copyFixture('claude-code');
		const whole = open({index: path.join(tempDir(), 'whole.sqlite'), claude: [root]});
		await sync(whole);
		const ws = open({index: path.join(tempDir(), 'cut.sqlite'), claude: [root]});
		const stopped = await sync(ws, 1);
		expect(stopped.flag).toBe('1');
		expect(stopped.after).not.toBe(0);
		const resumed = await sync(ws);
		expect(resumed.seen.length).toBeGreaterThan(0);
		expect(new Set(resumed.seen)).toEqual(new Set([0]));
		expect(resumed.flag).toBeUndefined();
		expect(dumpIndex(ws)).toEqual(dumpIndex(whole));
		ws.close();
		whole.close();
	});

	it('a large one writes its sessions without their indexes and builds them at the end: the same index as a small one', async () => {
		const root = copyFixture('claude-code');
		const small = open({index: path.join(tempDir(), 'small.sqlite'), claude: [root]});
		const plain = await sync(small);
		expect(new Set(plain.indexed.flat())).toContain('sessions_by_cost');
		const ws = open({index: path.join(tempDir(), 'large.sqlite'), claude: [root]});
		const large = await sync(ws, Infinity, 1);
		expect(large.indexed.length).toBeGreaterThan(1);
		// While it runs: no index of the sessions' (sorts, reports), but the messages' own, which it reads sessions by.
		for (const during of large.indexed.slice(0, -1)) {
			expect(during.filter((name) => (name.startsWith('sessions_') && name !== 'sessions_parent') || name === 'session_models_by_model')).toEqual([]);
			expect(during).toContain('messages_session');
		}
		expect(large.bulk).toBe(false);
		expect(large.flag).toBeUndefined();
		expect(indexes(ws)).toEqual(indexes(small));
		expect(dumpIndex(ws)).toEqual(dumpIndex(small));
		ws.close();
		small.close();
	});

	it('a large one stopped part way goes on in bulk in the next sync, and ends with every index', async () => {
		const root = copyFixture('claude-code');
		const whole = open({index: path.join(tempDir(), 'whole.sqlite'), claude: [root]});
		await sync(whole);
		const ws = open({index: path.join(tempDir(), 'cut.sqlite'), claude: [root]});
		const stopped = await sync(ws, 1, 1);
		expect(stopped.bulk).toBe(true);
		expect(indexes(ws)).not.toContain('sessions_by_cost');
		// The next sync is not asked to load in bulk: it finishes the load the stopped one began.
		const resumed = await sync(ws);
		expect(resumed.indexed[0]).not.toContain('sessions_by_cost');
		expect(resumed.bulk).toBe(false);
		expect(indexes(ws)).toEqual(indexes(whole));
		expect(dumpIndex(ws)).toEqual(dumpIndex(whole));
		ws.close();
		whole.close();
	});

	it('an empty source writes no flag', async () => {
		const root = tempDir();
		const ws = open({index: path.join(tempDir(), 'index.sqlite'), claude: [root]});
		const empty = await sync(ws);
		expect(empty.flag).toBeUndefined();
		expect(empty.summary.newMessages).toBe(0);
		ws.close();
	});
});

describe('the first commit of a first import', () => {
	it('comes within a fraction of a second, then commits wait the first-import second', async () => {
		const root = path.join(tempDir(), 'projects');
		generateClaudeTree(root, {sessions: 1200, subagents: 0, projects: 4, startMs: Date.UTC(2026, 0, 1), turnsPerSession: 1});
		const ws = open({index: path.join(tempDir(), 'index.sqlite'), claude: [root]});
		const source = ws.sources[0]!;
		// A clock that moves 1 ms each time the import looks at it (about once a file): the timing is the
		// import's own, whatever the machine's speed (with the real clock it hung on how many files a machine
		// reads in 150 ms, and it failed once in a full run here).
		let ticks = 0;
		const clock = () => ticks++;
		const commits: Array<{read: number; atMs: number}> = [];
		await syncFileSource({store: ws.store, sourceId: source.id, root: source.path, adapter: claudeAdapter, pricing: ws.pricing, now: Date.now, clock},
			(p) => commits.push({read: p.read, atMs: ticks}));
		const total = ws.store.db.prepare('SELECT count(*) FROM sessions').pluck().get() as number;
		expect(total).toBe(1200);
		// The whole import in one commit would give one report, at the end; the first comes with files still to read.
		expect(commits.length, JSON.stringify(commits)).toBeGreaterThanOrEqual(3);
		// …and early: after 150 ticks, about 150 files (waiting the full second, it came after most of them).
		expect(commits[0]!.read, JSON.stringify(commits)).toBeLessThan(300);
		// Later commits are the first-import second apart (the last, at the end, may come sooner).
		for (let i = 1; i < commits.length - 1; i++) expect(commits[i]!.atMs - commits[i - 1]!.atMs, JSON.stringify(commits)).toBeGreaterThanOrEqual(900);
		ws.close();
	}, 60_000);
});
