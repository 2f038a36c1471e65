// The search index built beside a cold tapes load (search-beside.ts), on a thread of its own so the words are
// indexed on the second core. The thread follows the sync until told it is done; the sync's thread, its own
// work done, reads the rest of the words and hands them over (FTS5's inserts are most of the work, and the
// thread then only writes); then its scratch index is copied in. Only the built program can start the thread
// (vitest cannot run a .ts file as a worker): without it the same build runs in-process once the sync is done.
import fs from 'node:fs';
import {Worker} from 'node:worker_threads';
import {builtProgram, programFile} from '../program-files.js';
import {buildBeside, copyBeside, readyForCopy, type BesideJob} from './search-beside.js';
import {removeScratch, removeStaleScratch, type DocBatch} from './search-beside-docs.js';
import {bulkLoadDue, type TapesDueDeps} from './tapes-due.js';

export type BesideRequest = {type: 'sync-done'} | {type: 'stop'} | {type: 'help'} | {type: 'docs'; batch: DocBatch} | {type: 'docs-done'};
export type BesideReply = {type: 'progress'; indexed: number; to: number} | {type: 'fed-from'; after: number} | {type: 'built'; to: number; indexed: number}
	| {type: 'stopped'} | {type: 'failed'; message: string};

/** Batches the caller has read ahead of the thread's writing: a few MB of words each. */
const FED_AHEAD = 4;

/** What the caller does while the thread indexes: its own work first, then, if it can, the reading of the words left. */
export interface Alongside {
	/** The load's indexes and JSON rows (the thread reads and indexes meanwhile). */
	first(): void;
	/** The words of the messages after a rowid (createDocReader): the caller reads, the thread only writes. */
	read?: (after: number) => DocBatch | null;
}

/**
 * Small heaps: the thread holds one batch of bodies at a time, and the sync beside it has the memory budget
 * (a cold 1M-node load: peak RSS 462 MB with 16/256, 438 with 4/48; the sync alone ~395).
 */
const LIMITS = {maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 96};
const PROGRAM = programFile('sync/search-beside-thread-main.js');

export interface BesideBuild {
	/** After the sync: waits for the build, copies it in; true when the source's messages are all indexed by it. */
	finish(onProgress: (indexed: number) => void, signal?: AbortSignal, alongside?: Alongside): Promise<boolean>;
	/** The sync failed or was stopped: the build is dropped. */
	stop(): Promise<void>;
}

/**
 * Asked before the sync: a build beside it when it pays and can be copied in: a cold bulk load of the source,
 * its messages all waiting for the index, and an index (a file) whose full-text table is still empty. Null otherwise.
 */
export function besideJobFor(deps: TapesDueDeps & {source: {path: string}}, indexPath: string): BesideJob | null {
	const {store, sourceId} = deps;
	if (!fs.existsSync(indexPath)) return null;
	removeStaleScratch(indexPath);
	if (!store.search.state(sourceId).on) return null;
	if (!readyForCopy(store.search, sourceId) || !bulkLoadDue(deps)) return null;
	// Named for this process: another one syncing the same index builds (and removes) its own.
	return {indexPath, tapesPath: deps.source.path, sourceId, scratch: `${indexPath}.search-${Math.trunc(sourceId)}-${process.pid}`};
}

/** The build for a job, or null when no thread can be had (out of resources): the usual fill indexes after the sync. */
export function tryStartBeside(job: BesideJob): BesideBuild | null {
	try {
		return startBeside(job);
	} catch {
		return null;
	}
}

/** A build begun with the sync (besideJobFor, then tryStartBeside). */
export function besideFor(deps: TapesDueDeps & {source: {path: string}}, indexPath: string): BesideBuild | null {
	const job = besideJobFor(deps, indexPath);
	return job ? tryStartBeside(job) : null;
}

export function startBeside(job: BesideJob): BesideBuild {
	const program = builtProgram(PROGRAM);
	return program ? threadBuild(job, program) : inProcessBuild(job);
}

function settle(job: BesideJob, built: {to: number} | null): boolean {
	try {
		return built !== null && copyBeside(job, built.to);
	} finally {
		removeScratch(job.scratch);
	}
}

function inProcessBuild(job: BesideJob): BesideBuild {
	return {
		async finish(onProgress, signal, alongside) {
			alongside?.first();
			const built = await buildBeside(job, {syncDone: () => true, wait: async () => {}, stopped: () => signal?.aborted ?? false, progress: onProgress});
			return settle(job, built);
		},
		async stop() {
			removeScratch(job.scratch);
		},
	};
}

function threadBuild(job: BesideJob, program: URL): BesideBuild {
	const worker = new Worker(program, {workerData: job, resourceLimits: LIMITS});
	let latest: BesideReply | null = null;
	let onProgress: ((indexed: number) => void) | null = null;
	// Whoever waits for the thread's next word (a progress, where to feed from, or its last).
	const waiting = new Set<() => void>();
	let fedFrom: number | null = null;
	/** The `to` of each batch handed over and not written yet. */
	const inFlight: number[] = [];
	const deliver = (reply: BesideReply) => {
		if (reply.type === 'progress') {
			while (inFlight.length > 0 && inFlight[0]! <= reply.to) inFlight.shift();
			onProgress?.(reply.indexed);
		} else if (reply.type === 'fed-from') fedFrom = reply.after;
		// The first last word stands (the thread's exit after it says nothing new).
		else if (!latest) latest = reply;
		for (const wake of [...waiting]) wake();
	};
	const nextWord = () => new Promise<void>((resolve) => {
		const wake = () => {
			waiting.delete(wake);
			resolve();
		};
		waiting.add(wake);
	});
	worker.on('message', deliver);
	worker.on('error', (error: Error) => deliver({type: 'failed', message: error.message}));
	worker.on('exit', (code) => deliver({type: 'failed', message: `the search index thread stopped (exit ${code})`}));
	/** Reads the words past where the thread says and hands them over, a few batches ahead of its writing. */
	const feed = async (read: (after: number) => DocBatch | null, signal?: AbortSignal) => {
		worker.postMessage({type: 'help'} satisfies BesideRequest);
		while (fedFrom === null && !latest) await nextWord();
		let after = fedFrom;
		while (after !== null && !latest && !signal?.aborted) {
			while (inFlight.length >= FED_AHEAD && !latest) await nextWord();
			const batch = latest ? null : read(after);
			if (batch === null) break;
			worker.postMessage({type: 'docs', batch} satisfies BesideRequest);
			inFlight.push(batch.to);
			after = batch.to;
		}
		worker.postMessage({type: 'docs-done'} satisfies BesideRequest);
	};
	return {
		async finish(progress, signal, alongside) {
			const abort = () => worker.postMessage({type: 'stop'} satisfies BesideRequest);
			signal?.addEventListener('abort', abort);
			onProgress = progress;
			try {
				worker.postMessage({type: 'sync-done'} satisfies BesideRequest);
				alongside?.first();
				if (alongside?.read) await feed(alongside.read, signal);
				while (!latest) await nextWord();
				const reply = latest as BesideReply;
				// Its heap goes before the copy; a failed build costs nothing but time (the usual fill indexes what it left).
				await worker.terminate();
				return settle(job, reply.type === 'built' ? reply : null);
			} finally {
				signal?.removeEventListener('abort', abort);
				await worker.terminate();
			}
		},
		async stop() {
			await worker.terminate();
			removeScratch(job.scratch);
		},
	};
}
