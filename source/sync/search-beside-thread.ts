// The search index built beside a cold tapes load (search-beside.ts), on a thread of its own so the words are
// indexed on the second core while the sync writes the sessions on the first. The thread follows the sync
// until told it is done, then its scratch index is copied in. Only the built program can start the thread
// (vitest cannot run a .ts file as a worker): without it the same build runs in-process once the sync is done.
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import {programFile} from '../program-files.js';
import {buildBeside, copyBeside, readyForCopy, removeScratch, type BesideJob} from './search-beside.js';
import {bulkLoadDue, type TapesDueDeps} from './tapes-due.js';

export type BesideRequest = {type: 'sync-done'} | {type: 'stop'};
export type BesideReply = {type: 'progress'; indexed: number} | {type: 'built'; to: number; indexed: number} | {type: 'stopped'} | {type: 'failed'; message: string};

/**
 * Small heaps: the thread holds one batch of bodies at a time, and the sync beside it has the memory budget
 * (a cold 1M-node load: peak RSS 462 MB with 16/256, 438 with 4/48; the sync alone ~395).
 */
const LIMITS = {maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 96};
const PROGRAM = programFile('sync/search-beside-thread-main.js');

export interface BesideBuild {
	/** After the sync: waits for the build, copies it in; true when the source's messages are all indexed by it. */
	finish(onProgress: (indexed: number) => void, signal?: AbortSignal): Promise<boolean>;
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

/** Scratch files a killed process left beside this index (their process is gone): removed, they are never reused. */
function removeStaleScratch(indexPath: string): void {
	const dir = path.dirname(indexPath);
	const prefix = `${path.basename(indexPath)}.search-`;
	let names: string[];
	try {
		names = fs.readdirSync(dir);
	} catch {
		return;
	}
	for (const name of names) {
		const pid = name.startsWith(prefix) ? /^\d+-(\d+)(?:-journal|-wal|-shm)?$/.exec(name.slice(prefix.length))?.[1] : undefined;
		if (pid !== undefined && !alive(Number(pid))) fs.rmSync(path.join(dir, name), {force: true});
	}
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it runs, as another user.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

export function startBeside(job: BesideJob): BesideBuild {
	const program = fs.existsSync(fileURLToPath(PROGRAM)) ? PROGRAM : null;
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
		async finish(onProgress, signal) {
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
	let listener: ((reply: BesideReply) => void) | null = null;
	const deliver = (reply: BesideReply) => {
		if (reply.type !== 'progress') {
			// The first word stands (the thread's exit after it says nothing new).
			if (latest) return;
			latest = reply;
		}
		listener?.(reply);
	};
	worker.on('message', deliver);
	worker.on('error', (error: Error) => deliver({type: 'failed', message: error.message}));
	worker.on('exit', (code) => deliver({type: 'failed', message: `the search index thread stopped (exit ${code})`}));
	/** Resolves with the thread's last word (built, stopped or failed), passing progress on meanwhile. */
	const ending = (onProgress: (indexed: number) => void) => new Promise<BesideReply>((resolve) => {
		if (latest) return resolve(latest);
		listener = (reply) => (reply.type === 'progress' ? onProgress(reply.indexed) : resolve(reply));
	});
	return {
		async finish(onProgress, signal) {
			const abort = () => worker.postMessage({type: 'stop'} satisfies BesideRequest);
			signal?.addEventListener('abort', abort);
			try {
				worker.postMessage({type: 'sync-done'} satisfies BesideRequest);
				const reply = await ending(onProgress);
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
