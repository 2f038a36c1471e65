// Queries against a real index database (in memory): filters, every sort key both ways, totals, previous period.
import fs from 'node:fs';
import path from 'node:path';
import {beforeEach, describe, expect, it} from 'vitest';
import {tempDir} from '../helpers/workspace.js';
import {openIndex} from '../../source/store/open-index.js';
import {createIndexStore, type IndexStore} from '../../source/store/index-store.js';
import {createSessionQueries} from '../../source/store/session-queries.js';
import {DEFAULT_FILTERS, SORT_KEYS, type Filters, type SessionSummary, type SortKey} from '../../source/core/types.js';
import {defaultPricing} from '../../source/core/pricing.js';
import {summarizeSession} from '../../source/core/summarize.js';
import type {MessageFacts} from '../../source/core/message-facts.js';
import {facts, usage} from '../core/build-message.js';

const HOUR = 3_600_000;

function session(over: Partial<SessionSummary> & {id: string}): SessionSummary {
	return {
		source: 'tapes', label: over.id, project: 'p', agent: '', model: 'gpt-4o', models: ['gpt-4o'], provider: 'openai',
		status: 'completed', startMs: 0, endMs: HOUR / 2, durationMs: HOUR / 2, messageCount: 2, toolCalls: 0, toolErrors: 0,
		inputTokens: 100, outputTokens: 50, cacheReadTokens: 0, cacheWriteTokens: 0, totalTokens: 150, inputCost: 0.1,
		outputCost: 0.05, totalCost: 0.15, costSource: 'computed', unpricedTokens: 0, parentId: null, subSessionCount: 0,
		...over,
	};
}

function write(store: IndexStore, s: SessionSummary, sourceId = 1) {
	store.sessions.write({summary: s, sourceId, leafId: s.id, modelUsage: [], tools: []}, 0);
}

let store: IndexStore;
const f = (over: Partial<Filters> = {}): Filters => ({...DEFAULT_FILTERS, ...over});

beforeEach(() => {
	const opened = openIndex(':memory:');
	if (!opened.ok) throw new Error(opened.error);
	store = createIndexStore(opened.db);
	const rows = [
		session({id: 'a1', label: 'Alpha', project: 'web', agent: 'claude', model: 'claude-sonnet-4.5', status: 'completed', startMs: 10 * HOUR, endMs: 11 * HOUR, durationMs: HOUR, messageCount: 9, toolCalls: 5, totalTokens: 900, totalCost: 0.9}),
		session({id: 'b2', label: 'beta', project: 'api', agent: 'codex', model: 'gpt-4o', status: 'failed', startMs: 20 * HOUR, endMs: 20.2 * HOUR, durationMs: 0.2 * HOUR, messageCount: 3, toolCalls: 1, totalTokens: 300, totalCost: 0.3}),
		session({id: 'c3', label: 'Gamma', project: 'api', agent: '', model: 'mistral-large', status: 'abandoned', startMs: 30 * HOUR, endMs: 30.5 * HOUR, durationMs: 0.5 * HOUR, messageCount: 4, toolCalls: 2, totalTokens: 400, totalCost: null, costSource: 'unpriced', unpricedTokens: 400}),
		session({id: 'd4', label: 'delta', project: 'web', agent: 'claude', model: 'gpt-4o', status: 'completed', startMs: 40 * HOUR, endMs: 40.1 * HOUR, durationMs: 0.1 * HOUR, messageCount: 3, toolCalls: 1, totalTokens: 300, totalCost: 0.3}),
	];
	for (const r of rows) write(store, r);
	write(store, session({id: 'zz-other-source', startMs: 41 * HOUR, endMs: 41 * HOUR}), 2);
});

