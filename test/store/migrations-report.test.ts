// v9: the reports' covering indexes. The totals, the per-model costs and the JSON list of the default report
// (the sources in use, all time or a period) are answered from them without reading a sessions row (whose
// labels make the table ten times their size); filters on other columns still read rows.
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {openIndex} from '../../source/store/open-index.js';
import {createIndexStore} from '../../source/store/index-store.js';
import {createSessionQueries} from '../../source/store/session-queries.js';
import {MIGRATIONS} from '../../source/store/migrations.js';
import {REPORT_INDEXES_MIGRATION} from '../../source/store/migrations-report.js';
import {DEFAULT_FILTERS, type Filters} from '../../source/core/types.js';
import {tempDir} from '../helpers/workspace.js';

const dir = tempDir('tapedeck-report-indexes-');
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));

/** The index at `file`, and every SQL text its session queries prepare. */
function opened(file: string) {
	const r = openIndex(file);
	if (!r.ok) throw new Error(r.error);
	const prepared: string[] = [];
	const prepare = r.db.prepare.bind(r.db);
	r.db.prepare = ((sql: string) => {
		prepared.push(sql);
		return prepare(sql);
	}) as typeof r.db.prepare;
	return {db: r.db, prepared};
}

/** What SQLite reads for `sql`: each step of its plan. */
const planOf = (db: ReturnType<typeof opened>['db'], sql: string) => {
	const params = Array.from({length: (sql.match(/\?/g) ?? []).length}, () => 1);
	return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{detail: string}>).map((r) => r.detail);
};

describe('the reports’ covering indexes (v9)', () => {
	it('answer the default report’s totals, costs and list without the sessions rows', () => {
		const {db, prepared} = opened(path.join(dir, 'plans.sqlite'));
		// The default order (cost) and the date order, over all time and over a period.
		for (const [sort, fromMs] of [['cost', null], ['cost', 1000], ['date', null], ['date', 1000]] as const) {
			const f: Filters = {...DEFAULT_FILTERS, sort, fromMs};
			const q = createSessionQueries(db, [1]);
			prepared.length = 0;
			q.totals(f);
			q.costByModel(f);
			[...q.listJson(f)];
			q.listIds(f);
			const asked = [...prepared];
			// costByModel asks twice when its sum without the join has nothing to sum (an empty index).
			expect(asked.length).toBeGreaterThanOrEqual(4);
			expect(asked.length).toBeLessThanOrEqual(5);
			for (const sql of asked) {
				// Every read of `sessions s` is through one of the covering indexes.
				const sessionSteps = planOf(db, sql).filter((step) => /^(SCAN|SEARCH) s\b/.test(step));
				expect(sessionSteps.length, sql).toBeGreaterThan(0);
				for (const step of sessionSteps) expect(step, sql).toMatch(/COVERING INDEX sessions_(report_by_date|report_by_cost|scope)\b/);
			}
		}
		db.close();
	});

	it('sum the per-model costs of the whole index in model order, with no sort (v13)', () => {
		const {db, prepared} = opened(path.join(dir, 'models.sqlite'));
		db.exec(`INSERT INTO session_models (session_id, model, base_input, input, output, cache_write, cache_write_1h, cache_read, messages, cost, cache_saving)
			VALUES ('a', 'm1', 1, 1, 2, 0, 0, 0, 1, 0.5, 0), ('b', 'm1', 1, 3, 4, 0, 0, 0, 1, 0.25, 0), ('b', 'm2', 1, 5, 6, 0, 0, 0, 1, NULL, NULL)`);
		const q = createSessionQueries(db, [1]);
		prepared.length = 0;
		const rows = q.costByModel(DEFAULT_FILTERS);
		expect(rows.map((r) => [r.model, r.sessions, r.inputTokens, r.outputTokens, r.cost])).toEqual([['m1', 2, 4, 6, 0.75], ['m2', 1, 5, 6, null]]);
		const plan = planOf(db, prepared[0]!);
		expect(plan.filter((step) => /\bm\b/.test(step)), plan.join(' | ')).toEqual(['SCAN m USING COVERING INDEX session_models_by_model']);
		expect(plan.join(' | ')).not.toMatch(/TEMP B-TREE/);
		db.close();
	});

	it('are built by the migration on an index from before them, and only once', () => {
		const file = path.join(dir, 'v8.sqlite');
		const first = openIndex(file);
		if (!first.ok) throw new Error(first.error);
		const store = createIndexStore(first.db);
		store.sessions.write({summary: {
			id: 's1', source: 'tapes', label: 'x'.repeat(2000), project: 'p', agent: '', model: 'gpt-4o', models: ['gpt-4o'], provider: 'openai',
			status: 'completed', startMs: 0, endMs: 10, durationMs: 10, messageCount: 2, toolCalls: 0, toolErrors: 0, inputTokens: 100,
			outputTokens: 50, cacheReadTokens: 0, cacheWriteTokens: 0, totalTokens: 150, inputCost: 0.1, outputCost: 0.05, totalCost: 0.15,
			costSource: 'computed', unpricedTokens: 0, parentId: null, subSessionCount: 0,
		}, sourceId: 1, leafId: 's1', modelUsage: [], tools: []}, 0);
		// Back to v8: the indexes gone, the version before them.
		first.db.exec(`DROP INDEX sessions_report_by_date; DROP INDEX sessions_report_by_cost; DROP INDEX sessions_scope; PRAGMA user_version = ${MIGRATIONS.indexOf(REPORT_INDEXES_MIGRATION)};`);
		first.db.close();
		const again = openIndex(file);
		if (!again.ok) throw new Error(again.error);
		const names = (again.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'sessions_report%' OR name = 'sessions_scope' ORDER BY name`).pluck().all());
		expect(names).toEqual(['sessions_report_by_cost', 'sessions_report_by_date', 'sessions_scope']);
		expect(again.db.pragma('user_version', {simple: true})).toBe(MIGRATIONS.length);
		expect(createSessionQueries(again.db, [1]).totals(DEFAULT_FILTERS)).toMatchObject({sessions: 1, totalTokens: 150});
		again.db.close();
	});
});
