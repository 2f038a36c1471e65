// v6 of the index: what a session's figures rest on, stored at sync so reports never price again.
// - usage_buckets: tokens, cost and cache saving per session, model and quarter hour of the messages'
//   own timestamps; per-day figures in any zone and cost by model add these up.
// - session_notes: which price layers priced a session, why it got its status, and how many tool calls
//   the user declined (friction, not errors).
// - session_meta.task_title: a subagent's title from the parent's Task/Agent call (its description).
// - session_models.cost and cache_saving: each model's cost as priced at sync (null: unpriced), so cost by
//   model is one query over the rows it already read.
export const USAGE_BUCKETS_MIGRATION = `
	CREATE TABLE IF NOT EXISTS usage_buckets (
		session_id TEXT NOT NULL,
		start_ms INTEGER NOT NULL,
		model TEXT NOT NULL,
		input INTEGER NOT NULL,
		output INTEGER NOT NULL,
		cache_read INTEGER NOT NULL,
		cache_write INTEGER NOT NULL,
		cost REAL,
		cache_saving REAL NOT NULL,
		messages INTEGER NOT NULL,
		PRIMARY KEY (session_id, start_ms, model)
	) WITHOUT ROWID;
	CREATE TABLE IF NOT EXISTS session_notes (
		session_id TEXT PRIMARY KEY,
		price_source TEXT NOT NULL,
		status_reason TEXT NOT NULL,
		rejections INTEGER NOT NULL
	) WITHOUT ROWID;
	ALTER TABLE session_meta ADD COLUMN task_title TEXT NOT NULL DEFAULT '';
	ALTER TABLE session_models ADD COLUMN cost REAL;
	ALTER TABLE session_models ADD COLUMN cache_saving REAL;
	DELETE FROM meta WHERE key = 'pricing';
`;