describe('session queries', () => {
	it('scope keeps other sources out of every figure', () => {
		const q = createSessionQueries(store.db, [1]);
		expect(q.count(f())).toBe(4);
		expect(createSessionQueries(store.db, null).count(f())).toBe(5);
	});

	const keyOf: Record<SortKey, (s: SessionSummary) => string | number> = {
		date: (s) => s.startMs, label: (s) => s.label.toLowerCase(), project: (s) => s.project.toLowerCase(),
		agent: (s) => s.agent.toLowerCase(), model: (s) => s.model, status: (s) => s.status, duration: (s) => s.durationMs,
		messages: (s) => s.messageCount, tools: (s) => s.toolCalls, tokens: (s) => s.totalTokens, cost: (s) => s.totalCost ?? -1,
	};

	it.each(SORT_KEYS.filter((k) => k !== 'cost').map((k) => [k]))('sorts by %s both ways, deterministically', (sort) => {
		const q = createSessionQueries(store.db, [1]);
		const asc = q.list(f({sort, sortDir: 'asc'})).map(keyOf[sort]);
		const desc = q.list(f({sort, sortDir: 'desc'})).map(keyOf[sort]);
		expect(asc).toEqual([...asc].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
		expect(desc).toEqual([...asc].reverse());
		expect(new Set(asc).size).toBeGreaterThan(1);
		expect(q.list(f({sort, sortDir: 'asc'})).map((s) => s.id)).toEqual(q.list(f({sort, sortDir: 'asc'})).map((s) => s.id));
	});

	it('sorts by cost with unpriced sessions last in both directions (never as $0)', () => {
		const q = createSessionQueries(store.db, [1]);
		// Ties reverse with the direction (b2 and d4 both cost $0.30), so desc is asc backwards, unpriced aside.
		expect(q.list(f({sort: 'cost', sortDir: 'desc'})).map((s) => s.id)).toEqual(['a1', 'b2', 'd4', 'c3']);
		expect(q.list(f({sort: 'cost', sortDir: 'asc'})).map((s) => s.id)).toEqual(['d4', 'b2', 'a1', 'c3']);
	});

	it('ties break by newest first then ID when ascending, reversed when descending', () => {
		const q = createSessionQueries(store.db, [1]);
		expect(q.list(f({sort: 'messages', sortDir: 'asc'})).map((s) => s.id)).toEqual(['d4', 'b2', 'c3', 'a1']);
		expect(q.list(f({sort: 'messages', sortDir: 'desc'})).map((s) => s.id)).toEqual(['a1', 'c3', 'b2', 'd4']);
	});

	it('label sorts case-insensitively', () => {
		const q = createSessionQueries(store.db, [1]);
		expect(q.list(f({sort: 'label', sortDir: 'asc'})).map((s) => s.label)).toEqual(['Alpha', 'beta', 'delta', 'Gamma']);
	});

	it('filters combine', () => {
		const q = createSessionQueries(store.db, [1]);
		expect(q.list(f({project: 'api'})).map((s) => s.id).sort()).toEqual(['b2', 'c3']);
		expect(q.list(f({project: 'api', status: 'failed'})).map((s) => s.id)).toEqual(['b2']);
		expect(q.list(f({agent: 'claude', model: 'gpt-4o-2024-08-06'})).map((s) => s.id)).toEqual(['d4']);
		expect(q.list(f({search: 'GAM'})).map((s) => s.id)).toEqual(['c3']);
		expect(q.list(f({search: '100%_'}))).toEqual([]);
	});

	it('a window keeps sessions that overlap it', () => {
		const q = createSessionQueries(store.db, [1]);
		expect(q.list(f({fromMs: 10.5 * HOUR, toMs: 20.1 * HOUR})).map((s) => s.id).sort()).toEqual(['a1', 'b2']);
	});

	it('totals count unpriced sessions apart and compute the success rate', () => {
		const t = createSessionQueries(store.db, [1]).totals(f());
		expect(t.sessions).toBe(4);
		expect(t.totalCost).toBeCloseTo(1.5, 10);
		expect(t.unpricedSessions).toBe(1);
		expect([t.completed, t.failed, t.abandoned, t.unknown]).toEqual([2, 1, 1, 0]);
		expect(t.successRate).toBe(0.5);
		expect(t.toolCalls).toBe(9);
	});

	it('compares with the previous period of equal length (fixes reference: never computed)', () => {
		const q = createSessionQueries(store.db, [1]);
		const o = q.overview(f({fromMs: 25 * HOUR, toMs: 45 * HOUR}), 45 * HOUR);
		expect(o.totals.sessions).toBe(2);
		expect(o.previous?.sessions).toBe(2);
		expect(o.comparison?.totalCost.current).toBeCloseTo(0.3, 10);
		expect(o.comparison?.totalCost.previous).toBeCloseTo(1.2, 10);
		expect(o.comparison?.totalCost.ratio).toBeCloseTo(-0.75, 10);
		expect(o.comparison?.totalCost.good).toBe(true);
		expect(q.overview(f(), 45 * HOUR).previous).toBeNull();
	});

	it('offers picker values, most used first', () => {
		expect(createSessionQueries(store.db, [1]).distinct('project', f())).toEqual([
			{value: 'api', sessions: 2}, {value: 'web', sessions: 2},
		]);
	});

	/** Writes a session as sync does: summarized (and so priced) from its messages' facts. */
	function writeSummarized(id: string, messages: MessageFacts[], sourceId = 1) {
		const r = summarizeSession({id, source: 'tapes', messages, pricing: defaultPricing()});
		store.sessions.write({summary: r.summary, sourceId, leafId: id, tools: [], modelUsage: r.modelUsage, buckets: r.buckets,
			notes: {priceSource: r.priceSource, statusReason: r.statusReason, rejections: r.rejections}}, 0);
	}

	it('costs by model add the costs priced at sync, and an unpriced model stays unpriced', () => {
		writeSummarized('m1', [
			facts({id: 'a', role: 'assistant', model: 'claude-sonnet-4.5', timestamp: HOUR, usage: usage({input: 600_000, output: 60_000})}),
			facts({id: 'b', role: 'assistant', model: 'claude-sonnet-4.5', timestamp: 30 * HOUR, usage: usage({input: 400_000, output: 40_000})}),
			facts({id: 'c', role: 'assistant', model: 'no-such-model', timestamp: 2 * HOUR, usage: usage({input: 5, output: 5})}),
		]);
		const rows = createSessionQueries(store.db, [1]).costByModel(f());
		expect(rows[0]).toMatchObject({model: 'claude-sonnet-4.5', sessions: 1, inputTokens: 1_000_000});
		expect(rows[0]!.cost).toBeCloseTo(3 + 1.5, 10);
		expect(rows.find((r) => r.model === 'no-such-model')).toMatchObject({cost: null, cacheSaving: null});
		expect(store.sessions.notes('m1')).toEqual({priceSource: 'built-in', statusReason: expect.any(String), rejections: 0});
	});

	it('costs by model count only the scope\'s sessions, with or without other filters', () => {
		writeSummarized('own', [facts({id: 'a', role: 'assistant', model: 'gpt-4o', timestamp: HOUR, usage: usage({input: 1000, output: 10})})]);
		writeSummarized('theirs', [facts({id: 'b', role: 'assistant', model: 'gpt-4o', timestamp: HOUR, usage: usage({input: 5000, output: 50})})], 2);
		const inputOf = (scope: number[] | null, over: Partial<Filters> = {}) => createSessionQueries(store.db, scope).costByModel(f(over)).map((r) => [r.model, r.inputTokens]);
		expect(inputOf([1])).toEqual([['gpt-4o', 1000]]);
		expect(inputOf([2])).toEqual([['gpt-4o', 5000]]);
		// Every session in scope (the sum without the join to sessions), and the same with a filter (joined).
		expect(inputOf([1, 2])).toEqual([['gpt-4o', 6000]]);
		expect(inputOf(null)).toEqual([['gpt-4o', 6000]]);
		expect(inputOf([1, 2], {status: 'failed'})).toEqual([]);
		expect(inputOf([1, 2], {fromMs: 2 * HOUR, toMs: null})).toEqual([]);
		expect(inputOf([])).toEqual([]);
	});

	it('the cache saving is what cache reads would have cost at the input price, minus what they cost', () => {
		writeSummarized('c1', [facts({id: 'a', role: 'assistant', model: 'claude-sonnet-4.5', usage: usage({input: 2_000_000, cacheRead: 2_000_000})})]);
		const [row] = createSessionQueries(store.db, [1]).costByModel(f());
		// 2M reads at $0.30/M instead of $3/M.
		expect(row!.cacheSaving).toBeCloseTo(2 * (3 - 0.3), 10);
		expect(row!.cost).toBeCloseTo(2 * 0.3, 10);
	});

	it('usage buckets put each message in its own quarter hour, so a session spanning midnight splits across days', () => {
		const midnight = Date.UTC(2026, 2, 2);
		writeSummarized('late', [
			facts({id: 'a', role: 'assistant', model: 'gpt-4o', timestamp: midnight - 60_000, usage: usage({input: 100, output: 10})}),
			facts({id: 'b', role: 'assistant', model: 'gpt-4o', timestamp: midnight + 60_000, usage: usage({input: 200, output: 20})}),
		]);
		const buckets = createSessionQueries(store.db, [1]).usageBuckets(f({search: 'late'}));
		expect(buckets.map((b) => [b.startMs, b.input + b.output])).toEqual([[midnight - 15 * 60_000, 110], [midnight, 220]]);
	});
});

describe('reference acceptance 19: filters on a sonnet-4.5, completed, tapes session 10 minutes long', () => {
	const start = 100 * HOUR;
	const base = session({id: 'x', model: 'claude-sonnet-4.5', status: 'completed', project: 'tapes', startMs: start, endMs: start + 600_000, durationMs: 600_000});
	const q = () => {
		const opened = openIndex(':memory:');
		if (!opened.ok) throw new Error(opened.error);
		const s = createIndexStore(opened.db);
		write(s, base);
		return createSessionQueries(opened.db, [1]);
	};
	it.each([
		['no filters', {}, 1],
		['model claude-sonnet-4-5 (normalized)', {model: 'claude-sonnet-4-5'}, 1],
		['model gpt-4o', {model: 'gpt-4o'}, 0],
		['status completed', {status: 'completed' as const}, 1],
		['status failed', {status: 'failed' as const}, 0],
		['project tapes', {project: 'tapes'}, 1],
		['project Tapes (exact, case-sensitive)', {project: 'Tapes'}, 0],
		['from −1 h, to +1 h', {fromMs: start - HOUR, toMs: start + HOUR}, 1],
		['from start + 15 min (after it ended)', {fromMs: start + 900_000}, 0],
		['to start − 1 min (before it began)', {toMs: start - 60_000}, 0],
	])('%s → %i', (_name, over, expected) => {
		expect(q().count(f(over))).toBe(expected);
	});
});

describe('row mapping', () => {
	it('the positional mapper used for long lists reads the same session as the named one', async () => {
		const {toSummary, rawToSummary, SESSION_COLUMNS} = await import('../../source/store/session-row.js');
		const sql = `SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = 'c3'`;
		const named = toSummary(store.db.prepare(sql).get() as Parameters<typeof toSummary>[0]);
		const positional = rawToSummary(store.db.prepare(sql).raw().get() as unknown[]);
		expect(positional).toEqual(named);
		expect(named.totalCost).toBeNull();
	});
});

describe('paging', () => {
	it.each(SORT_KEYS.flatMap((k) => [[k, 'asc'], [k, 'desc']] as const))('pages of %s %s join up to the full list', (sort, sortDir) => {
		const q = createSessionQueries(store.db, [1]);
		const full = q.list(f({sort, sortDir})).map((s) => s.id);
		const paged = [0, 2].flatMap((offset) => q.list(f({sort, sortDir}), offset, 2).map((s) => s.id));
		expect(paged).toEqual(full);
	});
});

describe('finding a session by ID prefix (issue 17 item 8)', () => {
	it('opens a unique prefix of any length and lists the candidates of an ambiguous one', () => {
		write(store, session({id: 'a1ff00', startMs: 50 * HOUR, endMs: 50 * HOUR}));
		expect(store.sessions.find('b').session?.id).toBe('b2');
		expect(store.sessions.find('c3').session?.id).toBe('c3');
		const ambiguous = store.sessions.find('a1');
		expect(ambiguous.session?.id).toBe('a1');
		const prefix = store.sessions.find('a');
		expect(prefix.ambiguous).toBe(true);
		expect(prefix.candidates.map((s) => s.id)).toEqual(['a1', 'a1ff00']);
		expect(store.sessions.find('q')).toMatchObject({ambiguous: false, candidates: []});
	});
});

describe('top-level sessions (issue 17 item 6)', () => {
	it('leaves out subagents whose parent is in the index, and keeps orphans', () => {
		write(store, session({id: 'a1-sub', parentId: 'a1', startMs: 10 * HOUR, endMs: 10.5 * HOUR}));
		write(store, session({id: 'orphan-sub', parentId: 'gone', startMs: 12 * HOUR, endMs: 12.5 * HOUR}));
		const q = createSessionQueries(store.db, [1]);
		expect(q.count(f())).toBe(6);
		expect(q.list(f({topLevel: true})).map((s) => s.id).sort()).toEqual(['a1', 'b2', 'c3', 'd4', 'orphan-sub']);
	});
});

describe('a report that reads once', () => {
	it('reads through a small cache and a memory map of the file, then puts both back', () => {
		const dir = tempDir('tapedeck-read-once-');
		try {
			const opened = openIndex(path.join(dir, 'index.sqlite'));
			if (!opened.ok) throw new Error(opened.error);
			const q = createSessionQueries(opened.db);
			const setting = (name: string) => opened.db.pragma(name, {simple: true}) as number;
			const cache = setting('cache_size');
			const map = setting('mmap_size');
			const restore = q.readOnce();
			expect(setting('cache_size')).toBe(-2000);
			expect(setting('mmap_size')).toBe(1 << 30);
			restore();
			expect([setting('cache_size'), setting('mmap_size')]).toEqual([cache, map]);
			opened.db.close();
		} finally {
			fs.rmSync(dir, {recursive: true, force: true});
		}
	});
});
