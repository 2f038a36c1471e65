// The search thread's own program (built to dist/workspace/session-match-thread-main.js): it opens the
// index read-only and answers `/`'s "which sessions match" queries (see session-match-thread.ts).
import fs from 'node:fs';
import os from 'node:os';
import {parentPort, workerData} from 'node:worker_threads';
import {serveSessionMatches} from './session-match-thread.js';

/** Its slices are long: nothing waits between them but a cancel. */
const SLICE_MS = 50;

// On Linux a thread has its own nice value: keys and frames on the explorer's thread come first.
try {
	const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
	if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, 5);
} catch {
	// Not Linux, or not allowed: the thread competes as an equal.
}

serveSessionMatches(parentPort!, (workerData as {indexPath: string}).indexPath, SLICE_MS);
