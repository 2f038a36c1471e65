// v2 of the index: tables the transcript sources (Claude Code, Codex, PromptKit) need.
// - session_meta: what a transcript says about a session besides its messages (titles, cwd, git branch,
//   the parent of a subagent). Labels are derived from it at summary time, so a later title wins without
//   re-reading any message.
// - file_state: per transcript file, the reader's state to resume from the cursor's offset (e.g. the
//   Codex model of the current turn), a fingerprint of the file's head to notice a replaced file, and the
//   problems found in it (kept per file so a re-read replaces them instead of counting them twice).
// - sessions_parent: the subagent roll-up ("incl. subagents") is summed at query time by parent, so it
//   can never go stale after a re-price.
export const SOURCES_MIGRATION = `
	CREATE TABLE IF NOT EXISTS session_meta (
		session_id TEXT PRIMARY KEY,
		custom_title TEXT NOT NULL DEFAULT '',
		ai_title TEXT NOT NULL DEFAULT '',
		summary_title TEXT NOT NULL DEFAULT '',
		cwd TEXT NOT NULL DEFAULT '',
		git_branch TEXT NOT NULL DEFAULT '',
		parent_id TEXT,
		agent_id TEXT NOT NULL DEFAULT ''
	) WITHOUT ROWID;
	CREATE TABLE IF NOT EXISTS file_state (
		source_id INTEGER NOT NULL,
		file TEXT NOT NULL,
		head TEXT NOT NULL DEFAULT '',
		state TEXT NOT NULL DEFAULT 'null',
		problems TEXT NOT NULL DEFAULT '[]',
		PRIMARY KEY (source_id, file)
	) WITHOUT ROWID;
	CREATE INDEX IF NOT EXISTS sessions_parent ON sessions (parent_id) WHERE parent_id IS NOT NULL;
`;
