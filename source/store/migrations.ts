// Index schema, versioned with PRAGMA user_version. Each step is idempotent and runs in one transaction.
// Steps are appended, never edited once released: v2 belongs to the transcript sources, v3 to facets,
// v4 indexes the sortable columns, v5 lets summary titles find their session across files and syncs,
// v6 stores per-quarter-hour usage and per-session notes (price source, status reason),
// v7 is the full-text search index, v8 the pre-rendered JSON of each session's report row, v9 the reports'
// covering indexes, v10-v11 the rows' stored details and family, v12 the messages' droppable unique key, v13
// the per-model sums' covering index. A step is SQL, or a function when what it does depends on what the
// index holds.
import type {IndexDb} from './open-index.js';
import {SOURCES_MIGRATION} from './migrations-sources.js';
import {FACETS_MIGRATION} from './migrations-facets.js';
import {SORT_INDEXES_MIGRATION} from './migrations-sort.js';
import {SUMMARY_LEAVES_MIGRATION} from './migrations-leaves.js';
import {USAGE_BUCKETS_MIGRATION} from './migrations-usage.js';
import {SEARCH_MIGRATION} from './migrations-search.js';
import {SESSION_FAMILY_MIGRATION, SESSION_JSON_MIGRATION, SESSION_ROW_MIGRATION} from './migrations-session-json.js';
import {MODEL_SUMS_INDEX, REPORT_INDEXES_MIGRATION} from './migrations-report.js';
import {messagesKeyMigration} from './migrations-messages-key.js';

export const MIGRATIONS: ReadonlyArray<string | ((db: IndexDb) => void)> = [
	// v1: sources, file cursors, per-message facts, per-session summaries and their per-model and per-tool rows.
	`
	CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
	CREATE TABLE IF NOT EXISTS sources (
		id INTEGER PRIMARY KEY,
		kind TEXT NOT NULL,
		path TEXT NOT NULL,
		last_sync_ms INTEGER,
		last_error TEXT,
		warnings TEXT NOT NULL DEFAULT '[]',
		UNIQUE (kind, path)
	);
	CREATE TABLE IF NOT EXISTS cursors (
		source_id INTEGER NOT NULL,
		file TEXT NOT NULL,
		size INTEGER NOT NULL DEFAULT 0,
		mtime_ms REAL NOT NULL DEFAULT 0,
		ino INTEGER NOT NULL DEFAULT 0,
		offset INTEGER NOT NULL DEFAULT 0,
		last_rowid INTEGER NOT NULL DEFAULT 0,
		rows INTEGER NOT NULL DEFAULT 0,
		PRIMARY KEY (source_id, file)
	) WITHOUT ROWID;
	-- One row per message. The facts a summary needs are one positional JSON array (see messages-repo.ts):
	-- they are only ever read back whole, and binding two dozen columns per row made sync twice as slow.
	CREATE TABLE IF NOT EXISTS messages (
		source_id INTEGER NOT NULL,
		id TEXT NOT NULL,
		session_id TEXT NOT NULL,
		parent_id TEXT,
		seq INTEGER NOT NULL,
		ts REAL NOT NULL,
		model TEXT NOT NULL,
		facts TEXT NOT NULL,
		body TEXT,
		UNIQUE (source_id, id)
	);
	CREATE INDEX IF NOT EXISTS messages_session ON messages (session_id, ts);
	CREATE TABLE IF NOT EXISTS sessions (
		id TEXT PRIMARY KEY,
		source_id INTEGER NOT NULL,
		source TEXT NOT NULL,
		label TEXT NOT NULL,
		project TEXT NOT NULL,
		agent TEXT NOT NULL,
		model TEXT NOT NULL,
		models TEXT NOT NULL,
		provider TEXT NOT NULL,
		status TEXT NOT NULL,
		start_ms REAL NOT NULL,
		end_ms REAL NOT NULL,
		duration_ms REAL NOT NULL,
		message_count INTEGER NOT NULL,
		tool_calls INTEGER NOT NULL,
		tool_errors INTEGER NOT NULL,
		input_tokens INTEGER NOT NULL,
		output_tokens INTEGER NOT NULL,
		cache_read_tokens INTEGER NOT NULL,
		cache_write_tokens INTEGER NOT NULL,
		total_tokens INTEGER NOT NULL,
		input_cost REAL NOT NULL,
		output_cost REAL NOT NULL,
		total_cost REAL,
		cost_source TEXT NOT NULL,
		unpriced_tokens INTEGER NOT NULL,
		parent_id TEXT,
		sub_session_count INTEGER NOT NULL,
		leaf_id TEXT NOT NULL,
		updated_ms INTEGER NOT NULL
	);
	CREATE INDEX IF NOT EXISTS sessions_start ON sessions (start_ms);
	CREATE INDEX IF NOT EXISTS sessions_cost ON sessions (total_cost);
	CREATE TABLE IF NOT EXISTS session_models (
		session_id TEXT NOT NULL,
		model TEXT NOT NULL,
		base_input INTEGER NOT NULL,
		input INTEGER NOT NULL,
		output INTEGER NOT NULL,
		cache_write INTEGER NOT NULL,
		cache_write_1h INTEGER NOT NULL,
		cache_read INTEGER NOT NULL,
		messages INTEGER NOT NULL,
		PRIMARY KEY (session_id, model)
	) WITHOUT ROWID;
	CREATE TABLE IF NOT EXISTS session_tools (
		session_id TEXT NOT NULL,
		tool TEXT NOT NULL,
		calls INTEGER NOT NULL,
		errors INTEGER NOT NULL,
		PRIMARY KEY (session_id, tool)
	) WITHOUT ROWID;
	`,
	SOURCES_MIGRATION,
	FACETS_MIGRATION,
	SORT_INDEXES_MIGRATION,
	SUMMARY_LEAVES_MIGRATION,
	USAGE_BUCKETS_MIGRATION,
	SEARCH_MIGRATION,
	SESSION_JSON_MIGRATION,
	REPORT_INDEXES_MIGRATION,
	SESSION_ROW_MIGRATION,
	SESSION_FAMILY_MIGRATION,
	messagesKeyMigration,
	MODEL_SUMS_INDEX[1],
];
