// Explorer queries on a real index: a session's position in any sorted, filtered list; cost per 15 minutes.
import {beforeEach, describe, expect, it} from 'vitest';
import {openIndex} from '../../source/store/open-index.js';
import {createIndexStore, type IndexStore} from '../../source/store/index-store.js';
import {createSessionQueries} from '../../source/store/session-queries.js';
import {createExplorerQueries} from '../../source/store/explorer-queries.js';
import {bucketStart, type UsageBucket} from '../../source/core/usage-buckets.js';
import {DEFAULT_FILTERS, SORT_KEYS, type Filters, type SessionSummary} from '../../source/core/types.js';

const MIN = 60_000;
let store: IndexStore;

function session(i: number, over: Partial<SessionSummary> = {}): SessionSummary {
	return {
		id: `s${i}`, source: 'tapes', label: `label ${i % 3}`, project: `p${i % 2}`, agent: '', model: i % 2 ? 'gpt-4o' : 'o3-mini', models: [],
		provider: 'openai', status: i % 3 ? 'completed' : 'failed', startMs: i * 10 * MIN, endMs: i * 10 * MIN + MIN, durationMs: MIN * (i % 4),
		messageCount: i % 5, toolCalls: i % 2, toolErrors: 0, inputTokens: 10, outputTokens: 5, cacheReadTokens: 0, cacheWriteTokens: 0,
		totalTokens: 100 * (i % 7), inputCost: 0, outputCost: 0, totalCost: i % 5 === 0 ? null : i * 0.01, costSource: 'computed',
		unpricedTokens: 0, parentId: null, subSessionCount: 0, ...over,
	};
}

beforeEach(() => {
	const opened = openIndex(':memory:');
	if (!opened.ok) throw new Error(opened.error);
	store = createIndexStore(opened.db);
	// Each session's cost sits in the quarter hour of its one message, a minute after it starts (i * 10 minutes).
	const bucketOf = (i: number): UsageBucket[] => [{startMs: bucketStart(i * 10 * MIN + MIN), model: 'gpt-4o', input: 10, output: 5, cacheRead: 0,
		cacheWrite: 0, cost: i % 5 === 0 ? null : i * 0.01, cacheSaving: 0, messages: 1}];
	for (let i = 0; i < 30; i++) store.sessions.write({summary: session(i), sourceId: 1, leafId: `l${i}`, modelUsage: [], tools: [], buckets: bucketOf(i)}, 0);
	store.sessions.write({summary: session(99, {id: 'other'}), sourceId: 2, leafId: 'x', modelUsage: [], tools: []}, 0);
});

describe('explorer queries', () => {
	const f = (over: Partial<Filters> = {}): Filters => ({...DEFAULT_FILTERS, ...over});

	it.each(SORT_KEYS.flatMap((sort) => [[sort, 'asc'], [sort, 'desc']] as const))('indexOf agrees with the list sorted by %s %s', (sort, sortDir) => {
		const q = createSessionQueries(store.db, [1]);
		const x = createExplorerQueries(store.db, [1]);
		const filters = f({sort, sortDir, status: 'completed'});
		q.list(filters).forEach((s, i) => expect(x.indexOf(filters, s.id)).toBe(i));
		expect(x.indexOf(filters, 's0')).toBeNull();
		expect(x.indexOf(f(), 'other')).toBeNull();
	});

	it('sums cost by the 15-minute bucket its messages fall in, unpriced counted as nothing', () => {
		const x = createExplorerQueries(store.db, [1]);
		const buckets = x.costBuckets(f({toMs: 40 * MIN}));
		// s0 (unpriced) and s1 at 1 and 11 minutes; s2 at 21; s3 at 31.
		expect(buckets.map((b) => [b.startMs, Number(b.cost.toFixed(6))])).toEqual([
			[0, 0.01],
			[15 * MIN, 0.02],
			[30 * MIN, 0.03],
		]);
	});
});
