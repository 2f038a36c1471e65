// v5 of the index: what lets a Claude Code summary line title a session read in another file or sync.
// A summary names the last message it covers (its leaf) by uuid, and that message is usually in an older
// file, read by another parser or in an earlier sync; or in a newer one, not read yet.
// - summary_leaves: uuid → session for the messages that were a session's last when a batch was read (a
//   leaf is normally a conversation's last message), first seen kept; the oldest rows go past a bound.
// - summary_orphans: summaries whose leaf is not known yet, until it is read (also bounded).
// Both are rowid tables so the oldest rows are found by rowid when pruning.
export const SUMMARY_LEAVES_MIGRATION = `
	CREATE TABLE IF NOT EXISTS summary_leaves (
		source_id INTEGER NOT NULL,
		uuid TEXT NOT NULL,
		session_id TEXT NOT NULL,
		UNIQUE (source_id, uuid)
	);
	CREATE TABLE IF NOT EXISTS summary_orphans (
		source_id INTEGER NOT NULL,
		leaf_uuid TEXT NOT NULL,
		title TEXT NOT NULL,
		UNIQUE (source_id, leaf_uuid)
	);
`;
