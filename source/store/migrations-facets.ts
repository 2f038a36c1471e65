// v3 of the index: facets and the facet worker's bookkeeping.
// One facet per session, keyed by the session's stable ID (it stays the same as the session grows),
// with what is needed to tell whether it is still current (messages_seen, prompt_version) and what it
// cost. Failures live in their own table so a later success can delete them in the same transaction.
export const FACETS_MIGRATION = `
	CREATE TABLE IF NOT EXISTS facets (
		session_id TEXT PRIMARY KEY,
		provider TEXT NOT NULL,
		model TEXT NOT NULL,
		prompt_version TEXT NOT NULL,
		messages_seen INTEGER NOT NULL,
		underlying_goal TEXT NOT NULL,
		goal_category TEXT NOT NULL,
		outcome TEXT NOT NULL,
		session_type TEXT NOT NULL,
		friction_types TEXT NOT NULL DEFAULT '[]',
		friction_detail TEXT NOT NULL DEFAULT '',
		brief_summary TEXT NOT NULL,
		input_tokens INTEGER NOT NULL DEFAULT 0,
		output_tokens INTEGER NOT NULL DEFAULT 0,
		cost_usd REAL,
		attempts INTEGER NOT NULL,
		retries INTEGER NOT NULL DEFAULT 0,
		duration_ms INTEGER NOT NULL,
		extracted_ms INTEGER NOT NULL
	) WITHOUT ROWID;
	CREATE TABLE IF NOT EXISTS facet_failures (
		session_id TEXT PRIMARY KEY,
		provider TEXT NOT NULL,
		model TEXT NOT NULL,
		prompt_version TEXT NOT NULL,
		messages_seen INTEGER NOT NULL,
		reason TEXT NOT NULL,
		attempts INTEGER NOT NULL,
		retries INTEGER NOT NULL DEFAULT 0,
		input_tokens INTEGER NOT NULL DEFAULT 0,
		output_tokens INTEGER NOT NULL DEFAULT 0,
		cost_usd REAL,
		failed_ms INTEGER NOT NULL
	) WITHOUT ROWID;
`;
