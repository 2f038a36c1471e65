// The heuristic extractor: a facet from the session's own data, with no network. Its rules:
// - goal: the first prompt's first matching word rule (core/facet-rules.ts), else the other prompts'
//   rules, else understand_codebase for a question and implement_feature for anything else.
// - outcome: interrupted (a stop-word prompt, or the session ending on the user's words) is
//   not_achieved, or partially_achieved when a commit landed first; a final answer cut off at the
//   token limit is partially_achieved; a last tool result or last build/test run that failed is
//   not_achieved; a commit, or a finished answer, is fully_achieved (mostly_achieved when tool errors
//   came before it); anything else is unclear_from_transcript.
// - session type: one prompt and no tool calls is a quick_question; one prompt without edits or
//   commits is exploration; follow-ups that start something new make it multi_task, follow-ups that
//   build on the work iterative_refinement; otherwise single_task.
// - friction: failed build/test commands are buggy_code, other tool errors tool_failed, interruptions
//   user_stopped_early, declined tool calls user_rejected_action, "not what I asked" and a prompt
//   repeated verbatim misunderstood_request, answers cut off slow_or_verbose, a request retried after
//   an error stop external_issue.
// - summary: the first prompt, then a sentence saying how it ended.
import type {FacetSessionInput} from './facet-transcript.js';
import type {FrictionType, Outcome, SessionFacet, SessionType} from './facet-vocabulary.js';
import {firstLabelLine, labelText, truncate} from './labels.js';
import {BUILD_OR_TEST, INTERRUPTION, REFINEMENT, REJECTION, TOOL_REJECTED, goalOfPrompt} from './facet-rules.js';
import {sessionSignals, type SessionSignals} from './facet-signals.js';

function outcomeOf(s: SessionSignals): Outcome {
	if (s.interrupted) return s.commit ? 'partially_achieved' : 'not_achieved';
	if (s.lastAssistantCut) return 'partially_achieved';
	if (s.unrecoveredFailure) return 'not_achieved';
	if (s.commit || s.finished) return s.toolErrors.length > 0 ? 'mostly_achieved' : 'fully_achieved';
	return 'unclear_from_transcript';
}

function sessionTypeOf(s: SessionSignals, prompts: string[]): SessionType {
	const tasks = prompts.filter((p) => !INTERRUPTION.test(p));
	if (tasks.length <= 1) {
		if (s.toolCalls === 0 && s.messages <= 4) return 'quick_question';
		return s.edits === 0 && !s.commit ? 'exploration' : 'single_task';
	}
	const first = goalOfPrompt(tasks[0]!);
	// A follow-up with no goal of its own is a clarification of the first task, not a new one.
	const fresh = tasks.slice(1).some((p) => {
		const goal = goalOfPrompt(p);
		return !REFINEMENT.test(p) && goal !== null && goal !== first;
	});
	return fresh ? 'multi_task' : 'iterative_refinement';
}

function frictionOf(s: SessionSignals, prompts: string[]): FrictionType[] {
	const out = new Set<FrictionType>();
	for (const e of s.toolErrors) out.add(BUILD_OR_TEST.test(e.command) ? 'buggy_code' : 'tool_failed');
	if (s.interrupted) out.add('user_stopped_early');
	if (s.toolErrors.some((e) => TOOL_REJECTED.test(e.text))) out.add('user_rejected_action');
	const normalized = prompts.map((p) => p.toLowerCase().replace(/\s+/g, ' ').trim());
	if (prompts.some((p) => REJECTION.test(p)) || new Set(normalized).size < normalized.length) out.add('misunderstood_request');
	if (s.cutOff) out.add('slow_or_verbose');
	if (s.retriedAfterError) out.add('external_issue');
	return [...out];
}

function frictionDetailOf(s: SessionSignals, friction: FrictionType[]): string {
	const first = s.toolErrors[0];
	if (first) {
		const line = first.text.split('\n').find((l) => l.trim() !== '') ?? 'error';
		return truncate(`${first.command ? `\`${truncate(first.command, 60)}\`` : first.tool} failed: ${line.trim()}`, 200);
	}
	if (s.interrupted) return truncate(`The user stopped the session: "${s.lastPrompt}"`, 200);
	if (friction.includes('slow_or_verbose')) return 'An answer was cut off at the output token limit.';
	return '';
}

function closingSentence(outcome: Outcome, s: SessionSignals): string {
	const errors = s.toolErrors.length;
	const plural = errors === 1 ? '' : 's';
	const committed = s.commitMessage ? ` and committed "${truncate(s.commitMessage, 80)}"` : s.commit ? ' and committed' : '';
	switch (outcome) {
		case 'fully_achieved':
			return `Done${committed}.`;
		case 'mostly_achieved':
			return `Done${committed} after ${errors} failed tool call${plural}.`;
		case 'partially_achieved':
			return s.interrupted ? 'Partly done before the user stopped it.' : 'Partly done: the final answer was cut off.';
		case 'not_achieved':
			return s.interrupted ? 'Stopped by the user before it was done.' : `Not done: ${s.lastFailedCommand ? `\`${truncate(s.lastFailedCommand, 60)}\`` : 'the last tool call'} still failed.`;
		case 'unclear_from_transcript':
			return 'The transcript does not show how it ended.';
		default: {
			const never: never = outcome;
			return String(never);
		}
	}
}

/** The prompts a person typed: user messages with text (tool-result turns carry none). */
export function promptsOf(input: FacetSessionInput): string[] {
	return input.messages.filter((m) => m.role === 'user').map((m) => labelText(m.text)).filter((t) => t !== '');
}

export function heuristicFacet(input: FacetSessionInput): SessionFacet {
	const prompts = promptsOf(input);
	const s = sessionSignals(input, prompts);
	// A session nobody typed into (a scheduled job, a script) is described by its first answer.
	const opener = prompts[0] ?? input.messages.find((m) => m.role === 'assistant' && m.text.trim() !== '')?.text ?? '';
	const firstLine = firstLabelLine(opener) || input.label;
	const goal = goalOfPrompt(opener)
		?? prompts.slice(1).map(goalOfPrompt).find((g) => g !== null)
		?? (/\?\s*$/.test(opener) ? 'understand_codebase' : opener === '' ? 'warmup_minimal' : 'implement_feature');
	const outcome = outcomeOf(s);
	const friction = frictionOf(s, prompts);
	const opening = truncate(firstLine, 160);
	return {
		underlyingGoal: opening,
		goalCategory: goal,
		outcome,
		sessionType: sessionTypeOf(s, prompts),
		frictionTypes: friction,
		frictionDetail: frictionDetailOf(s, friction),
		briefSummary: `${opening}${/[.?!]$/.test(opening) ? '' : '.'} ${closingSentence(outcome, s)}`,
	};
}
