// End to end over the demo workspace: the heuristic gives every demo session a facet offline, an LLM
// (the real OpenAI SDK against a local server) supersedes them, and the aggregate and reports agree.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {openWorkspace, type Workspace} from '../../source/workspace/open-workspace.js';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import {insightsAggregate, runFacetsCommand, resolveInsightsConfig, sessionFacet, startInsights} from '../../source/facets/index.js';
import {insightsJson} from '../../source/report/insights-report.js';
import {DEFAULT_FILTERS} from '../../source/core/types.js';
import {FRICTION_TYPES, GOAL_CATEGORIES, OUTCOMES, SESSION_TYPES} from '../../source/core/facet-vocabulary.js';
import {answer, startFakeLlm, status, type FakeLlmServer} from './helpers/fake-llm-server.js';
import {VALID_JSON} from './helpers/session-fixture.js';

let dir: string;
let ws: Workspace;
let server: FakeLlmServer;
const heuristic = () => {
	const c = resolveInsightsConfig({insightsProvider: 'heuristic'}, {env: {}, home: dir, cwd: dir});
	if (!c.ok) throw new Error(c.error);
	return c.value;
};

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tapedeck-demo-facets-'));
	const opened = await openWorkspace({demo: true, overwrite: false, env: {XDG_DATA_HOME: dir}, home: dir, cwd: dir, now: Date.now});
	if (!opened.ok) throw new Error(opened.error);
	ws = opened.value;
	await syncWorkspace(ws);
	server = await startFakeLlm('openai');
}, 60_000);

afterAll(async () => {
	ws.close();
	await server.close();
	fs.rmSync(dir, {recursive: true, force: true});
});

describe('demo insights', () => {
	it('the heuristic gives all 67 demo sessions a facet in the vocabulary, offline', async () => {
		const lines: string[] = [];
		const run = await runFacetsCommand({ws, filters: DEFAULT_FILTERS, config: heuristic(), format: 'json', onProgress: (l) => lines.push(l)});
		expect(run.error).toBeNull();
		expect(JSON.parse(run.output)).toMatchObject({provider: 'heuristic', heuristic: true, sessions: 67, already_current: 0, extracted: 67, failed: []});
		expect(lines.at(-1)).toMatch(/^insights \[█+\] 67\/67 · heuristic$/);
		const rows = ws.store.db.prepare('SELECT * FROM facets').all() as Array<Record<string, string>>;
		expect(rows).toHaveLength(67);
		for (const r of rows) {
			expect(GOAL_CATEGORIES).toContain(r['goal_category']);
			expect(OUTCOMES).toContain(r['outcome']);
			expect(SESSION_TYPES).toContain(r['session_type']);
			for (const f of JSON.parse(r['friction_types']!) as string[]) expect(FRICTION_TYPES).toContain(f);
			expect(r['brief_summary']!.length).toBeGreaterThan(5);
		}
		const a = insightsAggregate(ws, DEFAULT_FILTERS);
		expect(a.coverage).toMatchObject({sessions: 67, current: 67, heuristic: 67, ratio: 1});
		expect(a.providers).toEqual([expect.objectContaining({provider: 'heuristic', heuristic: true, facets: 67})]);
		// The demo has failures, fixes, commits, questions and interruptions: the figures should show variety.
		expect(a.goals.length).toBeGreaterThanOrEqual(6);
		expect(a.outcomes.map((o) => o.key)).toEqual(expect.arrayContaining(['fully_achieved', 'not_achieved']));
		expect(a.sessionTypes.map((o) => o.key)).toEqual(expect.arrayContaining(['quick_question', 'single_task']));
		expect(a.friction.map((o) => o.key)).toEqual(expect.arrayContaining(['buggy_code', 'user_stopped_early']));
	});

	it('running again repeats nothing', async () => {
		const run = await runFacetsCommand({ws, filters: DEFAULT_FILTERS, config: heuristic(), format: 'table'});
		expect(run.output).toContain('already current     67');
		expect(run.output).toContain('extracted           0');
	});

	it('insights --json has the reference keys and the additions, for the filter', () => {
		const json = insightsJson(insightsAggregate(ws, {...DEFAULT_FILTERS, project: 'webshop'}));
		expect(Object.keys(json)).toEqual(['coverage', 'goal_distribution', 'outcome_distribution', 'session_types', 'top_friction',
			'recent_summaries', 'providers', 'failures']);
		const sessions = ws.queries.count({...DEFAULT_FILTERS, project: 'webshop'});
		expect(json.coverage.sessions).toBe(sessions);
		expect(Object.values(json.goal_distribution).reduce((a, b) => a + b, 0)).toBe(sessions);
		expect(json.recent_summaries[0]).toMatchObject({heuristic: true, provider: 'heuristic'});
	});

	it('an LLM through the real OpenAI SDK supersedes heuristic facets, recording what each call cost', async () => {
		const filters = {...DEFAULT_FILTERS, project: 'docs-site'};
		const sessions = ws.queries.list(filters);
		server.script((_req, i) => (i === 0 ? status(429, {'retry-after': '0'}) : answer(VALID_JSON, {inputTokens: 2000, outputTokens: 150})));
		const c = resolveInsightsConfig({insightsProvider: 'openai', insightsKey: 'sk-test-demo-000000', insightsBaseUrl: `${server.origin}/v1`},
			{env: {}, home: dir, cwd: dir});
		if (!c.ok) throw new Error(c.error);
		const run = await runFacetsCommand({ws, filters, config: c.value, format: 'json', extractor: {backoff: {baseMs: 1, maxMs: 2, maxRetryAfterMs: 10, retries: 3}}});
		expect(JSON.parse(run.output)).toMatchObject({provider: 'openai', model: 'gpt-4o-mini', extracted: sessions.length, already_current: 0});
		expect(server.requests).toHaveLength(sessions.length + 1);
		// The transcript is the session's own: its first prompt and its tool calls.
		const prompts = server.requests.map((r) => JSON.stringify(r.body['messages']));
		expect(prompts.some((p) => p.includes('[tool call]'))).toBe(true);
		for (const s of sessions) {
			const facet = sessionFacet(ws, s.id);
			expect(facet).toMatchObject({provider: 'openai', model: 'gpt-4o-mini', current: true, heuristic: false,
				messagesSeen: s.messageCount, inputTokens: 2000, outputTokens: 150});
			expect(facet!.costUsd).toBeCloseTo((2000 * 0.15 + 150 * 0.6) / 1e6, 12);
		}
		const a = insightsAggregate(ws, DEFAULT_FILTERS);
		expect(a.coverage).toMatchObject({sessions: 67, current: 67, heuristic: 67 - sessions.length});
		expect(a.providers.map((p) => [p.provider, p.facets])).toEqual([['heuristic', 67 - sessions.length], ['openai', sessions.length]]);
	});

	it('startInsights runs in the background and reports through the stores', async () => {
		const c = resolveInsightsConfig({}, {env: {}, home: dir, cwd: dir});
		if (!c.ok) throw new Error(c.error);
		const insights = await startInsights(ws, c.value);
		const unsubscribe = insights.status.subscribe(() => {});
		await new Promise<void>((resolve) => {
			const check = () => (insights.progress.getSnapshot().state === 'done' ? resolve() : setTimeout(check, 10));
			check();
		});
		expect(insights.status.getSnapshot()).toBe('insights 67/67 ✓');
		unsubscribe();
		await insights.worker?.stop();
		const off = await startInsights(ws, {mode: 'off', concurrency: 2, notice: null});
		expect(off.worker).toBeNull();
		expect(off.status.getSnapshot()).toBe('insights off');
	});
});
