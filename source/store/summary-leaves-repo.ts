// Summaries whose leaf message was read by another parser (another file, an earlier sync): the sessions of
// messages that may be leaves, and the summaries still waiting for theirs (migrations-leaves.ts).
// Call inside the sync's transaction, so a crash keeps both in step with the cursors.
import type {IndexDb} from './open-index.js';

/** Rows kept of each table, all sources together; past it the oldest go (a leaf row is about 100 bytes). */
export const SUMMARY_LEAF_LIMITS = {leaves: 200_000, orphans: 10_000};

export function createSummaryLeavesRepo(db: IndexDb, limits = SUMMARY_LEAF_LIMITS) {
	const addLeaf = db.prepare(`INSERT OR IGNORE INTO summary_leaves (source_id, uuid, session_id) VALUES (?, ?, ?)`);
	const sessionOf = db.prepare(`SELECT session_id FROM summary_leaves WHERE source_id = ? AND uuid = ?`).pluck();
	const park = db.prepare(`INSERT OR REPLACE INTO summary_orphans (source_id, leaf_uuid, title) VALUES (?, ?, ?)`);
	const anyParked = db.prepare(`SELECT 1 FROM summary_orphans WHERE source_id = ? LIMIT 1`).pluck();
	const unpark = db.prepare(`DELETE FROM summary_orphans WHERE source_id = ? AND leaf_uuid = ? RETURNING title`).pluck();
	const prunes = ([['summary_leaves', limits.leaves], ['summary_orphans', limits.orphans]] as const)
		.map(([table, keep]) => db.prepare(`DELETE FROM ${table} WHERE rowid <= (SELECT max(rowid) FROM ${table}) - ${Math.trunc(keep)}`));
	return {
		/** Records a message that may be a leaf; the session it was seen in first keeps it. */
		addLeaf(sourceId: number, uuid: string, sessionId: string): void {
			addLeaf.run(sourceId, uuid, sessionId);
		},
		sessionOf(sourceId: number, uuid: string): string | undefined {
			return sessionOf.get(sourceId, uuid) as string | undefined;
		},
		/** Keeps a summary until its leaf is read; a later summary of the same leaf replaces it. */
		park(sourceId: number, leafUuid: string, title: string): void {
			park.run(sourceId, leafUuid, title);
		},
		anyParked(sourceId: number): boolean {
			return anyParked.get(sourceId) !== undefined;
		},
		/** The summary waiting for this leaf, taken off the list; undefined when none waits. */
		unpark(sourceId: number, leafUuid: string): string | undefined {
			return unpark.get(sourceId, leafUuid) as string | undefined;
		},
		prune(): void {
			for (const st of prunes) st.run();
		},
	};
}

export type SummaryLeavesRepo = ReturnType<typeof createSummaryLeavesRepo>;
