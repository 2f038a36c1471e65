// Backoff schedule, retry-after parsing, and the status texts the status bar and progress bar show.
import {describe, expect, it} from 'vitest';
import {DEFAULT_BACKOFF, backoffDelay, parseRetryAfter} from '../../source/core/backoff.js';
import {IDLE_PROGRESS, facetProgressBar, facetStatusText, type FacetProgress} from '../../source/core/facet-status.js';

describe('backoffDelay', () => {
	const opts = {baseMs: 100, maxMs: 1000, maxRetryAfterMs: 5000, retries: 4};
	it('doubles per retry, with half of it jittered, up to the ceiling', () => {
		expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, opts, () => 0))).toEqual([50, 100, 200, 400, 500, 500]);
		expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, opts, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000]);
	});
	it('never collapses to zero, whatever the random draw', () => {
		for (let i = 0; i < 100; i++) expect(backoffDelay(0, DEFAULT_BACKOFF, Math.random)).toBeGreaterThanOrEqual(DEFAULT_BACKOFF.baseMs / 2);
	});
	it('takes the server retry-after over its own schedule, capped', () => {
		expect(backoffDelay(3, opts, () => 0.5, 2000)).toBe(2000);
		expect(backoffDelay(0, opts, () => 0.5, 60_000)).toBe(5000);
		expect(backoffDelay(0, opts, () => 0.5, 0)).toBe(0);
	});
});

describe('parseRetryAfter', () => {
	const now = Date.parse('2026-11-21T10:00:00Z');
	it.each([
		[null, '2', 2000],
		[null, '0.5', 500],
		['1500', '9', 1500],
		[null, 'Sat, 21 Nov 2026 10:00:30 GMT', 30_000],
		[null, 'Sat, 21 Nov 2026 09:00:00 GMT', 0],
		[null, 'soon', null],
		[null, null, null],
		['nope', null, null],
	])('retry-after-ms %s, retry-after %s → %s', (ms, s, expected) => {
		expect(parseRetryAfter(ms, s, now)).toBe(expected);
	});
});

describe('facetStatusText', () => {
	const p = (over: Partial<FacetProgress>): FacetProgress => ({...IDLE_PROGRESS, provider: 'openai', model: 'gpt-4o-mini', ...over});
	it('running, with the spinner, failures and the provider', () => {
		expect(facetStatusText(p({state: 'running', done: 12, total: 40, failed: 1}), 0)).toBe('insights 12/40 ⣾ 1 failed · openai/gpt-4o-mini');
		expect(facetStatusText(p({state: 'running', done: 12, total: 40}), 1)).toBe('insights 12/40 ⣽ · openai/gpt-4o-mini');
		expect(facetStatusText(p({state: 'running', done: 0, total: 3, provider: 'heuristic', model: 'rules'}), 9)).toBe('insights 0/3 ⣽ · heuristic');
	});
	it('done, stopped, error, off', () => {
		expect(facetStatusText(p({state: 'done', done: 40, total: 40}))).toBe('insights 40/40 ✓');
		expect(facetStatusText(p({state: 'done', done: 40, total: 40, failed: 2}))).toBe('insights 40/40 ✓ · 2 failed');
		expect(facetStatusText(p({state: 'stopped', done: 5, total: 40}))).toBe('insights 5/40 stopped');
		expect(facetStatusText(p({state: 'error', error: 'openai rejected the API key (401)'}))).toBe('insights ✗ openai rejected the API key (401)');
		expect(facetStatusText(p({state: 'off'}))).toBe('insights off');
	});
	it('the headless progress bar', () => {
		expect(facetProgressBar(p({state: 'running', done: 10, total: 40, failed: 1}), 8)).toBe('insights [██░░░░░░] 10/40 · 1 failed · openai/gpt-4o-mini');
		expect(facetProgressBar(p({state: 'done', done: 0, total: 0, provider: 'heuristic'}), 4)).toBe('insights [████] 0/0 · heuristic');
	});
});
