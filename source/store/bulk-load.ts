// A cold load of a large source (a first tapes sync of a million nodes, a first import of a large transcript
// root) writes faster into bare tables: the secondary indexes are dropped for the load and built once after
// it (one sorted pass instead of a random insert per row), and the index is not fsynced (`synchronous = OFF`)
// until the load is done. A meta flag says a load is under way, so a killed one resumes in the same mode and
// its next end builds the indexes; every query stays correct without them, only slower. WAL keeps what was
// committed through a process crash; a machine losing power mid-load may damage the index, which is then
// deleted and rebuilt.
import type {IndexDb} from './open-index.js';
import type {MetaRepo} from './meta-repo.js';
import {SORT_INDEXES_MIGRATION} from './migrations-sort.js';
import {MODEL_SUMS_INDEX, REPORT_INDEXES} from './migrations-report.js';
import {MESSAGES_CONSTRAINT_INDEX, MESSAGES_KEY_INDEX} from './migrations-messages-key.js';

/** The indexes only reads use (the messages' unique key is apart: writers rely on it, see ensureMessageKey). */
export const SECONDARY: ReadonlyArray<[name: string, create: string]> = [
	['messages_session', 'CREATE INDEX IF NOT EXISTS messages_session ON messages (session_id, ts);'],
	['sessions_start', 'CREATE INDEX IF NOT EXISTS sessions_start ON sessions (start_ms);'],
	['sessions_cost', 'CREATE INDEX IF NOT EXISTS sessions_cost ON sessions (total_cost);'],
	...SORT_INDEXES_MIGRATION.split('\n').map((sql): [string, string] => [/INDEX IF NOT EXISTS (\w+)/.exec(sql)![1]!, sql]),
	...REPORT_INDEXES,
	MODEL_SUMS_INDEX,
];

const flag = (sourceId: number) => `bulk-load:${Math.trunc(sourceId)}`;

export function inBulkLoad(meta: MetaRepo, sourceId: number): boolean {
	return meta.get(flag(sourceId)) !== undefined;
}

/** What a bulk load leaves out besides the sessions' indexes. */
export interface BulkDrops {
	/** messages_session: a transcript import re-reads a session's messages by it as it goes. */
	messages: boolean;
	/**
	 * The messages' unique key, where it is an index of its own (v12): a first tapes load, whose node hashes are
	 * unique in their source, places parents without it (sync/tapes-placements.ts); transcripts rely on it.
	 */
	key: boolean;
}

/** Drops the secondary indexes and marks the load; call inside a write transaction. */
export function beginBulkLoad(db: IndexDb, meta: MetaRepo, sourceId: number, drops: BulkDrops): void {
	for (const [name] of SECONDARY) if (drops.messages || name !== 'messages_session') db.exec(`DROP INDEX IF EXISTS ${name};`);
	if (drops.key) db.exec('DROP INDEX IF EXISTS messages_key;');
	meta.set(flag(sourceId), '1');
}

const keyChecks = new WeakMap<IndexDb, () => boolean>();

/** Whether the messages' unique key is there (as its own index, or as the constraint of an older table). */
export function hasMessageKey(db: IndexDb): boolean {
	let check = keyChecks.get(db);
	if (!check) {
		const count = db.prepare(`SELECT count(*) FROM sqlite_master WHERE name IN ('messages_key', '${MESSAGES_CONSTRAINT_INDEX}')`).pluck();
		keyChecks.set(db, (check = () => (count.get() as number) > 0));
	}
	return check();
}

/**
 * Builds the messages' unique key if a bulk load (of this process or another, or one killed) left it out. Every
 * write that relies on it calls this first in its transaction: INSERT OR IGNORE keeps a message once only with it.
 */
export function ensureMessageKey(db: IndexDb): void {
	if (!hasMessageKey(db)) db.exec(MESSAGES_KEY_INDEX);
}

/** Builds any secondary index that is missing (a no-op when all are there) but those named; call inside a write transaction. */
export function ensureSecondaryIndexes(db: IndexDb, except: readonly string[] = []): void {
	for (const [name, create] of SECONDARY) if (!except.includes(name)) db.exec(create);
}

/**
 * What a bulk load's end leaves for a later call: nothing, or the sessions' indexes (only reads use them) with
 * the messages' key, or with the messages' indexes both (the key and messages_session: see endBulkLoad).
 */
export type LeftForLater = 'nothing' | 'key' | 'messages';

/** What SQLite sorts an index's keys in before it spills them to a temporary file (it takes cache_size). */
const INDEX_BUILD_CACHE_KIB = 16_384;

/**
 * Builds the indexes and clears the mark; call inside a write transaction. The sorts run with a smaller cache:
 * sorting a million keys in the index's own 64 MB on top of its cache peaked the load at 440 MB.
 * `later`: what is left, the mark kept, for a later call that builds it and ends the load. A first tapes load
 * leaves the sessions' indexes until its session list is final (every query is right without them, and a sort of
 * its 20,000 sessions is quick; built, they took 0.8 s of a 1M-node list), the messages' key (nothing on screen
 * reads it, and its million hashes were the longest sort of the load), and messages_session too when it
 * summarizes its sessions without it.
 * Meanwhile every write that relies on the key builds it first (ensureMessageKey), a Timeline reads its
 * messages by a scan, and a sync killed before the later call finds the mark and ends the load itself.
 */
export function endBulkLoad(db: IndexDb, meta: MetaRepo, sourceId: number, later: LeftForLater = 'nothing'): void {
	const cache = db.pragma('cache_size', {simple: true}) as number;
	db.pragma(`cache_size = -${INDEX_BUILD_CACHE_KIB}`);
	try {
		if (later === 'nothing') {
			ensureMessageKey(db);
			ensureSecondaryIndexes(db);
		} else if (later === 'key') db.exec(SECONDARY.find(([name]) => name === 'messages_session')![1]);
	} finally {
		db.pragma(`cache_size = ${Number(cache)}`);
	}
	if (later === 'nothing') meta.delete(flag(sourceId));
}

/**
 * A cold tapes load's page cache, until its search index is copied in: slim nodes keep what it rewrites small,
 * and with the index's usual 64 MB next to the search thread's caches a 1M-node load peaked at 366–412 MB
 * (the peak came after the session list, when counting what the search index waits for filled the cache).
 */
export const BULK_CACHE_KIB = 32_768;

/** Runs `fn` with a pragma set to `value`, restoring the setting after. */
async function withPragma<T>(db: IndexDb, name: 'cache_size' | 'synchronous', value: string | number, fn: () => Promise<T>): Promise<T> {
	const before = db.pragma(name, {simple: true}) as number;
	db.pragma(`${name} = ${value}`);
	try {
		return await fn();
	} finally {
		db.pragma(`${name} = ${Number(before)}`);
	}
}

/** Runs `fn` with a page cache of `kib` KiB, restoring the setting after. */
export const withCache = <T>(db: IndexDb, kib: number, fn: () => Promise<T>): Promise<T> => withPragma(db, 'cache_size', -Math.trunc(kib), fn);

/** Runs `fn` with `synchronous = OFF`, restoring the setting after. */
export const unsynced = <T>(db: IndexDb, fn: () => Promise<T>): Promise<T> => withPragma(db, 'synchronous', 'OFF', fn);
