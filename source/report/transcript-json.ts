// The fields transcript sources add to a session row in --json and --csv. A row's own token and cost
// fields stay its own; a parent's subagents are in separate fields, so summing rows counts nothing twice.
import type {SessionSummary} from '../core/types.js';
import {costWithSubagents, type SessionInfo} from '../workspace/session-info.js';

export function transcriptJson(s: Pick<SessionSummary, 'totalTokens' | 'totalCost'>, info: SessionInfo | undefined) {
	const subs = info?.subagents ?? null;
	return {
		cwd: info?.cwd || null,
		git_branch: info?.gitBranch || null,
		subagent_sessions: subs?.sessions ?? 0,
		subagent_input_tokens: subs?.inputTokens ?? 0,
		subagent_output_tokens: subs?.outputTokens ?? 0,
		subagent_total_tokens: subs?.totalTokens ?? 0,
		/** null when the session has no subagents, or none of them could be priced. */
		subagent_total_cost: subs?.totalCost ?? null,
		subagent_unpriced_sessions: subs?.unpricedSessions ?? 0,
		total_tokens_incl_subagents: s.totalTokens + (subs?.totalTokens ?? 0),
		total_cost_incl_subagents: costWithSubagents(s.totalCost, subs),
	};
}
