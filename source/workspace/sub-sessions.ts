// A session's sub-sessions (subagents), read from the index by parent: the Timeline lists them under `o`
// and the Markdown export names them, so both ask here and count the same rows.
import {SESSION_COLUMNS, toSummary, type SessionRow} from '../store/session-row.js';
import type {SessionSummary} from '../core/types.js';
import type {Workspace} from './open-workspace.js';

// Prepared once per workspace, not once per call.
const prepared = new WeakMap<Workspace, {all(id: string): unknown[]}>();

/** The sessions whose parent is `id`, oldest first. */
export function subSessionsOf(ws: Workspace, id: string): SessionSummary[] {
	let children = prepared.get(ws);
	if (!children) {
		children = ws.store.db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE parent_id = ? ORDER BY start_ms`);
		prepared.set(ws, children);
	}
	return (children.all(id) as SessionRow[]).map(toSummary);
}
