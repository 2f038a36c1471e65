// What transcript sources add to a session row beyond its summary: where it ran (cwd, git branch) and,
// for a parent, its subagents' totals. Each row's own figures stay its own, so summing rows never
// counts a subagent twice; the "incl. subagents" figures are separate fields.
import type {IndexDb} from '../store/open-index.js';
import {createSessionMetaRepo, type SessionMeta} from '../store/session-meta-repo.js';
import {createFileSessionsRepo, type SubagentTotals} from '../store/file-sessions-repo.js';

export interface SessionInfo {
	cwd: string;
	gitBranch: string;
	/** null when the session has no subagents. */
	subagents: SubagentTotals | null;
}

export type SessionInfoLookup = (ids: readonly string[]) => Map<string, SessionInfo>;

export function createSessionInfo(db: IndexDb): SessionInfoLookup {
	const meta = createSessionMetaRepo(db);
	const sessions = createFileSessionsRepo(db);
	// An index of tapes sessions only has neither: one look each (both are indexed) instead of two queries a page.
	const anyMeta = db.prepare(`SELECT EXISTS (SELECT 1 FROM session_meta)`).pluck();
	const anyChild = db.prepare(`SELECT EXISTS (SELECT 1 FROM sessions WHERE parent_id IS NOT NULL)`).pluck();
	return (ids) => {
		const out = new Map<string, SessionInfo>();
		const withMeta = anyMeta.get() === 1;
		const withChildren = anyChild.get() === 1;
		if (!withMeta && !withChildren) return out;
		const metas = withMeta ? meta.forSessions(ids) : new Map<string, SessionMeta>();
		const subs = withChildren ? sessions.subagentTotals(ids) : new Map<string, SubagentTotals>();
		for (const id of ids) {
			const m = metas.get(id);
			const s = subs.get(id) ?? null;
			if (m || s) out.set(id, {cwd: m?.cwd ?? '', gitBranch: m?.gitBranch ?? '', subagents: s});
		}
		return out;
	};
}

/** The cost including subagents: null only when neither the session nor any subagent could be priced. */
export function costWithSubagents(own: number | null, subs: SubagentTotals | null): number | null {
	if (!subs || subs.totalCost === null) return own;
	return (own ?? 0) + subs.totalCost;
}
