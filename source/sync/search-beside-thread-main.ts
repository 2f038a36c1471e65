// The search index thread's program (built to dist/sync/search-beside-thread-main.js): builds the scratch
// index beside a cold tapes load (search-beside.ts) and says when it is done; the copy is the caller's.
import os from 'node:os';
import {parentPort, workerData} from 'node:worker_threads';
import {buildBeside, type BesideJob} from './search-beside.js';
import type {BesideReply, BesideRequest} from './search-beside-thread.js';

const job = workerData as BesideJob;
// The session list comes first: the thread runs at the lowest priority, so it takes only what the sync leaves
// of the cores (on Linux a thread's nice value is its own; elsewhere this may lower the process, or fail).
try {
	os.setPriority(19);
} catch {
	// Not allowed here: the build runs at the sync's priority.
}
const port = parentPort!;
const send = (reply: BesideReply) => port.postMessage(reply);
let syncDone = false;
let stopped = false;
let wake: (() => void) | null = null;
port.on('message', (request: BesideRequest) => {
	if (request.type === 'sync-done') syncDone = true;
	else stopped = true;
	wake?.();
});

// While it has caught up with the sync, it looks again every 50 ms (or at once when told the sync is done).
const wait = () => new Promise<void>((resolve) => {
	const timer = setTimeout(() => resolve(), 50);
	wake = () => {
		clearTimeout(timer);
		wake = null;
		resolve();
	};
});

try {
	const built = await buildBeside(job, {syncDone: () => syncDone, wait, stopped: () => stopped, progress: (indexed) => send({type: 'progress', indexed})});
	send(built ? {type: 'built', ...built} : {type: 'stopped'});
} catch (error) {
	send({type: 'failed', message: error instanceof Error ? error.message : String(error)});
}
