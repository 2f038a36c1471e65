// The fields transcript sources add to a session row in --json and --csv. A row's own token and cost
// fields stay its own; a parent's subagents are in separate fields, so summing rows counts nothing twice.
import type {SessionSummary} from '../core/types.js';
import {costWithSubagents, type SessionInfo} from '../workspace/session-info.js';
import {toJson} from './json.js';
import {renderSessionJson} from './session-json.js';

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

/** A number as JSON.stringify writes it (non-finite: null). */
const jsonNumber = (v: number | null) => (v === null || !Number.isFinite(v) ? 'null' : String(v));

/**
 * `toJson({...transcriptJson(s, info), parent_in_index})` byte for byte, written directly: the JSON report
 * closes each of 20,000 stored rows with it, and building and stringifying the object was a third of
 * the report's own time. The strings (cwd, branch) still go through the JSON writer.
 */
export function transcriptJsonText(s: Pick<SessionSummary, 'totalTokens' | 'totalCost'>, info: SessionInfo | undefined, parentInIndex: boolean | null): string {
	const subs = info?.subagents ?? null;
	const text = (v: string | undefined) => (v ? toJson(v) : 'null');
	return `{"cwd":${text(info?.cwd)},"git_branch":${text(info?.gitBranch)},"subagent_sessions":${jsonNumber(subs?.sessions ?? 0)},` +
		`"subagent_input_tokens":${jsonNumber(subs?.inputTokens ?? 0)},"subagent_output_tokens":${jsonNumber(subs?.outputTokens ?? 0)},` +
		`"subagent_total_tokens":${jsonNumber(subs?.totalTokens ?? 0)},"subagent_total_cost":${jsonNumber(subs?.totalCost ?? null)},` +
		`"subagent_unpriced_sessions":${jsonNumber(subs?.unpricedSessions ?? 0)},` +
		`"total_tokens_incl_subagents":${jsonNumber(s.totalTokens + (subs?.totalTokens ?? 0))},` +
		`"total_cost_incl_subagents":${jsonNumber(costWithSubagents(s.totalCost, subs))},"parent_in_index":${parentInIndex === null ? 'null' : String(parentInIndex)}}`;
}

/** `{a}` + `{b}` joined at the brace: the JSON of the merged object (the two share no key). */
const joinObjects = (a: string, b: string) => `${a.slice(0, -1)},${b.slice(1)}`;

/** What a session's JSON row adds to its own fields (store/session-row-details.ts reads them for one session). */
export interface RowDetails {
	info: SessionInfo | undefined;
	/** null for a session without a parent. */
	parentInIndex: boolean | null;
}

/** A session with no transcript details, no subagents and no parent: every tapes session. */
export const NO_DETAILS: RowDetails = {info: undefined, parentInIndex: null};

/**
 * What session-info.ts would say of a session, from the columns of session_meta and the subagent roll-up
 * (`sessions` null when it has no subagents); undefined when it has neither.
 */
export function infoFromColumns(cwd: string | null, gitBranch: string | null, sessions: number | null, inputTokens: number | null,
	outputTokens: number | null, totalTokens: number | null, totalCost: number | null, unpricedSessions: number | null): SessionInfo | undefined {
	const subagents = sessions === null ? null : {sessions, inputTokens: inputTokens!, outputTokens: outputTokens!, totalTokens: totalTokens!, totalCost, unpricedSessions: unpricedSessions!};
	return cwd === null && subagents === null ? undefined : {cwd: cwd ?? '', gitBranch: gitBranch ?? '', subagents};
}

/**
 * What session_json stores (v11): the session's whole row in the JSON reports, its transcript details,
 * subagents and parent_in_index included, so the report writes every stored row as it is. Rows stored
 * before v11 for tapes sessions (no details) read the same; the others were dropped by its migration.
 */
export function renderSessionRow(s: SessionSummary, details: RowDetails = NO_DETAILS): string {
	return joinObjects(renderSessionJson(s), transcriptJsonText(s, details.info, details.parentInIndex));
}

/** A stored row (renderSessionRow) with the fields that depend on other sessions put in for this one. */
export function reclose(stored: string, s: Pick<SessionSummary, 'totalTokens' | 'totalCost'>, info: SessionInfo | undefined, parentInIndex: boolean | null): string {
	// The stored tail begins `,"cwd":`. Inside a JSON string a quote is escaped, so the last such text with
	// bare quotes is where the session's own fields end.
	const end = stored.lastIndexOf(TAIL_START);
	return stored.slice(0, end + 1) + transcriptJsonText(s, info, parentInIndex).slice(1);
}

const TAIL_START = ',"cwd":';
