// The facets API the UI and the CLI use. Everything else in this folder is an implementation detail.
//
//   const config = resolveInsightsConfig(flags, {env, home, cwd});        // cli.tsx, once
//   const insights = await startInsights(ws, config.value);               // background worker + progress store
//   useSyncExternalStore(insights.progress.subscribe, insights.progress.getSnapshot)
//   insights.status                                                       // ExternalStore<string | null> for the status bar
//   facetStatusText(snapshot, frame)                                      // "insights 12/40 ⣾ 1 failed · openai/gpt-4o-mini"
//   insights.worker?.rescan()                                             // after each live sync
//   await insights.worker?.stop()                                         // before closing the workspace
//   insightsAggregate(ws, filters)                                        // the Insights screen's figures
//   sessionFacet(ws, sessionId)                                           // the timeline header's facet
import type {Filters} from '../core/types.js';
import type {InsightsAggregate} from '../core/facet-aggregate.js';
import {createFacetQueries, type FacetQueries} from '../store/facets-queries.js';
import {createFacetsRepo, type FacetRecord, type FacetsRepo} from '../store/facets-repo.js';
import {FACET_PROMPT_VERSION, HEURISTIC_VERSION} from '../core/facet-prompt.js';
import type {Workspace} from '../workspace/open-workspace.js';

export {resolveInsightsConfig, DEFAULT_MODELS, DEFAULT_BASE_URLS, PROVIDERS} from './insights-config.js';
export type {InsightsConfig, InsightsFlags} from './insights-config.js';
export {startInsights, startFacetWorker, type Insights} from './start-worker.js';
export {createFacetWorker, type FacetWorker, type FacetRunSummary} from './worker.js';
export {createFacetProgressStore, createStatusTextStore, type FacetProgressStore, type TextStore} from './progress-store.js';
export {createExtractor} from './create-extractor.js';
export {runFacetsCommand} from './facets-command.js';
export {facetStatusText, facetProgressBar, providerLabel, SPINNER_FRAMES, type FacetProgress, type FacetRunState} from '../core/facet-status.js';
export type {InsightsAggregate, DistributionEntry, RecentSummary, Coverage, ProviderShare, FailureEntry} from '../core/facet-aggregate.js';
export {
	GOAL_LABELS, OUTCOME_LABELS, SESSION_TYPE_LABELS, FRICTION_LABELS, type SessionFacet,
} from '../core/facet-vocabulary.js';
export type {FacetRecord} from '../store/facets-repo.js';

// Statements are prepared once per workspace, not once per screen refresh.
const prepared = new WeakMap<Workspace, {queries: FacetQueries; repo: FacetsRepo}>();
function forWorkspace(ws: Workspace) {
	let p = prepared.get(ws);
	if (!p) {
		p = {queries: createFacetQueries(ws.store.db, ws.sources.map((s) => s.id)), repo: createFacetsRepo(ws.store.db)};
		prepared.set(ws, p);
	}
	return p;
}

/** The Insights figures for the sessions these filters select, in the workspace's sources. */
export function insightsAggregate(ws: Workspace, filters: Filters): InsightsAggregate {
	return forWorkspace(ws).queries.aggregate(filters);
}

/** A session's facet with whether it is current, or null when it has none. */
export function sessionFacet(ws: Workspace, sessionId: string): (FacetRecord & {current: boolean; heuristic: boolean}) | null {
	const record = forWorkspace(ws).repo.get(sessionId);
	if (!record) return null;
	const session = ws.store.sessions.get(sessionId);
	const version = record.provider === 'heuristic' ? HEURISTIC_VERSION : FACET_PROMPT_VERSION;
	const current = session !== undefined && session.messageCount === record.messagesSeen && record.promptVersion === version;
	return {...record, current, heuristic: record.provider === 'heuristic'};
}
