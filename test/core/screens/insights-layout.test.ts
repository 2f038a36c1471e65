// The Insights screen's figures as lines and words: charts collapse to five bars, coverage and worker texts.
import {describe, expect, it} from 'vitest';
import {chartColumns, coverageText, providerText, workerText} from '../../../source/core/screens/insights-layout.js';
import {coverageOf, distributions, type InsightsAggregate} from '../../../source/core/facet-aggregate.js';
import {GOAL_CATEGORIES} from '../../../source/core/facet-vocabulary.js';
import {IDLE_PROGRESS} from '../../../source/core/facet-status.js';

function aggregate(): InsightsAggregate {
	return {
		goals: distributions.goals(GOAL_CATEGORIES.slice(0, 8).map((key, i) => ({key, count: 8 - i}))),
		outcomes: distributions.outcomes([{key: 'fully_achieved', count: 20}, {key: 'not_achieved', count: 4}]),
		sessionTypes: distributions.sessionTypes([{key: 'single_task', count: 24}]),
		friction: distributions.friction([{key: 'buggy_code', count: 6}], 24),
		recent: [], providers: [], failures: [],
		coverage: coverageOf({sessions: 30, withFacet: 26, current: 24, heuristic: 10, failed: 1}),
	};
}

describe('insights layout', () => {
	it('shows five bars per chart with descriptions and "+N more" until expanded', () => {
		const c = chartColumns(aggregate(), false);
		const goalBars = c.left.filter((l) => l.kind === 'bar' && l.tone === 'goal');
		expect(goalBars).toHaveLength(5);
		expect(c.left).toContainEqual({kind: 'more', hidden: 3});
		expect(c.left).toContainEqual({kind: 'description', text: 'Find out why something behaves as it does'});
		expect(goalBars[0]).toMatchObject({label: 'Debug / investigate', count: 8, fraction: 1});
		expect(c.lines).toBe(Math.max(c.left.length, c.right.length));
		const e = chartColumns(aggregate(), true);
		expect(e.left.filter((l) => l.kind === 'bar' && l.tone === 'goal')).toHaveLength(8);
		expect(e.left.some((l) => l.kind === 'more')).toBe(false);
	});

	it('shares friction out of the sessions with facets, and says so when there are none', () => {
		const c = chartColumns(aggregate(), false);
		expect(c.right).toContainEqual(expect.objectContaining({kind: 'bar', tone: 'friction', key: 'buggy_code', share: 0.25}));
		const empty = chartColumns({...aggregate(), goals: [], friction: [], coverage: coverageOf({sessions: 3, withFacet: 0, current: 0, heuristic: 0, failed: 0})}, false);
		expect(empty.left).toContainEqual({kind: 'empty', text: 'no facets in this selection yet'});
	});

	it('words coverage, providers and the worker', () => {
		expect(coverageText(aggregate().coverage)).toEqual({head: '24/30 sessions (80%)', tail: '2 stale · 1 failed · 4 without a facet'});
		expect(providerText({provider: 'heuristic', model: 'rules', heuristic: true, facets: 10, current: 10, inputTokens: 0, outputTokens: 0, costUsd: 0}))
			.toBe('heuristic rules 10');
		expect(providerText({provider: 'openai', model: 'gpt-4o-mini', heuristic: false, facets: 14, current: 14, inputTokens: 1, outputTokens: 1, costUsd: 0.0123}))
			.toBe('openai/gpt-4o-mini 14 ($0.01)');
		const running = {...IDLE_PROGRESS, state: 'running' as const, provider: 'openai', model: 'gpt-4o-mini', total: 40, done: 12, inFlight: 4, failed: 1};
		expect(workerText(running)).toBe('extracting with openai/gpt-4o-mini: 12/40 done · 4 in flight · 1 failed');
		expect(workerText({...IDLE_PROGRESS, state: 'off'})).toContain('--no-insights');
		expect(workerText({...IDLE_PROGRESS, state: 'error', error: 'invalid API key'})).toBe('stopped: invalid API key');
	});
});
