// The explorer on the demo with a real facet worker: the heuristic (offline) or the real OpenAI SDK against
// the local fake server, its stores wired into the services as the explorer wires them.
import Database from 'better-sqlite3';
import {createWorkspaceServices} from '../../source/ui/services/workspace-services.js';
import {startInsights, type Insights} from '../../source/facets/start-worker.js';
import type {InsightsConfig} from '../../source/facets/insights-config.js';
import {ApiKey} from '../../source/config/credentials.js';
import {formatTapesTimestamp, insertTapesNode, nodeHash, tapesBucket} from '../../source/sources/tapes/schema.js';
import {NOW, type Demo} from './helpers/explorer.js';

export const HEURISTIC: InsightsConfig = {mode: 'heuristic', provider: 'heuristic', model: 'rules', concurrency: 2, notice: null};

export function openai(baseURL: string, concurrency = 2): InsightsConfig {
	return {mode: 'llm', provider: 'openai', model: 'gpt-4o-mini', baseURL, apiKey: new ApiKey('sk-test-local'), keyWhere: 'test', concurrency, notice: null};
}

export async function withInsights(d: Demo, config: InsightsConfig, notices: string[] = []) {
	const insights: Insights = await startInsights(d.ws, config, {timeoutMs: 5000});
	const {services, loop} = createWorkspaceServices(d.ws, {
		timeZone: 'UTC', now: () => NOW, refreshSec: 0, facets: insights.status, facetProgress: insights.progress, notices,
		onSynced: () => insights.worker?.rescan(),
	});
	return {insights, services, loop};
}

/** A new two-message session in the tapes source, as the tapes proxy would write it. */
export function appendSession(file: string, text: string, at: number): void {
	const db = new Database(file);
	const insert = insertTapesNode(db);
	let parent: string | null = null;
	for (const [i, role] of (['user', 'assistant'] as const).entries()) {
		const fields = {role, content: [{type: 'text', text: i ? 'Done.' : text}], model: 'claude-opus-4-1-20250805', provider: 'anthropic', agentName: 'claude'};
		const hash = nodeHash(parent, tapesBucket(fields));
		insert({...fields, hash, parentHash: parent, project: 'tapes', stopReason: role === 'assistant' ? 'end_turn' : '',
			promptTokens: null, completionTokens: null, totalTokens: null, cacheCreation: null, cacheRead: null,
			totalDurationNs: null, promptDurationNs: null, createdAt: formatTapesTimestamp(at + i * 30_000)});
		parent = hash;
	}
	db.close();
}
