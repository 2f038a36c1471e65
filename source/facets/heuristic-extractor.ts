// The heuristic behind the same interface as the LLMs: no network, no tokens, no cost, one attempt.
import {HEURISTIC_VERSION} from '../core/facet-prompt.js';
import {heuristicFacet} from '../core/facet-heuristic.js';
import type {FacetSessionInput} from '../core/facet-transcript.js';
import {HEURISTIC_MODEL} from './insights-config.js';
import {abortError, type ExtractionResult, type FacetExtractor} from './extractor.js';

export function createHeuristicExtractor(now: () => number = Date.now): FacetExtractor {
	return {
		provider: 'heuristic',
		model: HEURISTIC_MODEL,
		promptVersion: HEURISTIC_VERSION,
		heuristic: true,
		async extract(input: FacetSessionInput, signal: AbortSignal): Promise<ExtractionResult> {
			if (signal.aborted) throw abortError();
			const started = now();
			const facet = heuristicFacet(input);
			return {
				ok: true, facet, attempts: 1, retries: 0, durationMs: now() - started, messagesSeen: input.messages.length,
				usage: {inputTokens: 0, outputTokens: 0, costUsd: 0},
			};
		},
	};
}
