// The Insights screen's figures for its filters and period. They are re-read when a sync changed the
// index and, while the facet worker writes, at most twice a second (a heuristic pass writes hundreds of
// facets a second; the screen need not redraw for each).
import {useEffect, useMemo, useRef, useState, useSyncExternalStore} from 'react';
import type {SyncSnapshot} from '../services/types.js';
import type {PeriodChoice} from '../../core/screens/sessions-filters.js';
import type {Filters} from '../../core/types.js';
import type {InsightsAggregate} from '../../core/facet-aggregate.js';
import type {FacetProgress} from '../../core/facet-status.js';
import {filtersKey, queryFilters, type FilterState} from '../../core/screens/sessions-filters.js';
import type {ExplorerServices} from '../services/types.js';
import {useDeferredQuery} from './use-deferred-query.js';

/** The value, updated at most once per `ms` (the latest value always arrives). */
export function useThrottled<T>(value: T, ms: number): T {
	const [shown, setShown] = useState(value);
	const last = useRef(0);
	useEffect(() => {
		if (Object.is(value, shown)) return;
		const timer = setTimeout(() => {
			last.current = Date.now();
			setShown(value);
		}, Math.max(0, last.current + ms - Date.now()));
		return () => clearTimeout(timer);
	}, [value, shown, ms]);
	return shown;
}

export interface InsightsData {
	filters: Filters;
	aggregate: InsightsAggregate;
	progress: FacetProgress;
}

/** `allSummaries`: every summary in the selection (Insights `e`), not only the newest ten. */
export function useInsightsData(services: ExplorerServices, state: FilterState, version: number, allSummaries = false): InsightsData {
	const progress = useSyncExternalStore(services.insights.progress.subscribe, services.insights.progress.getSnapshot);
	const written = useThrottled(progress.extracted + progress.failed, 500);
	// The clock the list handed over (or the moment a period was chosen here); a sync moves it (useSlidingClock).
	const now = useMemo(() => state.now ?? services.now(), [services, state.now]);
	const filters = useMemo(() => queryFilters(state, now), [state.filters, state.period, state.custom, now]);
	const key = `${filtersKey(filters, false)}|${version}|${written}|${allSummaries}`;
	const {value} = useDeferredQuery(key, () => services.insights.aggregate(filters, allSummaries), 30);
	return {filters, aggregate: value, progress};
}

/** After each sync, a sliding period ("24h") is measured from the new clock, as the list does. */
export function useSlidingClock(sync: SyncSnapshot, period: PeriodChoice, now: () => number, onClock: (now: number) => void): void {
	const first = useRef(true);
	useEffect(() => {
		if (first.current) {
			first.current = false;
			return;
		}
		if (period !== 'all' && period !== 'custom') onClock(now());
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [sync.version, sync.lastSyncMs]);
}
