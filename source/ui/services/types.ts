// What the screens may ask of the world: queries over the index, the sync and facet progress stores, the
// clock and zone. Screens reach it only through ServicesContext; tests put their own in its place.
import type {Filters, ModelUsage, SessionSummary, Warning} from '../../core/types.js';
import type {OverviewTotals, PeriodComparison} from '../../core/overview.js';
import type {DayCost} from '../../core/screens/kpi.js';
import type {PickerColumn, PickerOption} from '../../core/screens/sessions-reducer.js';
import type {InsightsAggregate} from '../../core/facet-aggregate.js';
import type {FacetProgress} from '../../core/facet-status.js';

/** A value that changes in the background, read with useSyncExternalStore. */
export interface ExternalStore<T> {
	subscribe(listener: () => void): () => void;
	getSnapshot(): T;
}

export interface SyncSnapshot {
	syncing: boolean;
	/** "412 / 990 rows" while a sync runs. */
	progress: string | null;
	/** When the last sync finished (epoch ms), null before the first. */
	lastSyncMs: number | null;
	/** Bumped whenever a sync wrote something: queries re-run and the list follows the selected session. */
	version: number;
	/** Rows skipped and other problems of the last sync. */
	warnings: Warning[];
	/** Sources that could not be read at all in the last sync. */
	errors: string[];
}

export interface OverviewData {
	totals: OverviewTotals;
	comparison: PeriodComparison | null;
}

export interface SessionDetailView {
	summary: SessionSummary;
	tools: Array<{tool: string; calls: number; errors: number}>;
	models: ModelUsage[];
}

export interface SessionsService {
	count(f: Filters): number;
	/** `limit` sessions from `offset` in the filters' order. */
	page(f: Filters, offset: number, limit: number): SessionSummary[];
	/** Where a session sits in that order; null when the filters leave it out. */
	indexOf(f: Filters, id: string): number | null;
	overview(f: Filters, now: number): OverviewData;
	dailyCost(f: Filters, now: number): DayCost[];
	/** The values a picker offers, most used first. */
	distinct(column: PickerColumn, f: Filters): PickerOption[];
	detail(id: string): SessionDetailView | null;
}

export interface InsightsService {
	/** Distributions, coverage, recent summaries, providers and failures of the sessions these filters select. */
	aggregate(f: Filters): InsightsAggregate;
	/** The facet worker's progress (state, in flight, tokens, cost); idle until the worker has started. */
	progress: ExternalStore<FacetProgress>;
}

export interface ExplorerServices {
	sessions: SessionsService;
	insights: InsightsService;
	sync: ExternalStore<SyncSnapshot>;
	/** The facet worker's status-bar text ("insights 12/40"), null when it has nothing to say. */
	facets: ExternalStore<string | null>;
	timeZone: string;
	now(): number;
	/** Short names of the sources in use, e.g. "tapes ~/.tapes/tapes.db". */
	sources: string[];
	pricing: {source: string; verified: string};
	/** Things to tell the user once, e.g. that the demo was seeded. */
	notices: string[];
}

export const IDLE_SYNC: SyncSnapshot = {syncing: false, progress: null, lastSyncMs: null, version: 0, warnings: [], errors: []};

/** A store that never changes: the facet slot before the facet worker exists, and tests. */
export function constantStore<T>(value: T): ExternalStore<T> {
	return {subscribe: () => () => {}, getSnapshot: () => value};
}
