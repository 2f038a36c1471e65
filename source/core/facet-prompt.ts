// The extraction prompt. Its version is stored with every facet: changing the text below without
// bumping FACET_PROMPT_VERSION would leave facets marked current that the new prompt would answer
// differently, so bump it with any change to the wording, the fields or the vocabulary.
import {FRICTION_TYPES, GOAL_CATEGORIES, OUTCOMES, SESSION_TYPES} from './facet-vocabulary.js';

export const FACET_PROMPT_VERSION = 'prompt-1';
/** Version of the heuristic rules (core/facet-heuristic.ts); bump it when a rule changes. */
export const HEURISTIC_VERSION = 'heuristic-1';

/** Answers needed at most for one session: the first, then two re-prompts on invalid JSON or values. */
export const MAX_ANSWER_ATTEMPTS = 3;

export interface ChatMessage {
	role: 'user' | 'assistant';
	content: string;
}

export function buildFacetPrompt(transcript: string): string {
	return `Analyze this LLM coding-agent session transcript and extract structured facets.
Return ONLY a JSON object with these fields:

{
  "underlying_goal": "what the user fundamentally wanted to achieve",
  "goal_category": "one of: ${GOAL_CATEGORIES.join(', ')}",
  "outcome": "one of: ${OUTCOMES.join(', ')}",
  "session_type": "one of: ${SESSION_TYPES.join(', ')}",
  "friction_types": ["zero or more of: ${FRICTION_TYPES.join(', ')}"],
  "friction_detail": "one sentence describing the friction, or an empty string",
  "brief_summary": "one sentence: what the user wanted and whether they got it"
}

Rules:
- goal_category is what the USER asked for, not what the agent happened to do.
- outcome: judge from the end of the transcript; use unclear_from_transcript when it does not show how it ended.
- session_type: quick_question for a short question and answer; warmup_minimal (goal) for a greeting or warmup only.
- friction_types: only friction visible in the transcript; an empty array when there was none.

Transcript:
${transcript}`;
}

/**
 * The conversation for the next attempt after an answer that was not valid: the model sees its own
 * answer and what was wrong with it, which fixes a bad enum value far more often than asking again blind.
 */
export function repromptMessages(previous: readonly ChatMessage[], answer: string, problem: string): ChatMessage[] {
	const shown = answer.trim() === '' ? '(empty answer)' : answer.length > 2000 ? `${answer.slice(0, 2000)}…` : answer;
	return [
		...previous,
		{role: 'assistant', content: shown},
		{role: 'user', content: `That answer was not valid: ${problem}\n\nReturn ONLY valid JSON with the fields and values listed above, no markdown and no other text.`},
	];
}
