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

export {insightsAggregate, sessionFacet} from './facet-lookup.js';
