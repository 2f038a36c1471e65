// Everything the Sessions screen shows from the index, for its current state. The visible rows and the
// count are read inside the frame (small, indexed or block-cached); the KPI figures and the sparkline
// scan every selected session, so they follow one frame later and are skipped while keys keep coming.
import {useMemo} from 'react';
import type {Filters, SessionSummary} from '../../core/types.js';
import {DEFAULT_FILTERS} from '../../core/types.js';
import {filtersKey, queryFilters} from '../../core/screens/sessions-filters.js';
import type {SessionsState} from '../../core/screens/sessions-reducer.js';
import {columnNeeds, type ColumnNeeds, type RowNest} from '../../core/screens/session-columns.js';
import type {DayCost} from '../../core/screens/kpi.js';
import type {OverviewData, SessionsService} from '../services/types.js';
import {useSessionCount} from './use-session-page.js';
import {useNestedRows} from './use-nested-rows.js';
import {useDeferredQuery} from './use-deferred-query.js';

/** How long typing in the search must pause before the KPI figures and the sparkline follow. */
export const SEARCH_FIGURES_DELAY_MS = 400;

export interface SessionsData {
	filters: Filters;
	rows: SessionSummary[];
	/** Each row's place among parents and subagents. */
	nest: RowNest[];
	/** Top-level sessions the filters select. */
	count: number;
	/** Rows of the list: those sessions and the subagents of the parents opened. */
	total: number;
	/** All sessions of the sources in use. */
	grandTotal: number;
	overview: OverviewData;
	daily: DayCost[];
	/** How wide the table's columns need to be for the filtered sessions. */
	needs: ColumnNeeds;
	/** The KPI figures are still those of the previous filters. */
	pending: boolean;
}

export function useSessionsData(sessions: SessionsService, state: SessionsState): SessionsData {
	// Subagents open under their parent; the list, its count and its KPIs are of top-level sessions.
	const filters = useMemo(() => ({...queryFilters(state, state.now), topLevel: true}), [state.filters, state.period, state.custom, state.now]);
	const count = useSessionCount(sessions, filters, state.version);
	const nested = useNestedRows(sessions, filters, state.version, count, state.list.offset, state.list.height, state.expanded);
	const grandTotal = useMemo(() => sessions.count({...DEFAULT_FILTERS, topLevel: true}), [sessions, state.version]);
	const key = `${filtersKey(filters, false)}|${state.version}|${state.now}`;
	// While a search is typed the figures wait for a longer pause: each run scans every selected session,
	// and one started between two keys delays the second key's frame.
	const figures = useDeferredQuery(key, () => ({overview: sessions.overview(filters, state.now), daily: sessions.dailyCost(filters, state.now)}),
		state.mode === 'search' ? SEARCH_FIGURES_DELAY_MS : undefined);
	// In the frame, not after it (widths that settled a frame later would make the table jump), and keyed
	// without the sort, which does not change them: a sort change never pays for this scan.
	const widthsKey = `${filtersKey(filters, false)}|${state.version}`;
	// eslint-disable-next-line react-hooks/exhaustive-deps
	const needs = useMemo(() => columnNeeds(sessions.columnMaxima(filters)), [sessions, widthsKey]);
	return {filters, rows: nested.rows, nest: nested.nest, count, total: nested.total, grandTotal, overview: figures.value.overview, daily: figures.value.daily, needs, pending: figures.pending};
}
