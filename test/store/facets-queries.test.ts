// The worker's queue and the Insights aggregate, in SQL over a real index, with filters.
import {beforeEach, describe, expect, it} from 'vitest';
import {createFacetQueries} from '../../source/store/facets-queries.js';
import {createFacetsRepo, type FacetsRepo} from '../../source/store/facets-repo.js';
import {DEFAULT_FILTERS, type Filters} from '../../source/core/types.js';
import type {IndexStore} from '../../source/store/index-store.js';
import {HOUR, addSession, facetRecord, memoryStore} from './facets-fixture.js';

let store: IndexStore;
let repo: FacetsRepo;
const f = (over: Partial<Filters> = {}): Filters => ({...DEFAULT_FILTERS, ...over});
const q = () => createFacetQueries(store.db, [1]);

beforeEach(() => {
	store = memoryStore();
	repo = createFacetsRepo(store.db);
	// Started 1 h, 2 h, ... apart: s1 is the oldest, s5 the newest.
	for (let i = 1; i <= 5; i++) addSession(store, {id: `s${i}`, startMs: i * HOUR, endMs: i * HOUR + 60_000, project: i <= 3 ? 'web' : 'api'});
	addSession(store, {id: 'other-source', startMs: 9 * HOUR}, 2);
});

describe('pending', () => {
	it('lists sessions without a facet, newest first, within the scope', () => {
		expect(q().pending(f(), false)).toEqual(['s5', 's4', 's3', 's2', 's1']);
		expect(q().pending(f({project: 'api'}), true)).toEqual(['s5', 's4']);
	});

	it('a current LLM facet is done; one from fewer messages or another prompt version is queued again', () => {
		repo.save(facetRecord('s5'));
		repo.save(facetRecord('s4', {messagesSeen: 3}));
		repo.save(facetRecord('s3', {promptVersion: 'prompt-0'}));
		expect(q().pending(f(), false)).toEqual(['s4', 's3', 's2', 's1']);
	});

	it('an LLM run redoes heuristic facets; a heuristic run never touches LLM facets, even stale ones', () => {
		repo.save(facetRecord('s5', {provider: 'heuristic', model: 'rules'}));
		repo.save(facetRecord('s4', {messagesSeen: 1}));
		expect(q().pending(f(), false)).toEqual(['s5', 's4', 's3', 's2', 's1']);
		expect(q().pending(f(), true)).toEqual(['s3', 's2', 's1']);
	});

	it('a heuristic facet is current for the heuristic until its session grows or its rules change', () => {
		repo.save(facetRecord('s5', {provider: 'heuristic', model: 'rules'}));
		repo.save(facetRecord('s4', {provider: 'heuristic', model: 'rules', messagesSeen: 2}));
		repo.save(facetRecord('s3', {provider: 'heuristic', model: 'rules', promptVersion: 'heuristic-0'}));
		expect(q().pending(f(), true)).toEqual(['s4', 's3', 's2', 's1']);
	});

	it('counts the sessions in the filter', () => {
		expect(q().count(f())).toBe(5);
		expect(q().count(f({fromMs: 4 * HOUR}))).toBe(2);
	});
});

