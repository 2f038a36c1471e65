// What transcripts say about a session besides its messages: titles, working directory, git branch and,
// for a subagent, its parent session. Patches only overwrite the fields they carry.
import type {IndexDb} from './open-index.js';

export interface SessionMeta {
	sessionId: string;
	customTitle: string;
	aiTitle: string;
	summaryTitle: string;
	taskTitle: string;
	cwd: string;
	gitBranch: string;
	parentId: string | null;
	agentId: string;
}

export type SessionPatch = {sessionId: string} & Partial<Omit<SessionMeta, 'sessionId'>>;

interface MetaRow {
	session_id: string;
	custom_title: string;
	ai_title: string;
	summary_title: string;
	task_title: string;
	cwd: string;
	git_branch: string;
	parent_id: string | null;
	agent_id: string;
}

const toMeta = (r: MetaRow): SessionMeta => ({
	sessionId: r.session_id,
	customTitle: r.custom_title,
	aiTitle: r.ai_title,
	summaryTitle: r.summary_title,
	taskTitle: r.task_title ?? '',
	cwd: r.cwd,
	gitBranch: r.git_branch,
	parentId: r.parent_id,
	agentId: r.agent_id,
});

const FIELDS = ['customTitle', 'aiTitle', 'summaryTitle', 'taskTitle', 'cwd', 'gitBranch', 'parentId', 'agentId'] as const;

export function createSessionMetaRepo(db: IndexDb) {
	const get = db.prepare(`SELECT * FROM session_meta WHERE session_id = ?`);
	const put = db.prepare(`INSERT OR REPLACE INTO session_meta (session_id, custom_title, ai_title, summary_title, task_title, cwd,
		git_branch, parent_id, agent_id) VALUES (@sessionId, @customTitle, @aiTitle, @summaryTitle, @taskTitle, @cwd, @gitBranch, @parentId, @agentId)`);
	const many = db.prepare(`SELECT * FROM session_meta WHERE session_id IN (SELECT value FROM json_each(?))`);
	const children = db.prepare(`SELECT count(*) FROM sessions WHERE parent_id = ?`).pluck();
	const repo = {
		get(sessionId: string): SessionMeta | undefined {
			const row = get.get(sessionId) as MetaRow | undefined;
			return row ? toMeta(row) : undefined;
		},
		/** Applies the fields the patch carries; returns true when anything changed. Call inside a transaction. */
		apply(patch: SessionPatch): boolean {
			const before = repo.get(patch.sessionId);
			const next: SessionMeta = before ?? {sessionId: patch.sessionId, customTitle: '', aiTitle: '', summaryTitle: '', taskTitle: '', cwd: '', gitBranch: '', parentId: null, agentId: ''};
			let changed = before === undefined;
			for (const field of FIELDS) {
				const value = patch[field];
				if (value === undefined || value === next[field]) continue;
				(next as unknown as Record<string, unknown>)[field] = value;
				changed = true;
			}
			if (changed) put.run(next);
			return changed;
		},
		forSessions(ids: readonly string[]): Map<string, SessionMeta> {
			if (ids.length === 0) return new Map();
			return new Map((many.all(JSON.stringify(ids)) as MetaRow[]).map((r) => [r.session_id, toMeta(r)]));
		},
		childCount(sessionId: string): number {
			return children.get(sessionId) as number;
		},
	};
	return repo;
}

export type SessionMetaRepo = ReturnType<typeof createSessionMetaRepo>;
