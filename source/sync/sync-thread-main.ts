// The sync thread's own program (built to dist/sync/sync-thread-main.js): it opens the index itself and
// runs the same syncWorkspace the explorer would, so a first import's parsing and commits never hold up
// the explorer's keys and frames. It talks only through messages (see sync-thread.ts).
import fs from 'node:fs';
import os from 'node:os';
import {parentPort, workerData} from 'node:worker_threads';
import {openIndex} from '../store/open-index.js';
import {createIndexStore} from '../store/index-store.js';
import {syncWorkspace} from '../workspace/sync-workspace.js';
import {pricingFromPortable} from '../config/price-catalog.js';
import {createServerConnections} from '../workspace/server-sources.js';
import type {SyncThreadData, SyncThreadReply, SyncThreadRequest} from './sync-thread.js';

/**
 * On Linux a thread has its own nice value: this one yields the CPU to the explorer's thread, so keys and
 * frames come first on a busy machine and the import uses what is left. Elsewhere it runs as it is.
 */
function lowerPriority(): void {
	try {
		const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
		if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, 10);
	} catch {
		// Not Linux, or not allowed: the import simply competes as an equal.
	}
}

lowerPriority();
const data = workerData as SyncThreadData;
const port = parentPort!;
const send = (reply: SyncThreadReply) => port.postMessage(reply);
const opened = openIndex(data.indexPath);
// Tapes servers stay connected between refreshes (closed with the thread).
const servers = createServerConnections();
let abort: AbortController | null = null;

port.on('message', (request: SyncThreadRequest) => {
	if (request.type === 'abort') {
		abort?.abort();
		return;
	}
	if (!opened.ok) {
		send({type: 'done', result: {summaries: [], errors: [opened.error], indexError: opened.error}});
		return;
	}
	const pricing = pricingFromPortable(data.pricing);
	const ws = {store: createIndexStore(opened.db), sources: data.sources, pricing, indexPath: data.indexPath, servers};
	abort = new AbortController();
	syncWorkspace(ws, (p) => send({type: 'progress', read: p.read, total: p.total, unit: p.unit ?? 'rows'}), abort.signal)
		.then((result) => send({type: 'done', result}), (error: unknown) => send({type: 'failed', message: error instanceof Error ? error.message : String(error)}));
});
