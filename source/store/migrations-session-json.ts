/** The meta key saying every session has its stored row (sync-workspace.ts fills them after a sync until then). */
export const SESSION_JSON_FILLED = 'session-json-filled';

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
	DELETE FROM meta WHERE key = '${SESSION_JSON_FILLED}';
`;

// v11: a stored row is whole, its transcript details, subagent roll-up and parent_in_index included, so the
// report copies every row as it is whatever the source. Those fields change when another row does: a
// subagent written or removed changes its parent's roll-up, a parent arriving changes its waiting subagents'
// parent_in_index, and session_meta holds the cwd and branch. What changes them drops each row so made stale
// and clears the filled mark, so the sync's fill renders it again (until then the report closes every row
// itself). A sessions row is only written by the sessions repository, which does so for the rows of the
// family it writes (sessions-repo.ts: a trigger per insert made a first import of 2,400 files 8% slower);
// a delete, an update in place or a session_meta change, which are rarer, by these triggers. The tests
// check every one against rows rendered afresh.
const unfilled = `DELETE FROM meta WHERE key = '${SESSION_JSON_FILLED}';`;
export const SESSION_FAMILY_MIGRATION = `
	CREATE TRIGGER IF NOT EXISTS session_json_family_on_delete AFTER DELETE ON sessions
	WHEN old.parent_id IS NOT NULL OR EXISTS (SELECT 1 FROM sessions WHERE parent_id = old.id) BEGIN
		DELETE FROM session_json WHERE session_id = old.parent_id;
		DELETE FROM session_json WHERE session_id IN (SELECT id FROM sessions WHERE parent_id = old.id);
		${unfilled}
	END;
	CREATE TRIGGER IF NOT EXISTS session_json_family_on_update AFTER UPDATE ON sessions BEGIN
		DELETE FROM session_json WHERE session_id IN (old.parent_id, new.parent_id);
		DELETE FROM session_json WHERE session_id IN (SELECT id FROM sessions WHERE parent_id IN (old.id, new.id));
		${unfilled}
	END;
	CREATE TRIGGER IF NOT EXISTS session_json_meta_on_insert AFTER INSERT ON session_meta BEGIN
		DELETE FROM session_json WHERE session_id = new.session_id;
		${unfilled}
	END;
	CREATE TRIGGER IF NOT EXISTS session_json_meta_on_update AFTER UPDATE ON session_meta BEGIN
		DELETE FROM session_json WHERE session_id IN (old.session_id, new.session_id);
		${unfilled}
	END;
	CREATE TRIGGER IF NOT EXISTS session_json_meta_on_delete AFTER DELETE ON session_meta BEGIN
		DELETE FROM session_json WHERE session_id = old.session_id;
		${unfilled}
	END;
	DELETE FROM session_json WHERE session_id IN (SELECT session_id FROM session_meta)
		OR session_id IN (SELECT id FROM sessions WHERE parent_id IS NOT NULL)
		OR session_id IN (SELECT parent_id FROM sessions WHERE parent_id IS NOT NULL);
	${unfilled}
`;
