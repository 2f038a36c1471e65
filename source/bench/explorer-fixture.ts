// An index of N generated sessions for the explorer benchmark, written straight into the sessions table
// (the explorer reads only per-session rows, so no messages are needed), plus the services over it.
import fs from 'node:fs';
import {defaultPricing} from '../core/pricing.js';
import {openIndex} from '../store/open-index.js';
import {createIndexStore} from '../store/index-store.js';
import {createSessionQueries} from '../store/session-queries.js';
import type {SessionSummary, Status} from '../core/types.js';
import {DAY_MS} from '../core/time.js';
import {workspaceInsights, workspaceSessions, workspaceAnalytics} from '../ui/services/workspace-services.js';
import {IDLE_SYNC, constantStore, type ExplorerServices} from '../ui/services/types.js';
import {prng} from './generate-tapes.js';

const WORDS = 'fix add refactor flaky test parser sync cursor window label model token cost cache retry branch query table reducer theme frame timeline facet worker provider'.split(' ');
const MODELS = ['claude-sonnet-4.5', 'gpt-4o', 'claude-haiku-4.5', 'gpt-5', 'mistral-large-2411'];
const STATUSES: Status[] = ['completed', 'completed', 'completed', 'failed', 'abandoned', 'unknown'];

function session(i: number, now: number, rand: () => number): SessionSummary {
	const start = now - Math.floor(rand() * 400 * DAY_MS);
	const duration = Math.floor(rand() * 3_600_000);
	const input = Math.floor(rand() * 400_000);
	const output = Math.floor(rand() * 20_000);
	const model = MODELS[i % MODELS.length]!;
	const unpriced = model.startsWith('mistral');
	const label = Array.from({length: 6}, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
	return {
		id: `s${i.toString(16).padStart(10, '0')}`, source: 'tapes', label: `${label} #${i}`, project: `project-${i % 37}`,
		agent: ['claude', 'codex', 'opencode', ''][i % 4]!, model, models: [model], provider: model.startsWith('gpt') ? 'openai' : 'anthropic',
		status: STATUSES[Math.floor(rand() * STATUSES.length)]!, startMs: start, endMs: start + duration, durationMs: duration,
		messageCount: 2 + Math.floor(rand() * 60), toolCalls: Math.floor(rand() * 30), toolErrors: 0, inputTokens: input, outputTokens: output,
		cacheReadTokens: Math.floor(input / 2), cacheWriteTokens: 0, totalTokens: input + output, inputCost: unpriced ? 0 : input * 3e-6,
		outputCost: unpriced ? 0 : output * 15e-6, totalCost: unpriced ? null : input * 3e-6 + output * 15e-6,
		costSource: unpriced ? 'unpriced' : 'computed', unpricedTokens: unpriced ? input + output : 0, parentId: null, subSessionCount: 0,
	};
}

/** Creates (once) an index file holding `count` sessions. */
export function benchIndex(file: string, count: number, now: number): string {
	if (fs.existsSync(file)) return file;
	const opened = openIndex(file + '.tmp');
	if (!opened.ok) throw new Error(opened.error);
	const store = createIndexStore(opened.db);
	const rand = prng(count);
	opened.db.transaction(() => {
		for (let i = 0; i < count; i++) store.sessions.write({summary: session(i, now, rand), sourceId: 1, leafId: `l${i}`, modelUsage: [], tools: [], buckets: [], notes: {priceSource: 'built-in', statusReason: '', rejections: 0}}, now);
	})();
	opened.db.pragma('wal_checkpoint(TRUNCATE)');
	opened.db.close();
	fs.renameSync(file + '.tmp', file);
	return file;
}

function unused<T>(name: string): T {
	return new Proxy({}, {get: () => {
		throw new Error(`the ${name} service is not part of the explorer benchmark`);
	}}) as T;
}

/** Services over a benchmark index: real SQL, no sync loop (nothing changes underneath the measurement). */
export function benchServices(file: string, now: number, timeZone = 'UTC'): {services: ExplorerServices; close(): void} {
	const opened = openIndex(file);
	if (!opened.ok) throw new Error(opened.error);
	const store = createIndexStore(opened.db);
	const sources = [{id: 1, kind: 'tapes' as const, path: file}];
	const services: ExplorerServices = {
		sessions: workspaceSessions({store, queries: createSessionQueries(opened.db, [1]), sources}, timeZone),
		// The benchmark drives the Sessions screen; the timeline needs bodies from a source it does not have.
		timeline: unused('timeline'),
		insights: workspaceInsights({store, sources}),
		analytics: workspaceAnalytics({queries: createSessionQueries(opened.db, [1]), pricing: defaultPricing()}, timeZone),
		sync: constantStore({...IDLE_SYNC, lastSyncMs: now}),
		facets: constantStore<string | null>(null),
		timeZone,
		now: () => now,
		sources: ['tapes bench'],
		pricing: {source: 'built-in table', verified: 'bench'},
		notices: [],
	};
	return {services, close: () => opened.db.close()};
}
