// The Sessions screen's filter choices: period, status, sort, and the Filters they become for a query.
import {DEFAULT_FILTERS, SORT_KEYS, STATUSES, type Filters, type SortDir, type SortKey, type Status} from '../types.js';
import {PERIODS, parseSince, periodSince, type Period, type Window} from '../time.js';

/** A preset period, or the window the command line gave with --from/--to or an unusual --since. */
export type PeriodChoice = Period | 'custom';

/** Filters without their window: the window follows the period and the clock. */
export type ListFilters = Omit<Filters, 'fromMs' | 'toMs'>;

export interface FilterState {
	filters: ListFilters;
	period: PeriodChoice;
	/** The command line's window when period is 'custom'. */
	custom: Window;
}

/** Maps the command line to a period chip: `--since 7d` lights 7d; other windows are 'custom'. */
export function initialPeriod(flags: {since?: string; from?: string; to?: string}): PeriodChoice {
	if (flags.from || flags.to) return 'custom';
	if (flags.since === undefined) return 'all';
	const since = parseSince(flags.since);
	if (!since.ok || since.value === null) return 'all';
	return PERIODS.find((p) => periodSince(p) === since.value) ?? 'custom';
}

/** The filter part of a screen's state, as it travels from one screen to another. */
export function filterStateOf(s: FilterState): FilterState {
	return {filters: s.filters, period: s.period, custom: s.custom};
}

export function initialFilterState(filters: Filters, period: PeriodChoice): FilterState {
	const {fromMs, toMs, ...rest} = filters;
	return {filters: rest, period, custom: {fromMs, toMs}};
}

/** The window a period means at `now`. */
export function periodWindow(state: Pick<FilterState, 'period' | 'custom'>, now: number): Window {
	if (state.period === 'custom') return state.custom;
	const length = periodSince(state.period);
	return length === null ? {fromMs: null, toMs: null} : {fromMs: now - length, toMs: null};
}

export function queryFilters(state: FilterState, now: number): Filters {
	return {...state.filters, ...periodWindow(state, now)};
}

export function nextPeriod(period: PeriodChoice): Period {
	const i = PERIODS.indexOf(period as Period);
	return PERIODS[(i + 1) % PERIODS.length]!;
}

const STATUS_CYCLE: ReadonlyArray<Status | ''> = ['', ...STATUSES];

export function nextStatus(status: Status | ''): Status | '' {
	return STATUS_CYCLE[(STATUS_CYCLE.indexOf(status) + 1) % STATUS_CYCLE.length]!;
}

const TEXT_KEYS: ReadonlySet<SortKey> = new Set(['label', 'project', 'agent', 'model', 'status']);

/** Text columns start A→Z; numbers and dates start with the largest or newest. */
export function defaultDir(key: SortKey): SortDir {
	return TEXT_KEYS.has(key) ? 'asc' : 'desc';
}

/** The next (or previous) column in the table's order, wrapping around, with its natural direction. */
export function stepSort(filters: ListFilters, step: 1 | -1): ListFilters {
	const i = SORT_KEYS.indexOf(filters.sort);
	const sort = SORT_KEYS[(i + step + SORT_KEYS.length) % SORT_KEYS.length]!;
	return {...filters, sort, sortDir: defaultDir(sort)};
}

export function reverseSort(filters: ListFilters): ListFilters {
	return {...filters, sortDir: filters.sortDir === 'asc' ? 'desc' : 'asc'};
}

/** Every filter off and the whole history in view; the sort stays. */
export function clearFilters(state: FilterState): FilterState {
	const {fromMs: _f, toMs: _t, sort: _s, sortDir: _d, ...empty} = DEFAULT_FILTERS;
	const cleared = {...state.filters, ...empty};
	const same = state.period === 'all' && (Object.keys(empty) as Array<keyof typeof empty>).every((k) => state.filters[k] === cleared[k]);
	return same ? state : {filters: cleared, period: 'all', custom: state.custom};
}

/** Whether anything narrows the list (for the status bar's "no filters"). */
export function hasFilters(state: FilterState): boolean {
	const f = state.filters;
	return state.period !== 'all' || Boolean(f.status || f.model || f.project || f.agent || f.source || f.search);
}

/** A key for memoizing queries: equal keys select the same rows in the same order. */
export function filtersKey(f: Filters, withSort = true): string {
	// The content matches found ahead change the list without changing the search: their size and ends tell them apart.
	const found = f.searchSessions === undefined ? null : `${f.searchSessions.length}:${f.searchSessions.slice(0, 40)}:${f.searchSessions.slice(-40)}`;
	return JSON.stringify([f.fromMs, f.toMs, f.model, f.status, f.project, f.agent, f.source, f.search, found, withSort ? f.sort : '', withSort ? f.sortDir : '']);
}
