// Period chips from the command line, windows at a time, and the memo key of a query.
import {describe, expect, it} from 'vitest';
import {filtersKey, hasFilters, initialFilterState, initialPeriod, periodWindow, queryFilters} from '../../../source/core/screens/sessions-filters.js';
import {DEFAULT_FILTERS} from '../../../source/core/types.js';

describe('sessions filters', () => {
	it('lights the period chip the command line asked for', () => {
		expect(initialPeriod({})).toBe('all');
		expect(initialPeriod({since: '7d'})).toBe('7d');
		expect(initialPeriod({since: '168h'})).toBe('7d');
		expect(initialPeriod({since: '2d'})).toBe('custom');
		expect(initialPeriod({since: 'all'})).toBe('all');
		expect(initialPeriod({from: '2026-01-01'})).toBe('custom');
	});

	it('computes the window of a period at a time; custom keeps the command line window', () => {
		const now = 10 * 86_400_000;
		expect(periodWindow({period: '24h', custom: {fromMs: null, toMs: null}}, now)).toEqual({fromMs: now - 86_400_000, toMs: null});
		expect(periodWindow({period: 'all', custom: {fromMs: 1, toMs: 2}}, now)).toEqual({fromMs: null, toMs: null});
		const state = initialFilterState({...DEFAULT_FILTERS, fromMs: 5, toMs: 9, status: 'failed'}, 'custom');
		expect(queryFilters(state, now)).toMatchObject({fromMs: 5, toMs: 9, status: 'failed'});
		expect(hasFilters(state)).toBe(true);
		expect(hasFilters(initialFilterState(DEFAULT_FILTERS, 'all'))).toBe(false);
	});

	it('keys queries by what selects rows; the sort only when asked', () => {
		const a = {...DEFAULT_FILTERS, sort: 'cost' as const};
		const b = {...DEFAULT_FILTERS, sort: 'date' as const};
		expect(filtersKey(a)).not.toBe(filtersKey(b));
		expect(filtersKey(a, false)).toBe(filtersKey(b, false));
	});
});
