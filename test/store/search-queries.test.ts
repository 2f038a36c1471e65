// Ranked search under filters: the best hits that pass, found in one bm25 run when the filters leave few.
import {afterEach, describe, expect, it} from 'vitest';
import {DEFAULT_FILTERS} from '../../source/core/types.js';
import {parseSearchQuery} from '../../source/core/search-query.js';
import {createSearchQueries} from '../../source/store/search-queries.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';
import type {FixtureNode} from '../../fixtures/tapes-builder.js';
import {syncFixture} from '../helpers/workspace.js';

const opened: Workspace[] = [];
afterEach(() => {
	while (opened.length) opened.pop()!.close();
});

/** 400 user messages and 12 assistant ones say "alpha"; an assistant says it in every word, so it ranks best. */
function nodes(): FixtureNode[] {
	return Array.from({length: 412}, (_, i) => {
		const assistant = i % 34 === 33;
		const text = i === 33 ? 'alpha alpha alpha alpha' : `alpha note ${i} ${'filler '.repeat(assistant ? 30 : 3 + (i % 7))}`;
		return {id: `n${i}`, role: assistant ? 'assistant' : 'user', text, at: Date.UTC(2026, 1, 1) + i * 7_200_000};
	});
}

/** Counts the bm25 runs (the ranked subquery) the queries make, by watching what they prepare. */
function countRankedRuns(ws: Workspace): {runs: () => number} {
	let runs = 0;
	const db = ws.store.db;
	const prepare = db.prepare.bind(db);
	db.prepare = ((sql: string) => {
		const st = prepare(sql);
		if (!sql.includes('ORDER BY rank LIMIT')) return st;
		const all = st.all.bind(st);
		return Object.assign(st, {all: (...args: unknown[]) => (runs++, all(...args))});
	}) as typeof db.prepare;
	return {runs: () => runs};
}

describe('ranked search', () => {
	it('returns the best hits that pass a role filter, ranking once even when few of the top matches pass', async () => {
		const {ws} = await syncFixture(nodes());
		opened.push(ws);
		const counter = countRankedRuns(ws);
		const queries = createSearchQueries(ws.store.db, ws.sources.map((s) => s.id));
		const q = parseSearchQuery('role:assistant alpha');
		if (!q.ok) throw new Error(q.error);
		const hits = queries.hits(q.value, DEFAULT_FILTERS, {order: 'rank', limit: 20});
		expect(hits).toHaveLength(12);
		expect(hits.every((h) => h.role === 'assistant')).toBe(true);
		expect(hits[0]!.timestamp).toBe(Date.UTC(2026, 1, 1) + 33 * 7_200_000);
		expect(hits.map((h) => h.rank)).toEqual([...hits.map((h) => h.rank)].sort((a, b) => a - b));
		expect(counter.runs()).toBe(1);
		// Without a filter the top of the ranking is enough, and the best is the same message.
		const plain = parseSearchQuery('alpha');
		if (!plain.ok) throw new Error(plain.error);
		const top = queries.hits(plain.value, DEFAULT_FILTERS, {order: 'rank', limit: 5});
		expect(top).toHaveLength(5);
		expect(top[0]!.messageId).toBe(hits[0]!.messageId);
		expect(counter.runs()).toBe(2);
	});
});
