// `--demo`: writes the demo sessions into a real tapes-schema database, which the explorer then
// opens through the same read-only tapes reader as any user's data. Mirrors the reference's
// SeedDemo (errors worded the same) and fixes its overwrite leaving stale -wal/-shm files behind.
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { type TapesNodeRecord, createTapesSchema, formatTapesTimestamp, insertTapesNode, nodeHash, tapesBucket } from '../tapes/schema.js';
import { type DemoSessionSpec, parentIndex } from './demo-spec.js';
import { extraDemoSessions } from './extra-sessions.js';
import { REFERENCE_DEMO_SESSIONS } from './reference-sessions.js';

export { REFERENCE_DEMO_SESSIONS } from './reference-sessions.js';
export { extraDemoSessions } from './extra-sessions.js';
export type { DemoNodeSpec, DemoSessionSpec } from './demo-spec.js';

/** Name of the demo's folder; where it lives is the CLI's decision. */
export const DEMO_DIR_NAME = 'demo';

export interface SeedDemoOptions {
	overwrite: boolean;
	/** Epoch ms the session times are relative to (default: Date.now()). */
	now?: number;
}

/** The reference seven, then the generated sessions. */
export function demoSessions(): DemoSessionSpec[] {
	return [...REFERENCE_DEMO_SESSIONS, ...extraDemoSessions()];
}

/** The tapes rows a session becomes at `now`: parents first, hashes chained as tapes chains them. */
export function sessionNodeRecords(spec: DemoSessionSpec, now: number): TapesNodeRecord[] {
	const start = now - spec.startAgoMs;
	const records: TapesNodeRecord[] = [];
	spec.nodes.forEach((node, i) => {
		const parent = parentIndex(spec, i);
		const parentHash = parent >= 0 ? (records[parent]?.hash ?? null) : null;
		const content = node.blocks;
		const bucketFields = { role: node.role, content, model: node.model, provider: node.provider, agentName: spec.agentName };
		const prompt = node.promptTokens;
		const completion = node.completionTokens;
		records.push({
			hash: nodeHash(parentHash, tapesBucket(bucketFields)),
			parentHash,
			role: node.role,
			content,
			model: node.model,
			provider: node.provider,
			agentName: spec.agentName,
			project: spec.project,
			stopReason: node.stopReason,
			promptTokens: prompt,
			completionTokens: completion,
			totalTokens: prompt === null && completion === null ? null : (prompt ?? 0) + (completion ?? 0),
			cacheCreation: node.cacheCreation,
			cacheRead: node.cacheRead,
			totalDurationNs: node.totalDurationMs === null ? null : node.totalDurationMs * 1e6,
			promptDurationNs: node.promptDurationMs === null ? null : node.promptDurationMs * 1e6,
			createdAt: formatTapesTimestamp(start + node.atMs),
		});
	});
	return records;
}

/**
 * Seeds the demo database at `dbPath`. Throws Error with the reference's messages: a directory
 * path, or a database that already holds nodes without `overwrite`. An existing empty file is fine.
 */
export function seedDemo(dbPath: string, opts: SeedDemoOptions): { sessions: number; messages: number } {
	prepareSqlitePath(dbPath, opts.overwrite);
	const now = opts.now ?? Date.now();
	const db = new Database(dbPath);
	try {
		try {
			createTapesSchema(db);
		} catch (err) {
			// e.g. an existing file that is not SQLite: say which file, not just "file is not a database".
			throw new Error(`sqlite database ${dbPath}: ${err instanceof Error ? err.message : String(err)}`);
		}
		if (!opts.overwrite && db.prepare('SELECT 1 FROM nodes LIMIT 1').get() !== undefined) {
			throw new Error(`sqlite database already has data: ${dbPath} (use --overwrite)`);
		}
		const sessions = demoSessions();
		const insert = insertTapesNode(db);
		let messages = 0;
		db.transaction(() => {
			for (const spec of sessions) {
				for (const record of sessionNodeRecords(spec, now)) {
					insert(record);
					messages++;
				}
			}
		})();
		return { sessions: sessions.length, messages };
	} finally {
		db.close();
	}
}

function prepareSqlitePath(dbPath: string, overwrite: boolean): void {
	let isDirectory = false;
	try {
		isDirectory = statSync(dbPath).isDirectory();
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
			throw new Error(`stat sqlite database: ${err instanceof Error ? err.message : String(err)}`);
		}
	}
	if (isDirectory) throw new Error(`sqlite path is a directory: ${dbPath}`);
	if (overwrite) {
		// Stale -wal/-shm files next to a fresh database would be replayed into it.
		for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(dbPath + suffix, { force: true });
	}
	mkdirSync(path.dirname(dbPath), { recursive: true });
}

export type SeedDemo = typeof seedDemo;
