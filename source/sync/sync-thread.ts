// Runs the explorer's syncs on a worker thread. The explorer's thread keeps only the keys, the frames and
// the queries; the thread writes the index through its own connection (WAL: the explorer's reads never
// wait for it). Only the built program can start it (vitest cannot run a .ts file as a worker), so tests
// sync in-process and one end-to-end test runs the built CLI.
import {Worker} from 'node:worker_threads';
import {portablePricing, type PortablePricing} from '../config/price-catalog.js';
import type {PricingTable} from '../core/types.js';
import type {SourceInUse} from '../workspace/open-workspace.js';
import type {WorkspaceSync} from '../workspace/sync-workspace.js';
import {programFile} from '../program-files.js';

export interface SyncThreadData {
	indexPath: string;
	sources: SourceInUse[];
	/** The price table, its catalog as the data file the thread opens it from (functions do not cross to a thread). */
	pricing: PortablePricing;
}

/** What the thread needs to price as the explorer does. */
export function syncThreadData(ws: {indexPath: string; sources: SourceInUse[]; pricing: PricingTable}): SyncThreadData {
	return {indexPath: ws.indexPath, sources: ws.sources, pricing: portablePricing(ws.pricing)};
}

export type SyncThreadRequest = {type: 'sync'} | {type: 'abort'};
export type SyncThreadReply =
	| {type: 'progress'; read: number; total: number; unit: 'rows' | 'files' | 'sessions' | 'messages'}
	| {type: 'done'; result: WorkspaceSync}
	| {type: 'failed'; message: string};

export interface SyncThread {
	sync(onProgress: (read: number, total: number, unit: 'rows' | 'files' | 'sessions' | 'messages') => void, signal: AbortSignal): Promise<WorkspaceSync>;
	close(): Promise<void>;
}

/** The thread starts with the first sync and stays for the next ones. */
export function createSyncThread(data: SyncThreadData, program = programFile('sync/sync-thread-main.js')): SyncThread {
	let worker: Worker | null = null;
	let current: {onProgress: (read: number, total: number, unit: 'rows' | 'files' | 'sessions' | 'messages') => void; resolve(r: WorkspaceSync): void; reject(e: Error): void} | null = null;
	const start = () => {
		const w = new Worker(program, {workerData: data});
		w.on('message', (reply: SyncThreadReply) => {
			if (!current) return;
			if (reply.type === 'progress') return current.onProgress(reply.read, reply.total, reply.unit);
			const settle = current;
			current = null;
			if (reply.type === 'done') settle.resolve(reply.result);
			else settle.reject(new Error(reply.message));
		});
		const lost = (error: Error) => {
			worker = null;
			const settle = current;
			current = null;
			settle?.reject(error);
		};
		w.on('error', lost);
		w.on('exit', (code) => lost(new Error(`the sync thread stopped (exit ${code})`)));
		return w;
	};
	return {
		sync(onProgress, signal) {
			const w = (worker ??= start());
			return new Promise((resolve, reject) => {
				// One signal serves every run of the explorer's session: each run takes its listener off again, or
				// the eleventh refresh made Node print a MaxListenersExceededWarning across the screen.
				const onAbort = () => w.postMessage({type: 'abort'} satisfies SyncThreadRequest);
				const done = () => signal.removeEventListener('abort', onAbort);
				current = {
					onProgress,
					resolve: (r) => {
						done();
						resolve(r);
					},
					reject: (e) => {
						done();
						reject(e);
					},
				};
				signal.addEventListener('abort', onAbort, {once: true});
				w.postMessage({type: 'sync'} satisfies SyncThreadRequest);
			});
		},
		async close() {
			const w = worker;
			worker = null;
			if (w) await w.terminate();
		},
	};
}
