// What the heuristic reads off a session before applying its rules: tool failures and whether they
// were recovered from, commits, interruptions, cut-off answers and retried requests.
import type {FacetSessionInput} from './facet-transcript.js';
import {describeToolArgs} from './facet-transcript.js';
import {BUILD_OR_TEST, EDIT_TOOL, GIT_LANDED, INTERRUPTION, commitMessage} from './facet-rules.js';

export interface ToolFailure {
	tool: string;
	command: string;
	text: string;
}

export interface SessionSignals {
	messages: number;
	toolCalls: number;
	edits: number;
	/** A `git commit` or `git push` ran and did not fail. */
	commit: boolean;
	commitMessage: string;
	toolErrors: ToolFailure[];
	/** The last tool result failed, or the last build/test run did. */
	unrecoveredFailure: boolean;
	lastFailedCommand: string;
	interrupted: boolean;
	lastPrompt: string;
	/** The session ends on an assistant answer that is neither cut off nor asking for a tool. */
	finished: boolean;
	lastAssistantCut: boolean;
	cutOff: boolean;
	/** Two answers to the same request, the first of which ended in an error. */
	retriedAfterError: boolean;
}

const CUT = new Set(['max_tokens', 'length']);
const DONE = new Set(['stop', 'end_turn', 'end-turn', 'eos']);

export function sessionSignals(input: FacetSessionInput, prompts: readonly string[]): SessionSignals {
	const calls = new Map<string, {name: string; command: string}>();
	const unanswered: Array<{name: string; command: string}> = [];
	const s: SessionSignals = {
		messages: input.messages.length, toolCalls: 0, edits: 0, commit: false, commitMessage: '', toolErrors: [],
		unrecoveredFailure: false, lastFailedCommand: '', interrupted: false, lastPrompt: prompts.at(-1) ?? '',
		finished: false, lastAssistantCut: false, cutOff: false, retriedAfterError: false,
	};
	let lastResultFailed = false;
	let lastBuildFailed = false;
	const answersByParent = new Map<string, string[]>();
	for (const m of input.messages) {
		for (const call of m.toolCalls) {
			const entry = {name: call.name, command: describeToolArgs(call.args)};
			s.toolCalls++;
			if (EDIT_TOOL.test(call.name)) s.edits++;
			if (call.id) calls.set(call.id, entry);
			unanswered.push(entry);
		}
		for (const r of m.toolResults) {
			// Results without an ID answer the oldest call still waiting, as agents run them in order.
			const call = (r.id ? calls.get(r.id) : undefined) ?? unanswered[0] ?? {name: '', command: ''};
			const at = unanswered.indexOf(call);
			if (at >= 0) unanswered.splice(at, 1);
			const failed = r.isError || r.error.trim() !== '';
			lastResultFailed = failed;
			if (BUILD_OR_TEST.test(call.command)) lastBuildFailed = failed;
			if (failed) {
				s.toolErrors.push({tool: call.name, command: call.command, text: r.error.trim() || r.content});
				s.lastFailedCommand = call.command;
			} else if (GIT_LANDED.test(call.command)) {
				s.commit = true;
				s.commitMessage = commitMessage(call.command) || s.commitMessage;
			}
		}
		if (m.role === 'assistant') {
			if (CUT.has(m.stopReason)) s.cutOff = true;
			if (m.parentId) answersByParent.set(m.parentId, [...(answersByParent.get(m.parentId) ?? []), m.stopReason]);
		}
	}
	// A commit whose result never came back (the recording ended) still counts: the call was made.
	if (!s.commit) {
		const pending = unanswered.find((c) => GIT_LANDED.test(c.command));
		if (pending) {
			s.commit = true;
			s.commitMessage = commitMessage(pending.command);
		}
	}
	s.unrecoveredFailure = lastResultFailed || lastBuildFailed;
	for (const stops of answersByParent.values()) {
		if (stops.length > 1 && stops.slice(0, -1).some((stop) => stop.includes('error'))) s.retriedAfterError = true;
	}
	const last = input.messages.at(-1);
	const lastAssistant = [...input.messages].reverse().find((m) => m.role === 'assistant');
	s.lastAssistantCut = lastAssistant !== undefined && CUT.has(lastAssistant.stopReason);
	// A completed stop reason is the provider saying the turn ended; without one, an answer that asks
	// for no tool is the end of a turn too.
	s.finished = last !== undefined && last.role === 'assistant' && !s.lastAssistantCut &&
		(DONE.has(last.stopReason.trim().toLowerCase()) || last.toolCalls.length === 0);
	const endsOnPrompt = last !== undefined && last.role === 'user' && last.text.trim() !== '' && last.toolResults.length === 0;
	s.interrupted = prompts.slice(1).some((p) => INTERRUPTION.test(p)) || (endsOnPrompt && input.messages.length > 1);
	return s;
}
