// The explorer's services over a real workspace: the index's queries, and a sync loop over its sources.
import path from 'node:path';
import type {Workspace} from '../../workspace/open-workspace.js';
import {syncWorkspace} from '../../workspace/sync-workspace.js';
import type {SyncThread} from '../../sync/sync-thread.js';
import type {SessionMatcher} from '../../workspace/session-matches.js';
import {createExplorerQueries} from '../../store/explorer-queries.js';
import {dailyCost} from '../../core/screens/kpi.js';
import {previousWindow} from '../../core/time.js';
import {comparePeriods} from '../../core/overview.js';
import {sanitizeLine} from '../../core/sanitize.js';
import {createFacetQueries} from '../../store/facets-queries.js';
import {IDLE_PROGRESS, type FacetProgress} from '../../core/facet-status.js';
import {constantStore, type AnalyticsService, type ExplorerServices, type ExternalStore, type InsightsService, type SessionsService} from './types.js';
import {loadAnalytics} from '../../workspace/analytics-data.js';
import {inSlot, slotFilters} from '../../core/screens/analytics-slot.js';
import {createSyncLoop, type SyncLoop} from './sync-loop.js';
import {throttledStore} from './throttled-store.js';
import {createTimelineService} from './timeline-service.js';
import type {Filters, Warning} from '../../core/types.js';
import type {Window} from '../../core/time.js';
import type {OverviewTotals} from '../../core/overview.js';
import {subSessionsOf} from '../../workspace/sub-sessions.js';
import {createSessionInfo, type SessionInfoLookup} from '../../workspace/session-info.js';
import {workspaceSearch} from './search-service.js';

/** How often the facet worker's status text and progress may redraw a screen (4 times a second). */
export const FACET_REDRAW_MS = 250;

export interface WorkspaceServicesOptions {
	/** Where the Timeline's `e` writes Markdown; default `exports/` beside the index (the CLI passes `--export-dir` or its directory). */
	exportDir?: string;
	timeZone: string;
	now: () => number;
	/** Seconds between syncs; 0 syncs once at start only. */
	refreshSec: number;
	home?: string;
	/** The facet worker's progress text, when one runs. */
	facets?: ExternalStore<string | null>;
	/** The facet worker's progress, when one runs (the Insights screen's worker tab). */
	facetProgress?: ExternalStore<FacetProgress>;
	/** Shown in the status bar besides the workspace's own (e.g. why the heuristic extracts facets). */
	notices?: readonly string[];
	/** Called after every sync that changed the index. */
	onSynced?: () => void;
	/** Syncs on this thread instead of the explorer's (the built CLI; tests sync in-process). */
	syncThread?: SyncThread;
	/** Finds `/`'s matching sessions on this thread instead of the explorer's (the built CLI; tests match in-process). */
	matchThread?: SessionMatcher;
}

/** `tapes ~/…/demo/tapes.sqlite`: the kind and the last two parts of the path. */
export function sourceName(kind: string, file: string, home = ''): string {
	// A server is its host and database (or API root): the scheme and user add nothing in a status bar.
	const server = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^?#]*)/i.exec(file);
	if (server) return `${kind} ${server[1]!.replace(/\/$/, '')}`;
	const shown = home && file.startsWith(home + path.sep) ? `~${file.slice(home.length)}` : file;
	const parts = shown.split(path.sep);
	return `${kind} ${parts.length > 3 ? `${parts[0] === '~' ? '~/' : ''}…/${parts.slice(-2).join('/')}` : shown}`;
}

function storedWarnings(ws: Workspace): Warning[] {
	const inUse = new Set(ws.sources.map((s) => s.id));
	return ws.store.sources.list().filter((r) => inUse.has(r.id)).flatMap((r) => r.warnings);
}

/**
 * The list's KPIs: a top-level list (`topLevel`) counts its sessions and their outcomes without the
 * subagents, which open under their parent; spend, tokens, time and tool calls include the subagents'.
 */
function listTotals(q: Workspace['queries'], f: Filters, window?: Window): OverviewTotals {
	const all = q.totals({...f, topLevel: false}, window);
	if (!f.topLevel) return all;
	const top = q.totals(f, window);
	const {sessions, completed, failed, abandoned, unknown, successRate} = top;
	return {...all, sessions, completed, failed, abandoned, unknown, successRate};
}

