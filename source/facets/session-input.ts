// A session as the extractors see it, loaded through the same path the timeline uses (facts from the
// index, bodies from the source), so a transcript shows exactly what the explorer shows.
import type {FacetSessionInput} from '../core/facet-transcript.js';
import type {Result} from '../core/time.js';
import {loadSessionDetail, type SessionDetail} from '../workspace/session-detail.js';
import type {Workspace} from '../workspace/open-workspace.js';

/**
 * The message's own text. DetailMessage.text is what the timeline shows, which for a message without
 * text is its tool output or "tool call: X" lines; taken as text, tool output in a user-role turn
 * would read as a prompt the person typed.
 */
function ownText(m: SessionDetail['messages'][number]): string {
	const fromResults = m.toolResults.map((r) => (r.content !== '' ? r.content : r.error)).filter((c) => c !== '').join('\n');
	const fromCalls = m.toolCalls.map((c) => `tool call: ${c.name}`).join('\n');
	if ((fromResults !== '' && m.text === fromResults) || (fromCalls !== '' && m.text === fromCalls)) return '';
	return m.text;
}

export function facetInputOf(detail: SessionDetail): FacetSessionInput {
	const s = detail.summary;
	return {
		sessionId: s.id, label: s.label, project: s.project, agent: s.agent, status: s.status, startMs: s.startMs,
		durationMs: s.durationMs,
		messages: detail.messages.map((m) => ({
			id: m.facts.id,
			parentId: m.facts.parentId,
			role: m.facts.role,
			timestamp: m.facts.timestamp,
			text: ownText(m),
			toolCalls: m.toolCalls.map((c) => ({id: c.id, name: c.name, args: c.args})),
			toolResults: m.toolResults.map((r) => ({id: r.id, content: r.content, error: r.error, isError: r.isError})),
			stopReason: m.facts.stopReason,
		})),
	};
}

/** The session's input, or why it cannot be read (its source is gone): a failure, never a guess. */
export function loadFacetInput(ws: Workspace, sessionId: string): Result<FacetSessionInput> {
	const detail = loadSessionDetail(ws, sessionId);
	if (!detail.ok) return detail;
	if (detail.value.bodyError) return {ok: false, error: `cannot read the session's messages: ${detail.value.bodyError}`};
	return {ok: true, value: facetInputOf(detail.value)};
}
