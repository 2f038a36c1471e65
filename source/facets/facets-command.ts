// `tapedeck facets [filters]`: extract facets for the filtered sessions now, reporting progress
// through a callback (the CLI draws it on stderr when that is a terminal) and returning a summary.
import type {Filters} from '../core/types.js';
import {facetProgressBar, providerLabel} from '../core/facet-status.js';
import {formatCost, formatTokens} from '../core/format.js';
import {sanitizeLine} from '../core/sanitize.js';
import {toJson} from '../report/json.js';
import {truncate} from '../core/labels.js';
import type {Workspace} from '../workspace/open-workspace.js';
import type {InsightsConfig} from './insights-config.js';
import {createExtractor, type ExtractorOptions} from './create-extractor.js';
import {startFacetWorker} from './start-worker.js';
import type {FacetRunSummary} from './worker.js';

export interface FacetsCommandOptions {
	ws: Workspace;
	filters: Filters;
	config: InsightsConfig;
	format: 'table' | 'json';
	/** Receives a one-line progress bar as work proceeds (coalesced); omit for no progress. */
	onProgress?: (line: string) => void;
	signal?: AbortSignal;
	extractor?: Partial<ExtractorOptions>;
}

export interface FacetsCommandResult {
	output: string;
	/** The run stopped as a whole (a rejected key, an unknown model); the summary is still worth printing. */
	error: string | null;
}

function summaryJson(s: FacetRunSummary, provider: string, model: string) {
	return {
		provider, model, heuristic: provider === 'heuristic', sessions: s.total, already_current: s.alreadyCurrent,
		extracted: s.extracted, failed: s.failed.map((f) => ({session_id: f.sessionId, reason: f.reason})),
		input_tokens: s.inputTokens, output_tokens: s.outputTokens, cost_usd: s.costUsd, stopped: s.stopped, error: s.error,
	};
}

function summaryText(s: FacetRunSummary, provider: string, model: string): string {
	const lines = [
		`insights: ${provider === 'heuristic' ? 'heuristic (rules from the session data, no LLM)' : providerLabel(provider, model)}`,
		`  sessions in filter  ${s.total}`,
		`  already current     ${s.alreadyCurrent}`,
		`  extracted           ${s.extracted}`,
		`  failed              ${s.failed.length}`,
	];
	if (provider !== 'heuristic') {
		lines.push(`  tokens              ${formatTokens(s.inputTokens)} in / ${formatTokens(s.outputTokens)} out`);
		lines.push(`  cost                ${s.costUsd === null ? 'unpriced' : formatCost(s.costUsd)}`);
	}
	if (s.stopped) lines.push('  stopped before the end; run it again to finish the rest');
	for (const f of s.failed.slice(0, 20)) lines.push(`  failed ${sanitizeLine(f.sessionId).slice(0, 12)}: ${truncate(sanitizeLine(f.reason), 140)}`);
	if (s.failed.length > 20) lines.push(`  … and ${s.failed.length - 20} more (tapedeck insights lists them)`);
	return lines.join('\n') + '\n';
}

export async function runFacetsCommand(opts: FacetsCommandOptions): Promise<FacetsCommandResult> {
	if (opts.config.mode === 'off') return {output: '', error: 'insights are off (--no-insights); nothing to extract'};
	const extractor = await createExtractor(opts.config, {pricing: opts.ws.pricing, ...opts.extractor});
	if (!extractor) return {output: '', error: 'insights are off'};
	const worker = startFacetWorker(opts.ws, {extractor, concurrency: opts.config.concurrency, filters: opts.filters});
	const unsubscribe = opts.onProgress
		? worker.progress.subscribe(() => opts.onProgress?.(facetProgressBar(worker.progress.getSnapshot())))
		: () => {};
	const onAbort = () => void worker.stop();
	opts.signal?.addEventListener('abort', onAbort, {once: true});
	try {
		const summary = await worker.run();
		const output = opts.format === 'json'
			? toJson(summaryJson(summary, extractor.provider, extractor.model), 2) + '\n'
			: summaryText(summary, extractor.provider, extractor.model);
		return {output, error: summary.error};
	} finally {
		opts.signal?.removeEventListener('abort', onAbort);
		unsubscribe();
	}
}
