// A cold load of a large source (a first tapes sync of a million nodes, a first import of a large transcript
// root) writes faster into bare tables: the secondary indexes are dropped for the load and built once after
// it (one sorted pass instead of a random insert per row), and the index is not fsynced (`synchronous = OFF`) until the load is done. A meta flag
// says a load is under way, so a killed one resumes in the same mode and its next end builds the indexes;
// every query stays correct without them, only slower. WAL keeps what was committed through a process
// crash; a machine losing power mid-load may damage the index, which is then deleted and rebuilt.
import type {IndexDb} from './open-index.js';
import type {MetaRepo} from './meta-repo.js';
import {SORT_INDEXES_MIGRATION} from './migrations-sort.js';
import {REPORT_INDEXES} from './migrations-report.js';

/** The indexes only reads use (the UNIQUE key a sync looks its parents up by stays). */
const SECONDARY: ReadonlyArray<[name: string, create: string]> = [
	['messages_session', 'CREATE INDEX IF NOT EXISTS messages_session ON messages (session_id, ts);'],
	['sessions_start', 'CREATE INDEX IF NOT EXISTS sessions_start ON sessions (start_ms);'],
	['sessions_cost', 'CREATE INDEX IF NOT EXISTS sessions_cost ON sessions (total_cost);'],
	...SORT_INDEXES_MIGRATION.split('\n').map((sql): [string, string] => [/INDEX IF NOT EXISTS (\w+)/.exec(sql)![1]!, sql]),
	...REPORT_INDEXES,
];

const flag = (sourceId: number) => `bulk-load:${Math.trunc(sourceId)}`;

export function inBulkLoad(meta: MetaRepo, sourceId: number): boolean {
	return meta.get(flag(sourceId)) !== undefined;
}

/**
 * Drops the secondary indexes and marks the load; call inside a write transaction. `sessions`: only the
 * sessions' indexes (a transcript import re-reads a session's messages by messages_session as it goes).
 */
export function beginBulkLoad(db: IndexDb, meta: MetaRepo, sourceId: number, which: 'all' | 'sessions' = 'all'): void {
	for (const [name] of SECONDARY) if (which === 'all' || name.startsWith('sessions_')) db.exec(`DROP INDEX IF EXISTS ${name};`);
	meta.set(flag(sourceId), '1');
}

/** Builds any secondary index that is missing (a no-op when all are there); call inside a write transaction. */
export function ensureSecondaryIndexes(db: IndexDb): void {
	for (const [, create] of SECONDARY) db.exec(create);
}

/** Builds the indexes and clears the mark; call inside a write transaction. */
export function endBulkLoad(db: IndexDb, meta: MetaRepo, sourceId: number): void {
	ensureSecondaryIndexes(db);
	meta.delete(flag(sourceId));
}

/** Runs `fn` with `synchronous = OFF`, restoring the setting after. */
export async function unsynced<T>(db: IndexDb, fn: () => Promise<T>): Promise<T> {
	const before = db.pragma('synchronous', {simple: true}) as number;
	db.pragma('synchronous = OFF');
	try {
		return await fn();
	} finally {
		db.pragma(`synchronous = ${Number(before)}`);
	}
}
