// The facet worker while the explorer is open: its progress counts up in the status bar with the provider,
// it picks up sessions a live sync adds, its notice shows in the status bar, nothing reaches stdout or
// stderr, and quitting with extractions in flight stops it at once.
import {cleanup} from 'ink-testing-library';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi} from 'vitest';
import {NOW, demo, inputReady, press, renderApp, type Demo} from './helpers/explorer.js';
import {HEURISTIC, appendSession, openai, withInsights} from './insights-helpers.js';
import {answer, hang, startFakeLlm, type FakeLlmServer} from '../facets/helpers/fake-llm-server.js';
import {VALID_JSON} from '../facets/helpers/session-fixture.js';
import {DEFAULT_FILTERS} from '../../source/core/types.js';

let d: Demo;
let server: FakeLlmServer;
let stop: (() => Promise<void>) | null = null;
beforeAll(async () => {
	server = await startFakeLlm('openai');
});
afterAll(async () => {
	await server.close();
});
beforeEach(async () => {
	d = await demo();
});
afterEach(async () => {
	cleanup();
	await stop?.();
	stop = null;
	d.close();
	vi.restoreAllMocks();
});

const statusLine = (frame: string | undefined) => (frame ?? '').split('\n').at(-2) ?? '';

describe('facet worker in the explorer', () => {
	it('counts up in the status bar with its provider, and writes nothing to stdout or stderr', async () => {
		const out = vi.spyOn(process.stdout, 'write');
		const err = vi.spyOn(process.stderr, 'write');
		server.script([answer(VALID_JSON, {delayMs: 40})]);
		const w = await withInsights(d, openai(`${server.origin}/v1`, 2));
		stop = async () => w.insights.worker?.stop();
		const r = renderApp(w.services);
		await vi.waitFor(() => expect(statusLine(r.lastFrame())).toMatch(/insights ([1-9]|\d\d)\/67 [⣾⣽⣻⢿⡿⣟⣯⣷] · openai\/gpt-4o-mini/), {timeout: 10_000});
		const first = Number(/insights (\d+)\/67/.exec(statusLine(r.lastFrame()))![1]);
		await vi.waitFor(() => expect(Number(/insights (\d+)\/67/.exec(statusLine(r.lastFrame()))?.[1] ?? 0)).toBeGreaterThan(first + 2), {timeout: 10_000});
		// Newest first: the first requests were for the newest sessions.
		const newest = d.services.sessions.page({...DEFAULT_FILTERS, sort: 'date' as const, sortDir: 'desc' as const}, 0, 2);
		const prompts = server.requests.slice(0, 2).map((q) => JSON.stringify(q.body));
		for (const s of newest) expect(prompts.some((p) => p.includes(s.label.slice(0, 20)))).toBe(true);
		await vi.waitFor(() => expect(statusLine(r.lastFrame())).toContain('insights 67/67 ✓'), {timeout: 20_000});
		expect(out).not.toHaveBeenCalled();
		expect(err).not.toHaveBeenCalled();
	}, 40_000);

	it('stops at once when the user quits with extractions in flight', async () => {
		server.script([hang]);
		const w = await withInsights(d, openai(`${server.origin}/v1`, 4));
		const r = renderApp(w.services);
		await vi.waitFor(() => expect(w.services.insights.progress.getSnapshot().inFlight).toBe(4));
		await inputReady(r.stdin);
		press(r.stdin, 'q');
		await vi.waitFor(() => expect(r.lastFrame()).toBeDefined());
		const started = performance.now();
		await w.insights.worker!.stop();
		expect(performance.now() - started).toBeLessThan(1000);
		expect(w.services.insights.progress.getSnapshot()).toMatchObject({state: 'stopped', inFlight: 0, failed: 0});
	});

	it('picks up a session that a live sync adds', async () => {
		const w = await withInsights(d, HEURISTIC);
		stop = async () => w.insights.worker?.stop();
		const r = renderApp(w.services);
		await vi.waitFor(() => expect(statusLine(r.lastFrame())).toContain('insights 67/67 ✓'), {timeout: 20_000});
		appendSession(d.tapes, 'Please add a dark mode toggle to the settings page', NOW - 60_000);
		await w.loop.syncNow();
		await vi.waitFor(() => expect(statusLine(r.lastFrame())).toContain('insights 68/68 ✓'), {timeout: 10_000});
		expect(w.services.insights.aggregate(DEFAULT_FILTERS).coverage).toMatchObject({sessions: 68, current: 68});
	});

	it('shows its notice in the status bar instead of printing it', async () => {
		const err = vi.spyOn(process.stderr, 'write');
		const w = await withInsights(d, {...HEURISTIC, notice: 'no openai API key; using the heuristic'}, ['no openai API key; using the heuristic']);
		stop = async () => w.insights.worker?.stop();
		const r = renderApp(w.services, undefined, {columns: 160, rows: 30});
		await vi.waitFor(() => expect(statusLine(r.lastFrame())).toContain('no openai API key; using the heuristic'));
		expect(err).not.toHaveBeenCalled();
	});
});