/** Queries over an index; needs only its repositories and the sources in use (benchmarks build these alone). */
export function workspaceSessions(ws: Pick<Workspace, 'queries' | 'store' | 'sources'>, timeZone: string): SessionsService {
	const q = ws.queries;
	const extra = createExplorerQueries(ws.store.db, ws.sources.map((s) => s.id));
	let info: SessionInfoLookup | null = null;
	return {
		count: (f) => q.count(f),
		page: (f, offset, limit) => q.list(f, offset, limit),
		indexOf: (f, id) => extra.indexOf(f, id),
		overview(f, now) {
			const totals = listTotals(q, f);
			const prev = previousWindow(f, now);
			return {totals, comparison: prev ? comparePeriods(totals, listTotals(q, f, prev)) : null};
		},
		children: (id) => subSessionsOf(ws as Workspace, id),
		cwdOf: (id) => (info ??= createSessionInfo(ws.store.db))([id]).get(id)?.cwd ?? '',
		subagentCosts(ids) {
			const out = new Map<string, {sessions: number; cost: number | null}>();
			for (const [id, row] of (info ??= createSessionInfo(ws.store.db))(ids)) {
				if (row.subagents) out.set(id, {sessions: row.subagents.sessions, cost: row.subagents.totalCost});
			}
			return out;
		},
		// Money spent counts every session, subagents included (as the spend KPI does).
		dailyCost: (f, now) => dailyCost(extra.costBuckets({...f, topLevel: false}), f, now, timeZone),
		columnMaxima: (f) => q.columnMaxima(f),
		distinct: (column, f) => q.distinct(column, f).map((d) => ({value: d.value, sessions: d.sessions})),
	};
}

/** The Insights figures over an index; statements are prepared once, on first use. */
export function workspaceInsights(ws: Pick<Workspace, 'store' | 'sources'>, progress?: ExternalStore<FacetProgress>): InsightsService {
	let queries: ReturnType<typeof createFacetQueries> | null = null;
	return {
		aggregate: (f, allSummaries) => (queries ??= createFacetQueries(ws.store.db, ws.sources.map((s) => s.id))).aggregate(f, allSummaries),
		progress: progress ?? constantStore(IDLE_PROGRESS),
	};
}

/** The Analytics screen's model and drill-downs: the report's own loader, so the screen and `analytics --json` agree. */
export function workspaceAnalytics(ws: Pick<Workspace, 'queries' | 'pricing'>, timeZone: string): AnalyticsService {
	return {
		model: (f, now) => loadAnalytics(ws.queries, ws.pricing, f, now, timeZone),
		sessions: (f, slot) => ws.queries.list(slotFilters(f, slot, timeZone)).filter(inSlot(slot, timeZone)),
	};
}

export function createWorkspaceServices(ws: Workspace, opts: WorkspaceServicesOptions): {services: ExplorerServices; loop: SyncLoop} {
	const loop = createSyncLoop({
		refreshMs: opts.refreshSec * 1000,
		now: opts.now,
		run: async (onProgress, signal) => {
			const synced = opts.syncThread
				? await opts.syncThread.sync(onProgress, signal)
				: await syncWorkspace(ws, (p) => onProgress(p.read, p.total, p.unit ?? 'rows'), signal, opts.now);
			const changed = synced.summaries.some((s) => s.newMessages > 0 || s.sessionsTouched > 0);
			if (changed) opts.onSynced?.();
			return {
				changed,
				// What the sources hold now, not only this run's finds: a warning stays in the status bar while
				// its rows are there, instead of leaving with the next sync that read nothing new.
				warnings: storedWarnings(ws),
				errors: synced.errors.map(sanitizeLine),
			};
		},
	});
	const services: ExplorerServices = {
		sessions: workspaceSessions(ws, opts.timeZone),
		search: workspaceSearch(ws, opts.matchThread),
		timeline: createTimelineService(ws, {timeZone: opts.timeZone, exportDir: path.resolve(opts.exportDir ?? path.join(path.dirname(ws.indexPath), 'exports')),
			viewDir: path.join(path.dirname(ws.indexPath), 'exports')}),
		analytics: workspaceAnalytics(ws, opts.timeZone),
		insights: workspaceInsights(ws, opts.facetProgress && throttledStore(opts.facetProgress, FACET_REDRAW_MS)),
		sync: loop.store,
		facets: opts.facets ? throttledStore(opts.facets, FACET_REDRAW_MS) : constantStore<string | null>(null),
		timeZone: opts.timeZone,
		now: opts.now,
		sources: ws.sources.map((s) => sourceName(s.kind, s.path, opts.home)),
		pricing: {source: ws.pricing.source, verified: ws.pricing.verified},
		notices: [...ws.notices, ...(opts.notices ?? [])].map(sanitizeLine),
		indexPath: ws.indexPath,
	};
	return {services, loop};
}
