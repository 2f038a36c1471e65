// v8 of the index: each session's row of the JSON reports, rendered when its summary is written, so a warm
// `sessions --json` copies text instead of building 20,000 objects and their JSON. The sessions repo writes
// it after every summary; the triggers drop it whenever the sessions row is deleted or updated in place,
// so a stale rendering is never read (a missing one is rendered by the report, as before v8). A rowid table:
// rows of 1-3 KB spill out of a WITHOUT ROWID b-tree's pages (twice the size, slower to read).
export const SESSION_JSON_MIGRATION = `
	CREATE TABLE IF NOT EXISTS session_json (
		session_id TEXT PRIMARY KEY,
		json TEXT NOT NULL
	);
	CREATE TRIGGER IF NOT EXISTS session_json_on_delete AFTER DELETE ON sessions BEGIN
		DELETE FROM session_json WHERE session_id = old.id;
	END;
	CREATE TRIGGER IF NOT EXISTS session_json_on_update AFTER UPDATE ON sessions BEGIN
		DELETE FROM session_json WHERE session_id IN (old.id, new.id);
	END;
`;

// v10: session_json holds each session's whole JSON row (report/transcript-json.ts renderSessionRow), which
// a tapes session's report writes as it is. The v8 rows (its own fields alone) are dropped here and
// rendered again by the next sync (fillSessionJson); until then the report renders a missing row itself.
export const SESSION_ROW_MIGRATION = `
	DELETE FROM session_json;
	DELETE FROM meta WHERE key = 'session-json-filled';
`;
