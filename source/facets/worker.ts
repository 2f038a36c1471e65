// The facet worker: in-process and async (vitest on Node 20 cannot start .ts worker threads, and the
// work is waiting on HTTP, not CPU). It takes the sessions that lack a current facet, newest first,
// runs at most `concurrency` extractions at once, writes each result in its own transaction, and
// reports through the progress store only: nothing here touches stdout or stderr. Its queue is the
// index itself, so after a crash or a kill the next run picks up exactly what is not yet done.
import type {Filters} from '../core/types.js';
import type {Result} from '../core/time.js';
import type {FacetSessionInput} from '../core/facet-transcript.js';
import type {FacetQueries} from '../store/facets-queries.js';
import type {FacetsRepo} from '../store/facets-repo.js';
import {isAbortError, type ExtractionResult, type FacetExtractor} from './extractor.js';
import {createFacetProgressStore, type FacetProgressStore} from './progress-store.js';
import {yieldToLoop} from '../sync/slicer.js';

export interface FacetWorkerDeps {
	queries: FacetQueries;
	repo: FacetsRepo;
	/** The sessions this worker is responsible for (the explorer: everything in scope). */
	filters: Filters;
	loadInput(sessionId: string): Result<FacetSessionInput>;
	extractor: FacetExtractor;
	concurrency: number;
	progress?: FacetProgressStore;
	now?: () => number;
}

export interface FacetRunSummary {
	total: number;
	/** Sessions that already had a current facet when the run started. */
	alreadyCurrent: number;
	extracted: number;
	failed: Array<{sessionId: string; reason: string}>;
	inputTokens: number;
	outputTokens: number;
	costUsd: number | null;
	/** Why the run stopped as a whole, or null. */
	error: string | null;
	stopped: boolean;
}

export interface FacetWorker {
	readonly progress: FacetProgressStore;
	/** Scans and works until nothing is left (or stop, or a fatal error). Calling it again rescans. */
	run(): Promise<FacetRunSummary>;
	/** Picks up sessions that sync added or grew since the last scan; wakes the worker if it is idle. */
	rescan(): void;
	/** Cancels in-flight calls; resolves once nothing is running, after which nothing is written. */
	stop(): Promise<void>;
}

export function createFacetWorker(deps: FacetWorkerDeps): FacetWorker {
	const now = deps.now ?? Date.now;
	const progress = deps.progress ?? createFacetProgressStore();
	const {extractor} = deps;
	const controller = new AbortController();
	const queue: string[] = [];
	const inFlight = new Set<string>();
	const failedThisRun = new Set<string>();
	const summary: FacetRunSummary = {
		total: 0, alreadyCurrent: -1, extracted: 0, failed: [], inputTokens: 0, outputTokens: 0, costUsd: 0, error: null, stopped: false,
	};
	let loops = 0;
	let started = false;
	let waiters: Array<() => void> = [];

	const finished = () => controller.signal.aborted || summary.error !== null;
	const report = () => {
		const done = Math.max(summary.total - queue.length - inFlight.size, 0);
		const state = summary.error ? 'error' : summary.stopped ? 'stopped' : queue.length + inFlight.size > 0 ? 'running' : 'done';
		progress.update({
			state, provider: extractor.provider, model: extractor.model, total: summary.total, done, extracted: summary.extracted,
			failed: summary.failed.length, inFlight: inFlight.size, error: summary.error, inputTokens: summary.inputTokens,
			outputTokens: summary.outputTokens, costUsd: summary.costUsd,
			lastFailure: summary.failed.at(-1) ?? null,
		});
	};

	function scan(): void {
		if (finished()) return;
		const pending = deps.queries.pending(deps.filters, extractor.heuristic);
		summary.total = deps.queries.count(deps.filters);
		if (summary.alreadyCurrent < 0) summary.alreadyCurrent = summary.total - pending.length;
		queue.length = 0;
		for (const id of pending) if (!inFlight.has(id) && !failedThisRun.has(id)) queue.push(id);
		report();
	}

	function account(r: ExtractionResult): void {
		summary.inputTokens += r.usage.inputTokens;
		summary.outputTokens += r.usage.outputTokens;
		summary.costUsd = summary.costUsd === null || r.usage.costUsd === null ? null : summary.costUsd + r.usage.costUsd;
	}

	function fail(sessionId: string, reason: string, r?: ExtractionResult): void {
		failedThisRun.add(sessionId);
		summary.failed.push({sessionId, reason});
		deps.repo.recordFailure({
			sessionId, provider: extractor.provider, model: extractor.model, promptVersion: extractor.promptVersion,
			messagesSeen: r?.messagesSeen ?? 0, reason, attempts: r?.attempts ?? 0, retries: r?.retries ?? 0,
			inputTokens: r?.usage.inputTokens ?? 0, outputTokens: r?.usage.outputTokens ?? 0, costUsd: r?.usage.costUsd ?? null,
			failedMs: now(),
		});
	}

	async function processOne(sessionId: string): Promise<void> {
		const input = deps.loadInput(sessionId);
		if (!input.ok) return fail(sessionId, input.error);
		let r: ExtractionResult;
		try {
			r = await extractor.extract(input.value, controller.signal);
		} catch (error) {
			if (isAbortError(error) || controller.signal.aborted) return;
			return fail(sessionId, `extraction crashed: ${(error as Error).message}`);
		}
		account(r);
		if (r.ok) {
			deps.repo.save({
				sessionId, provider: extractor.provider, model: extractor.model, promptVersion: extractor.promptVersion,
				messagesSeen: r.messagesSeen, facet: r.facet, inputTokens: r.usage.inputTokens, outputTokens: r.usage.outputTokens,
				costUsd: r.usage.costUsd, attempts: r.attempts, retries: r.retries, durationMs: Math.round(r.durationMs), extractedMs: now(),
			});
			summary.extracted++;
		} else if (r.fatal) {
			// Not this session's fault: every other call would fail the same way, so stop asking.
			summary.error = r.reason;
			controller.abort();
		} else {
			fail(sessionId, r.reason, r);
		}
	}

	async function loop(): Promise<void> {
		loops++;
		try {
			while (!finished()) {
				const id = queue.shift();
				if (id === undefined) break;
				inFlight.add(id);
				report();
				try {
					await processOne(id);
				} finally {
					inFlight.delete(id);
				}
				report();
				// The heuristic never waits on I/O; give the UI a turn between sessions.
				await yieldToLoop();
			}
		} finally {
			loops--;
			if (loops === 0) {
				report();
				progress.flush();
				const w = waiters;
				waiters = [];
				for (const resolve of w) resolve();
			}
		}
	}

	function pump(): void {
		// loop() takes its first session synchronously, so the queue shrinks as loops start.
		while (!finished() && loops < deps.concurrency && queue.length > 0) void loop();
	}

	const idle = () => (loops === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve)));

	return {
		progress,
		async run() {
			started = true;
			scan();
			pump();
			await idle();
			if (loops === 0) progress.flush();
			return {...summary, failed: [...summary.failed], alreadyCurrent: Math.max(summary.alreadyCurrent, 0)};
		},
		rescan() {
			if (!started || finished()) return;
			scan();
			pump();
		},
		async stop() {
			if (!summary.error) summary.stopped = true;
			controller.abort();
			queue.length = 0;
			await idle();
			report();
			progress.flush();
		},
	};
}
