// An in-memory index with sessions, and facet records to store against them.
import {openIndex} from '../../source/store/open-index.js';
import {createIndexStore, type IndexStore} from '../../source/store/index-store.js';
import type {SessionSummary} from '../../source/core/types.js';
import type {FacetRecord} from '../../source/store/facets-repo.js';
import {FACET_PROMPT_VERSION, HEURISTIC_VERSION} from '../../source/core/facet-prompt.js';

export const HOUR = 3_600_000;

export function memoryStore(): IndexStore {
	const opened = openIndex(':memory:');
	if (!opened.ok) throw new Error(opened.error);
	return createIndexStore(opened.db);
}

export function addSession(store: IndexStore, over: Partial<SessionSummary> & {id: string}, sourceId = 1): SessionSummary {
	const s: SessionSummary = {
		source: 'tapes', label: over.id, project: 'p', agent: '', model: 'gpt-4o', models: ['gpt-4o'], provider: 'openai',
		status: 'completed', startMs: 0, endMs: HOUR / 2, durationMs: HOUR / 2, messageCount: 4, toolCalls: 0, toolErrors: 0,
		inputTokens: 100, outputTokens: 50, cacheReadTokens: 0, cacheWriteTokens: 0, totalTokens: 150, inputCost: 0.1,
		outputCost: 0.05, totalCost: 0.15, costSource: 'computed', unpricedTokens: 0, parentId: null, subSessionCount: 0,
		...over,
	};
	store.sessions.write({summary: s, sourceId, leafId: s.id, modelUsage: [], tools: []}, 0);
	return s;
}

export function facetRecord(sessionId: string, over: Partial<FacetRecord> = {}, facet: Partial<FacetRecord['facet']> = {}): FacetRecord {
	const heuristic = over.provider === 'heuristic';
	return {
		sessionId, provider: 'openai', model: 'gpt-4o-mini', promptVersion: heuristic ? HEURISTIC_VERSION : FACET_PROMPT_VERSION,
		messagesSeen: 4, inputTokens: 1000, outputTokens: 100, costUsd: 0.0002, attempts: 1, retries: 0, durationMs: 800,
		extractedMs: 1_000,
		...over,
		facet: {
			underlyingGoal: `goal of ${sessionId}`, goalCategory: 'fix_bug', outcome: 'fully_achieved', sessionType: 'single_task',
			frictionTypes: [], frictionDetail: '', briefSummary: `summary of ${sessionId}`, ...facet,
		},
	};
}
