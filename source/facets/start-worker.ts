// Wiring a facet worker to a workspace: its index, the sources in use this run, and the same loader
// the timeline uses. `startInsights` is what the explorer calls: it builds the extractor the config
// asks for and starts the worker in the background; rescan() after each sync, stop() before quitting.
import {DEFAULT_FILTERS, type Filters} from '../core/types.js';
import {createFacetQueries} from '../store/facets-queries.js';
import {createFacetsRepo} from '../store/facets-repo.js';
import type {Workspace} from '../workspace/open-workspace.js';
import type {FacetExtractor} from './extractor.js';
import type {InsightsConfig} from './insights-config.js';
import {createExtractor, type ExtractorOptions} from './create-extractor.js';
import {createFacetProgressStore, createStatusTextStore, type FacetProgressStore, type TextStore} from './progress-store.js';
import {loadFacetInput} from './session-input.js';
import {createFacetWorker, type FacetWorker} from './worker.js';

export interface WorkerOptions {
	extractor: FacetExtractor;
	concurrency: number;
	/** Default: every session in the workspace's sources. */
	filters?: Filters;
	progress?: FacetProgressStore;
}

/** A worker over the workspace's index; call run() to start it. */
export function startFacetWorker(ws: Workspace, opts: WorkerOptions): FacetWorker {
	const db = ws.store.db;
	return createFacetWorker({
		queries: createFacetQueries(db, ws.sources.map((s) => s.id)),
		repo: createFacetsRepo(db),
		filters: opts.filters ?? DEFAULT_FILTERS,
		loadInput: (id) => loadFacetInput(ws, id),
		extractor: opts.extractor,
		concurrency: opts.concurrency,
		progress: opts.progress,
	});
}

export interface Insights {
	/** For useSyncExternalStore and the status bar; state 'off' when insights are off. */
	progress: FacetProgressStore;
	/** The status bar's text ("insights 12/40 ⣾ · openai/gpt-4o-mini") with a spinning spinner. */
	status: TextStore;
	/** null when insights are off. */
	worker: FacetWorker | null;
}

/**
 * Starts background extraction for the explorer. Never throws and never writes to the terminal:
 * a problem (say, a provider SDK that fails to load) ends up in the progress store as an error.
 */
export async function startInsights(ws: Workspace, config: InsightsConfig, opts: Partial<ExtractorOptions> = {}): Promise<Insights> {
	const progress = createFacetProgressStore();
	const status = createStatusTextStore(progress);
	if (config.mode === 'off') {
		progress.update({state: 'off'});
		progress.flush();
		return {progress, status, worker: null};
	}
	try {
		const extractor = await createExtractor(config, {pricing: ws.pricing, ...opts});
		if (!extractor) return {progress, status, worker: null};
		const worker = startFacetWorker(ws, {extractor, concurrency: config.concurrency, progress});
		worker.run().catch((error: unknown) => progress.update({state: 'error', error: String((error as Error)?.message ?? error)}));
		return {progress, status, worker};
	} catch (error) {
		progress.update({state: 'error', error: (error as Error).message});
		progress.flush();
		return {progress, status, worker: null};
	}
}