describe('aggregate', () => {
	beforeEach(() => {
		repo.save(facetRecord('s1', {extractedMs: 1}, {goalCategory: 'fix_bug', outcome: 'fully_achieved', sessionType: 'single_task', frictionTypes: ['wrong_approach', 'buggy_code']}));
		repo.save(facetRecord('s2', {extractedMs: 2}, {goalCategory: 'fix_bug', outcome: 'mostly_achieved', sessionType: 'multi_task', frictionTypes: ['wrong_approach', 'buggy_code', 'user_unclear']}));
		repo.save(facetRecord('s3', {extractedMs: 3, provider: 'heuristic', model: 'rules', costUsd: 0}, {goalCategory: 'implement_feature', sessionType: 'single_task'}));
		repo.save(facetRecord('s4', {messagesSeen: 2}, {goalCategory: 'write_docs'}));
		repo.recordFailure({sessionId: 's5', provider: 'openai', model: 'gpt-4o-mini', promptVersion: 'prompt-1', messagesSeen: 4,
			reason: 'rate limited (429)', attempts: 1, retries: 4, inputTokens: 0, outputTokens: 0, costUsd: 0, failedMs: 99});
		repo.recordFailure({sessionId: 's1', provider: 'openai', model: 'gpt-4o-mini', promptVersion: 'prompt-1', messagesSeen: 4,
			reason: 'old failure', attempts: 1, retries: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, failedMs: 1});
		repo.save(facetRecord('s1', {extractedMs: 1}, {goalCategory: 'fix_bug', outcome: 'fully_achieved', sessionType: 'single_task', frictionTypes: ['wrong_approach', 'buggy_code']}));
	});

	it('distributions in a stable order, with labels and shares (reference acceptance 20)', () => {
		const a = q().aggregate(f({project: 'web'}));
		expect(a.goals.map((g) => [g.key, g.count])).toEqual([['fix_bug', 2], ['implement_feature', 1]]);
		expect(a.goals[0]).toMatchObject({label: 'Fix bug', description: 'Repair known broken behaviour'});
		expect(a.goals[0]!.share).toBeCloseTo(2 / 3);
		expect(a.outcomes.map((o) => [o.key, o.count])).toEqual([['fully_achieved', 2], ['mostly_achieved', 1]]);
		expect(a.sessionTypes.map((o) => [o.key, o.count])).toEqual([['single_task', 2], ['multi_task', 1]]);
		// Ties break by vocabulary order: wrong_approach and buggy_code both have 2.
		expect(a.friction.map((x) => [x.key, x.count])).toEqual([['wrong_approach', 2], ['buggy_code', 2], ['user_unclear', 1]]);
	});

	it('coverage: current facets over sessions in the filter, with heuristic, stale, failed and missing', () => {
		expect(q().aggregate(f()).coverage).toEqual({sessions: 5, withFacet: 4, current: 3, ratio: 3 / 5, heuristic: 1, stale: 1, failed: 1, missing: 1});
		expect(q().aggregate(f({project: 'api'})).coverage).toMatchObject({sessions: 2, current: 0, ratio: 0, failed: 1});
		expect(q().aggregate(f({search: 'nothing-matches'})).coverage).toMatchObject({sessions: 0, ratio: 0});
	});

	it('recent summaries are the newest sessions, labelled heuristic and current', () => {
		const recent = q().aggregate(f()).recent;
		expect(recent.map((r) => r.sessionId)).toEqual(['s4', 's3', 's2', 's1']);
		expect(recent[0]).toMatchObject({current: false, heuristic: false, briefSummary: 'summary of s4'});
		expect(recent[1]).toMatchObject({current: true, heuristic: true, provider: 'heuristic'});
	});

	it('which provider made the facets, with their tokens and cost', () => {
		const providers = q().aggregate(f()).providers;
		expect(providers).toEqual([
			{provider: 'openai', model: 'gpt-4o-mini', heuristic: false, facets: 3, current: 2, inputTokens: 3000, outputTokens: 300, costUsd: expect.closeTo(0.0006, 10)},
			{provider: 'heuristic', model: 'rules', heuristic: true, facets: 1, current: 1, inputTokens: 1000, outputTokens: 100, costUsd: 0},
		]);
	});

	it('failures with their reasons, only for sessions without a current facet', () => {
		expect(q().aggregate(f()).failures).toEqual([
			{sessionId: 's5', label: 's5', reason: 'rate limited (429)', provider: 'openai', model: 'gpt-4o-mini', attempts: 1, failedMs: 99},
		]);
	});

	it('the period applies: only sessions in the window count', () => {
		const a = q().aggregate(f({fromMs: 2 * HOUR + 120_000, toMs: 4 * HOUR}));
		expect(a.coverage.sessions).toBe(1);
		expect(a.goals.map((g) => g.key)).toEqual(['implement_feature']);
	});

	it('an empty index gives empty figures', () => {
		store = memoryStore();
		const a = q().aggregate(f());
		expect(a).toMatchObject({goals: [], outcomes: [], sessionTypes: [], friction: [], recent: [], providers: [], failures: []});
	});

	it('caps friction at ten', () => {
		const all = ['misunderstood_request', 'wrong_approach', 'buggy_code', 'user_rejected_action', 'claude_got_blocked', 'user_stopped_early',
			'wrong_file_or_location', 'excessive_changes', 'slow_or_verbose', 'tool_failed', 'user_unclear', 'external_issue'] as const;
		repo.save(facetRecord('s5', {}, {frictionTypes: [...all]}));
		expect(q().aggregate(f()).friction).toHaveLength(10);
	});
});
