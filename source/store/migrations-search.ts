// v7 of the index: full-text search over what messages say (see core/search-text.ts for what is indexed).
// - message_search: FTS5, contentless (the words' positions only, no copy of the text: the bodies already
//   live in `messages.body` or, for tapes, in the source), keyed by the messages row's rowid. Rows can be
//   deleted by rowid (contentless_delete), which a re-read transcript needs.
// - search_sources: per source whether it is indexed ('on', or 'off' when asked with --no-search-index),
//   and which of its older messages still wait to be indexed: rowids in (done_to, backfill_to]. Sources
//   known before this step get every message they had; sync indexes new messages as it stores them.
/** The full-text table and its settings (also what sync/search-beside.ts builds in a scratch file). */
export const SEARCH_TABLE = `
	CREATE VIRTUAL TABLE IF NOT EXISTS message_search USING fts5(
		text, thinking, tool,
		content = '', contentless_delete = 1,
		tokenize = 'unicode61 remove_diacritics 2'
	);
	-- Ranking: text weighs most, thinking a little less, tool arguments and results (long, full of code) least.
	INSERT INTO message_search (message_search, rank) VALUES ('rank', 'bm25(1.0, 0.8, 0.5)');
	-- Merge segments 8 at a time instead of 4: sync writes one segment per transaction, and merging them
	-- half as often is most of what indexing costs on disk (queries read a few more segments).
	INSERT INTO message_search (message_search, rank) VALUES ('automerge', 8);
`;

export const SEARCH_MIGRATION = `${SEARCH_TABLE}	CREATE TABLE IF NOT EXISTS search_sources (
		source_id INTEGER PRIMARY KEY,
		state TEXT NOT NULL DEFAULT 'on',
		backfill_to INTEGER NOT NULL DEFAULT 0,
		done_to INTEGER NOT NULL DEFAULT 0
	);
	INSERT OR IGNORE INTO search_sources (source_id, state, backfill_to, done_to)
		SELECT id, 'on', (SELECT coalesce(max(rowid), 0) FROM messages), 0 FROM sources;
`;
