// v4 of the index: an index per sortable column, so sorting 100,000 sessions by any column is an index walk.
export const SORT_INDEXES_MIGRATION = `
	CREATE INDEX IF NOT EXISTS sessions_label ON sessions (label COLLATE NOCASE);
	CREATE INDEX IF NOT EXISTS sessions_project ON sessions (project COLLATE NOCASE);
	CREATE INDEX IF NOT EXISTS sessions_agent ON sessions (agent COLLATE NOCASE);
	CREATE INDEX IF NOT EXISTS sessions_model ON sessions (model);
	CREATE INDEX IF NOT EXISTS sessions_status ON sessions (status);
	CREATE INDEX IF NOT EXISTS sessions_duration ON sessions (duration_ms);
	CREATE INDEX IF NOT EXISTS sessions_messages ON sessions (message_count);
	CREATE INDEX IF NOT EXISTS sessions_tools ON sessions (tool_calls);
	CREATE INDEX IF NOT EXISTS sessions_tokens ON sessions (total_tokens);
	CREATE INDEX IF NOT EXISTS sessions_source ON sessions (source_id);
`;
