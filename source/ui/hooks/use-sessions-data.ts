// Everything the Sessions screen shows from the index, for its current state. The visible rows and the
// count are read inside the frame (small, indexed or block-cached); the KPI figures and the sparkline
// scan every selected session, so they follow one frame later and are skipped while keys keep coming.
import {useMemo} from 'react';
import type {Filters, SessionSummary} from '../../core/types.js';
import {DEFAULT_FILTERS} from '../../core/types.js';
import {filtersKey, queryFilters} from '../../core/screens/sessions-filters.js';
import type {SessionsState} from '../../core/screens/sessions-reducer.js';
import type {DayCost} from '../../core/screens/kpi.js';
import type {OverviewData, SessionsService} from '../services/types.js';
import {useSessionCount, useSessionPage} from './use-session-page.js';
import {useDeferredQuery} from './use-deferred-query.js';

/** How long typing in the search must pause before the KPI figures and the sparkline follow. */
export const SEARCH_FIGURES_DELAY_MS = 400;

export interface SessionsData {
	filters: Filters;
	rows: SessionSummary[];
	/** Sessions the filters select. */
	count: number;
	/** All sessions of the sources in use. */
	grandTotal: number;
	overview: OverviewData;
	daily: DayCost[];
	/** The KPI figures are still those of the previous filters. */
	pending: boolean;
}

export function useSessionsData(sessions: SessionsService, state: SessionsState): SessionsData {
	const filters = useMemo(() => queryFilters(state, state.now), [state.filters, state.period, state.custom, state.now]);
	const rows = useSessionPage(sessions, filters, state.version, state.list.offset, state.list.height);
	const count = useSessionCount(sessions, filters, state.version);
	const grandTotal = useMemo(() => sessions.count(DEFAULT_FILTERS), [sessions, state.version]);
	const key = `${filtersKey(filters, false)}|${state.version}|${state.now}`;
	// While a search is typed the figures wait for a longer pause: each run scans every selected session,
	// and one started between two keys delays the second key's frame.
	const figures = useDeferredQuery(key, () => ({overview: sessions.overview(filters, state.now), daily: sessions.dailyCost(filters, state.now)}),
		state.mode === 'search' ? SEARCH_FIGURES_DELAY_MS : undefined);
	return {filters, rows, count, grandTotal, overview: figures.value.overview, daily: figures.value.daily, pending: figures.pending};
}
