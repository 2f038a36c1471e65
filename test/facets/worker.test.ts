// The worker against a real index: order, bounded concurrency, resume, rescan, staleness, failures,
// fatal errors, cancellation, and silence on stdout/stderr.
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {createFacetWorker, type FacetWorkerDeps} from '../../source/facets/worker.js';
import {createFacetQueries} from '../../source/store/facets-queries.js';
import {createFacetsRepo, type FacetsRepo} from '../../source/store/facets-repo.js';
import {createHeuristicExtractor} from '../../source/facets/heuristic-extractor.js';
import {abortError, type ExtractionResult, type FacetExtractor} from '../../source/facets/extractor.js';
import {DEFAULT_FILTERS} from '../../source/core/types.js';
import type {FacetSessionInput} from '../../source/core/facet-transcript.js';
import {heuristicFacet} from '../../source/core/facet-heuristic.js';
import type {IndexStore} from '../../source/store/index-store.js';
import {HOUR, addSession, facetRecord, memoryStore} from '../store/facets-fixture.js';
import {msg, session} from './helpers/session-fixture.js';

let store: IndexStore;
let repo: FacetsRepo;

function input(id: string): FacetSessionInput {
	const count = store.sessions.get(id)?.messageCount ?? 2;
	const messages = [msg('user', `Fix bug ${id}`), ...Array.from({length: count - 1}, () => msg('assistant', 'ok', {stopReason: 'end_turn'}))];
	return session(messages, {sessionId: id});
}

/** An LLM stand-in behind the extractor interface: answers when told to, records what it was asked. */
function scripted(decide: (id: string) => 'ok' | 'fail' | 'fatal' = () => 'ok') {
	const calls: string[] = [];
	let running = 0;
	let maxRunning = 0;
	const gates: Array<() => void> = [];
	let gated = false;
	const extractor: FacetExtractor = {
		provider: 'openai', model: 'gpt-4o-mini', promptVersion: 'prompt-1', heuristic: false,
		async extract(i, signal): Promise<ExtractionResult> {
			calls.push(i.sessionId);
			running++;
			maxRunning = Math.max(maxRunning, running);
			try {
				if (gated) {
					await new Promise<void>((resolve, reject) => {
						gates.push(resolve);
						signal.addEventListener('abort', () => reject(abortError()), {once: true});
					});
				} else await new Promise((r) => setTimeout(r, 2));
			} finally {
				running--;
			}
			const common = {attempts: 1, retries: 0, durationMs: 5, messagesSeen: i.messages.length, usage: {inputTokens: 10, outputTokens: 2, costUsd: 0.001}};
			const d = decide(i.sessionId);
			if (d === 'ok') return {ok: true, ...common, facet: heuristicFacet(i)};
			return {ok: false, ...common, reason: d === 'fatal' ? 'openai rejected the API key (401)' : `bad answer for ${i.sessionId}`, fatal: d === 'fatal'};
		},
	};
	return {
		extractor, calls, maxRunning: () => maxRunning,
		gate: () => {
			gated = true;
		},
		release: (n = Infinity) => {
			for (let k = 0; k < n && gates.length; k++) gates.shift()!();
		},
		waiting: () => gates.length,
	};
}

function worker(extractor: FacetExtractor, over: Partial<FacetWorkerDeps> = {}) {
	return createFacetWorker({
		queries: createFacetQueries(store.db, [1]), repo, filters: DEFAULT_FILTERS, extractor, concurrency: 2,
		loadInput: (id) => ({ok: true, value: input(id)}), now: () => 42, ...over,
	});
}

beforeEach(() => {
	store = memoryStore();
	repo = createFacetsRepo(store.db);
	for (let i = 1; i <= 5; i++) addSession(store, {id: `s${i}`, startMs: i * HOUR, messageCount: 2});
});

afterEach(() => {
	vi.restoreAllMocks();
});

