// The project roll-up: one row per project, summed from the same filtered session rows as the session list.
// A project's cost, tokens and agent time include its subagents (they are rows of their own, so every row
// counts once); its session count and success rate count top-level sessions, as the explorer's KPIs do.
import type {SessionSummary} from './types.js';

export interface ProjectRow {
	project: string;
	/** Top-level sessions (no parent). */
	sessions: number;
	/** Subagent sessions (rows with a parent). */
	subagentSessions: number;
	/** The priced part of every row's cost, subagents included. */
	totalCost: number;
	/** Rows with tokens but no price at all (their cost is not in totalCost). */
	unpricedSessions: number;
	inputTokens: number;
	outputTokens: number;
	totalTokens: number;
	durationMs: number;
	toolCalls: number;
	/** The latest end time of any of its rows. */
	lastActiveMs: number;
	completed: number;
	failed: number;
	/** completed top-level sessions / top-level sessions (0 when there are none). */
	successRate: number;
}

export type ProjectSort = 'cost' | 'last-active' | 'sessions' | 'tokens' | 'project';

function emptyRow(project: string): ProjectRow {
	return {project, sessions: 0, subagentSessions: 0, totalCost: 0, unpricedSessions: 0, inputTokens: 0, outputTokens: 0,
		totalTokens: 0, durationMs: 0, toolCalls: 0, lastActiveMs: 0, completed: 0, failed: 0, successRate: 0};
}

/** Sums the rows per project; sorted by cost (largest first), then last active, then name. */
export function rollUpProjects(sessions: readonly SessionSummary[], sort: ProjectSort = 'cost'): ProjectRow[] {
	const byProject = new Map<string, ProjectRow>();
	for (const s of sessions) {
		let row = byProject.get(s.project);
		if (!row) byProject.set(s.project, row = emptyRow(s.project));
		if (s.parentId === null) {
			row.sessions++;
			if (s.status === 'completed') row.completed++;
			if (s.status === 'failed') row.failed++;
		} else row.subagentSessions++;
		if (s.totalCost === null) {
			if (s.totalTokens > 0) row.unpricedSessions++;
		} else row.totalCost += s.totalCost;
		row.inputTokens += s.inputTokens;
		row.outputTokens += s.outputTokens;
		row.totalTokens += s.totalTokens;
		row.durationMs += s.durationMs;
		row.toolCalls += s.toolCalls;
		row.lastActiveMs = Math.max(row.lastActiveMs, s.endMs);
	}
	const rows = [...byProject.values()];
	for (const r of rows) r.successRate = r.sessions ? r.completed / r.sessions : 0;
	return rows.sort(compareProjects(sort));
}

export function compareProjects(sort: ProjectSort): (a: ProjectRow, b: ProjectRow) => number {
	const tie = (a: ProjectRow, b: ProjectRow) => b.lastActiveMs - a.lastActiveMs || (a.project < b.project ? -1 : a.project > b.project ? 1 : 0);
	switch (sort) {
		case 'cost': return (a, b) => b.totalCost - a.totalCost || tie(a, b);
		case 'last-active': return tie;
		case 'sessions': return (a, b) => b.sessions - a.sessions || tie(a, b);
		case 'tokens': return (a, b) => b.totalTokens - a.totalTokens || tie(a, b);
		case 'project': return (a, b) => (a.project < b.project ? -1 : a.project > b.project ? 1 : 0);
		default: {
			const never: never = sort;
			return never;
		}
	}
}
