// The search index thread's program (built to dist/sync/search-beside-thread-main.js): builds the scratch
// index beside a cold tapes load (search-beside.ts) and says when it is done; the copy is the caller's. Asked
// for help, it names the rowid after which the caller reads the words, and takes them in order from there.
import os from 'node:os';
import {parentPort, workerData} from 'node:worker_threads';
import {buildBeside, type BesideJob} from './search-beside.js';
import type {DocBatch} from './search-beside-docs.js';
import {replyQueue} from './reply-queue.js';
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
/** Rows this thread still reads itself once help is asked for: the caller's first batch comes in meanwhile. */
const HANDOVER_ROWS = 4_000;
let syncDone = false;
let stopped = false;
let wake: (() => void) | null = null;
let lastTo = 0;
let fedFrom: number | null = null;
// The caller's batches past the hand-over, in order; null once it has sent them all (or the build is stopped).
const fed = replyQueue<DocBatch | null>();
port.on('message', (request: BesideRequest) => {
	if (request.type === 'sync-done') syncDone = true;
	else if (request.type === 'help') {
		fedFrom ??= lastTo + HANDOVER_ROWS;
		send({type: 'fed-from', after: fedFrom});
	} else if (request.type === 'docs') fed.push(request.batch);
	else if (request.type === 'docs-done') fed.push(null);
	else {
		stopped = true;
		fed.push(null);
	}
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
	const built = await buildBeside(job, {
		syncDone: () => syncDone, wait, stopped: () => stopped, fedFrom: () => fedFrom, fed: fed.next,
		reached: (to) => (lastTo = to),
		progress: (indexed, to) => send({type: 'progress', indexed, to}),
	});
	send(built ? {type: 'built', ...built} : {type: 'stopped'});
} catch (error) {
	send({type: 'failed', message: error instanceof Error ? error.message : String(error)});
}