describe('facet worker', () => {
	it('extracts every session, newest first, and stores provider, model, tokens and cost', async () => {
		const s = scripted();
		const w = worker(s.extractor, {concurrency: 1});
		const summary = await w.run();
		expect(s.calls).toEqual(['s5', 's4', 's3', 's2', 's1']);
		expect(summary).toMatchObject({total: 5, alreadyCurrent: 0, extracted: 5, failed: [], error: null, inputTokens: 50, outputTokens: 10});
		expect(summary.costUsd).toBeCloseTo(0.005);
		expect(repo.get('s3')).toMatchObject({provider: 'openai', model: 'gpt-4o-mini', promptVersion: 'prompt-1', messagesSeen: 2,
			inputTokens: 10, outputTokens: 2, costUsd: 0.001, attempts: 1, extractedMs: 42});
		expect(w.progress.getSnapshot()).toMatchObject({state: 'done', done: 5, total: 5, extracted: 5});
		expect(w.progress.statusText()).toBe('insights 5/5 ✓');
	});

	it('never runs more extractions at once than its concurrency', async () => {
		for (let i = 6; i <= 12; i++) addSession(store, {id: `s${i}`, startMs: i * HOUR, messageCount: 2});
		const s = scripted();
		s.gate();
		const w = worker(s.extractor, {concurrency: 3});
		const done = w.run();
		for (let released = 0; released < 12;) {
			await vi.waitFor(() => expect(s.waiting()).toBeGreaterThan(0));
			expect(s.waiting()).toBeLessThanOrEqual(3);
			const n = s.waiting();
			s.release(n);
			released += n;
		}
		await done;
		expect(s.maxRunning()).toBe(3);
		expect(s.calls).toHaveLength(12);
	});

	it('with one session prefilled, only the others are extracted and all end with a facet (reference acceptance 21)', async () => {
		repo.save(facetRecord('s2', {messagesSeen: 2}));
		const s = scripted();
		const summary = await worker(s.extractor).run();
		expect(s.calls.sort()).toEqual(['s1', 's3', 's4', 's5']);
		expect(summary).toMatchObject({total: 5, alreadyCurrent: 1, extracted: 4});
		expect(store.db.prepare('SELECT count(*) FROM facets').pluck().get()).toBe(5);
	});

	it('an LLM run supersedes heuristic facets; after it there is nothing left to do', async () => {
		expect(await worker(createHeuristicExtractor()).run()).toMatchObject({extracted: 5});
		const s = scripted();
		expect(await worker(s.extractor).run()).toMatchObject({alreadyCurrent: 0, extracted: 5});
		expect(repo.get('s1')?.provider).toBe('openai');
		const again = scripted();
		expect(await worker(again.extractor).run()).toMatchObject({total: 5, alreadyCurrent: 5, extracted: 0});
		expect(again.calls).toEqual([]);
		// And the heuristic leaves the LLM facets alone.
		expect(await worker(createHeuristicExtractor()).run()).toMatchObject({alreadyCurrent: 5, extracted: 0});
	});

	it('no sessions: 0/0, done', async () => {
		store = memoryStore();
		repo = createFacetsRepo(store.db);
		const w = worker(scripted().extractor);
		expect(await w.run()).toMatchObject({total: 0, extracted: 0});
		expect(w.progress.statusText()).toBe('insights 0/0 ✓');
	});

	it('stopped mid-run, a new worker finishes the rest without repeating finished work', async () => {
		const s = scripted();
		s.gate();
		const w = worker(s.extractor, {concurrency: 2});
		const first = w.run();
		await vi.waitFor(() => expect(s.waiting()).toBe(2));
		s.release(2);
		await vi.waitFor(() => expect(s.waiting()).toBe(2));
		await w.stop();
		const summary = await first;
		expect(summary.stopped).toBe(true);
		const saved = store.db.prepare('SELECT session_id FROM facets ORDER BY session_id').pluck().all() as string[];
		expect(saved).toEqual(['s4', 's5']);
		expect(w.progress.getSnapshot().state).toBe('stopped');

		const s2 = scripted();
		const rest = await worker(s2.extractor).run();
		expect(s2.calls.sort()).toEqual(['s1', 's2', 's3']);
		expect(rest).toMatchObject({alreadyCurrent: 2, extracted: 3});
		expect(store.db.prepare('SELECT count(*) FROM facets').pluck().get()).toBe(5);
	});

	it('rescan picks up sessions sync added and sessions that grew', async () => {
		const s = scripted();
		const w = worker(s.extractor);
		await w.run();
		addSession(store, {id: 's6', startMs: 6 * HOUR, messageCount: 2});
		addSession(store, {id: 's1', startMs: 1 * HOUR, messageCount: 3});
		w.rescan();
		await vi.waitFor(() => expect(w.progress.getSnapshot()).toMatchObject({state: 'done', total: 6, done: 6}));
		expect(s.calls.slice(5)).toEqual(['s6', 's1']);
		expect(repo.get('s1')?.messagesSeen).toBe(3);
	});

	it('a failed session is recorded with its reason and not retried in the same run; a later run retries it', async () => {
		const s = scripted((id) => (id === 's3' ? 'fail' : 'ok'));
		const w = worker(s.extractor);
		const summary = await w.run();
		expect(summary.failed).toEqual([{sessionId: 's3', reason: 'bad answer for s3'}]);
		expect(repo.failure('s3')).toMatchObject({reason: 'bad answer for s3', provider: 'openai', inputTokens: 10});
		expect(w.progress.getSnapshot()).toMatchObject({done: 5, failed: 1, lastFailure: {sessionId: 's3', reason: 'bad answer for s3'}});
		expect(w.progress.statusText()).toBe('insights 5/5 ✓ · 1 failed');
		w.rescan();
		await new Promise((r) => setTimeout(r, 20));
		expect(s.calls.filter((c) => c === 's3')).toHaveLength(1);
		const next = scripted();
		await worker(next.extractor).run();
		expect(next.calls).toEqual(['s3']);
		expect(repo.failure('s3')).toBeUndefined();
	});

	it('a session whose messages cannot be read fails with that reason', async () => {
		const w = worker(scripted().extractor, {loadInput: (id) => (id === 's2' ? {ok: false, error: 'cannot read the session\'s messages: gone'} : {ok: true, value: input(id)})});
		expect((await w.run()).failed).toEqual([{sessionId: 's2', reason: "cannot read the session's messages: gone"}]);
	});

	it('a fatal error stops the run: nothing more is asked and no session is blamed', async () => {
		const s = scripted(() => 'fatal');
		const w = worker(s.extractor, {concurrency: 1});
		const summary = await w.run();
		expect(summary.error).toBe('openai rejected the API key (401)');
		expect(s.calls).toEqual(['s5']);
		expect(store.db.prepare('SELECT count(*) FROM facet_failures').pluck().get()).toBe(0);
		expect(w.progress.statusText()).toBe('insights ✗ openai rejected the API key (401)');
	});

	it('stop cancels in-flight calls and writes nothing after it resolves', async () => {
		const s = scripted();
		s.gate();
		const w = worker(s.extractor);
		const run = w.run();
		await vi.waitFor(() => expect(s.waiting()).toBe(2));
		await w.stop();
		await run;
		s.release();
		await new Promise((r) => setTimeout(r, 10));
		expect(store.db.prepare('SELECT count(*) FROM facets').pluck().get()).toBe(0);
	});

	it('writes nothing to stdout or stderr', async () => {
		const out = vi.spyOn(process.stdout, 'write');
		const err = vi.spyOn(process.stderr, 'write');
		await worker(scripted((id) => (id === 's1' ? 'fail' : 'ok')).extractor).run();
		await worker(createHeuristicExtractor()).run();
		expect(out).not.toHaveBeenCalled();
		expect(err).not.toHaveBeenCalled();
	});
});
