// Every write to the index goes through here: a cron `tapedeck sync` may run beside an open explorer, and
// a deferred transaction that reads before it writes fails at once (SQLITE_BUSY, no waiting) when another
// process committed in between. BEGIN IMMEDIATE takes the write lock first, so SQLite's busy timeout waits
// for the other writer; past that, the whole transaction is retried with backoff before the error stands.
import type Database from 'better-sqlite3';

/** Retries after the busy timeout ran out; each waits longer (with jitter) before trying again. */
const RETRIES = 2;
const BACKOFF_MS = [200, 800];

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** Blocks the thread: transactions are synchronous (better-sqlite3), so the retry cannot await. */
function sleepSync(ms: number): void {
	Atomics.wait(sleeper, 0, 0, ms);
}

export function isBusy(error: unknown): boolean {
	const code = (error as {code?: unknown} | null)?.code;
	return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** Like db.transaction(fn), but BEGIN IMMEDIATE, retried with backoff while another process holds the lock. */
export function writeTransaction<A extends unknown[], R>(db: Database.Database, fn: (...args: A) => R): (...args: A) => R {
	const tx = db.transaction(fn);
	return (...args: A): R => {
		for (let attempt = 0; ; attempt++) {
			try {
				return tx.immediate(...args);
			} catch (error) {
				// Nested in another transaction, the lock is already ours: a busy error there is not retried.
				if (!isBusy(error) || attempt >= RETRIES || db.inTransaction) throw error;
				sleepSync(BACKOFF_MS[attempt]! * (0.5 + Math.random()));
			}
		}
	};
}
