// The facet vocabulary: what a session was for, how it ended, what shape it had and what got in the way.
// Goal categories, outcomes and session types are Claude Code's /insights enums (which extend the
// reference's by `unclear_from_transcript` and `quick_question`); friction uses /insights' twelve types,
// and the reference's own friction names are accepted as aliases so older answers still validate.

export const GOAL_CATEGORIES = [
	'debug_investigate',
	'implement_feature',
	'fix_bug',
	'write_script_tool',
	'refactor_code',
	'configure_system',
	'create_pr_commit',
	'analyze_data',
	'understand_codebase',
	'write_tests',
	'write_docs',
	'deploy_infra',
	'warmup_minimal',
] as const;
export type GoalCategory = (typeof GOAL_CATEGORIES)[number];

export const OUTCOMES = ['fully_achieved', 'mostly_achieved', 'partially_achieved', 'not_achieved', 'unclear_from_transcript'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const SESSION_TYPES = ['single_task', 'multi_task', 'iterative_refinement', 'exploration', 'quick_question'] as const;
export type SessionType = (typeof SESSION_TYPES)[number];

export const FRICTION_TYPES = [
	'misunderstood_request',
	'wrong_approach',
	'buggy_code',
	'user_rejected_action',
	'claude_got_blocked',
	'user_stopped_early',
	'wrong_file_or_location',
	'excessive_changes',
	'slow_or_verbose',
	'tool_failed',
	'user_unclear',
	'external_issue',
] as const;
export type FrictionType = (typeof FRICTION_TYPES)[number];

/** What one session was about, as extracted by an LLM or by the heuristic rules. */
export interface SessionFacet {
	underlyingGoal: string;
	goalCategory: GoalCategory;
	outcome: Outcome;
	sessionType: SessionType;
	frictionTypes: FrictionType[];
	/** One sentence about the friction, '' when there was none. */
	frictionDetail: string;
	briefSummary: string;
}

/** Names models (and the reference's prompt) use for the same thing; mapped before validation. */
export const VALUE_ALIASES: Readonly<Record<string, string>> = {
	// reference friction names
	tool_failure: 'tool_failed',
	unclear_requirements: 'user_unclear',
	environment_issue: 'external_issue',
	scope_creep: 'excessive_changes',
	// shortened outcomes
	unclear: 'unclear_from_transcript',
	fully: 'fully_achieved',
	mostly: 'mostly_achieved',
	partially: 'partially_achieved',
	partial: 'partially_achieved',
};

/** Lowercase, trimmed, spaces and dashes as underscores, alias applied: "Fully Achieved" → fully_achieved. */
export function normalizeVocabularyValue(value: string): string {
	const key = value.trim().toLowerCase().replace(/[\s-]+/g, '_');
	return VALUE_ALIASES[key] ?? key;
}

export interface VocabularyEntry {
	label: string;
	description: string;
}

type Described<K extends string> = Readonly<Record<K, VocabularyEntry>>;

export const GOAL_LABELS: Described<GoalCategory> = {
	debug_investigate: {label: 'Debug / investigate', description: 'Find out why something behaves as it does'},
	implement_feature: {label: 'Implement feature', description: 'Build new functionality'},
	fix_bug: {label: 'Fix bug', description: 'Repair known broken behaviour'},
	write_script_tool: {label: 'Write script / tool', description: 'A one-off script, command or small tool'},
	refactor_code: {label: 'Refactor code', description: 'Restructure code without changing what it does'},
	configure_system: {label: 'Configure system', description: 'Set up, upgrade or configure software'},
	create_pr_commit: {label: 'Create PR / commit', description: 'Commit, branch, merge or open a pull request'},
	analyze_data: {label: 'Analyze data', description: 'Measure, audit or analyze data and figures'},
	understand_codebase: {label: 'Understand codebase', description: 'Explain code or answer a question about it'},
	write_tests: {label: 'Write tests', description: 'Add or improve tests'},
	write_docs: {label: 'Write docs', description: 'Documentation, guides, runbooks, release notes'},
	deploy_infra: {label: 'Deploy / infra', description: 'Deployment, CI, containers, cloud and cluster work'},
	warmup_minimal: {label: 'Warmup / minimal', description: 'A greeting or cache warmup with no real task'},
};

export const OUTCOME_LABELS: Described<Outcome> = {
	fully_achieved: {label: 'Fully achieved', description: 'The user got what they asked for'},
	mostly_achieved: {label: 'Mostly achieved', description: 'Done, with minor gaps or after setbacks'},
	partially_achieved: {label: 'Partially achieved', description: 'Some of the goal was reached'},
	not_achieved: {label: 'Not achieved', description: 'The goal was not reached'},
	unclear_from_transcript: {label: 'Unclear', description: 'The transcript does not show how it ended'},
};

export const SESSION_TYPE_LABELS: Described<SessionType> = {
	single_task: {label: 'Single task', description: 'One request carried through'},
	multi_task: {label: 'Multi task', description: 'Several unrelated requests in one session'},
	iterative_refinement: {label: 'Iterative refinement', description: 'One task refined over follow-ups'},
	exploration: {label: 'Exploration', description: 'Reading and investigating without changing much'},
	quick_question: {label: 'Quick question', description: 'A short question and its answer'},
};

export const FRICTION_LABELS: Described<FrictionType> = {
	misunderstood_request: {label: 'Misunderstood request', description: 'The agent did something other than asked'},
	wrong_approach: {label: 'Wrong approach', description: 'A path that had to be abandoned'},
	buggy_code: {label: 'Buggy code', description: 'Code that failed its tests or build'},
	user_rejected_action: {label: 'User rejected action', description: 'The user said no to an edit or command'},
	claude_got_blocked: {label: 'Agent got blocked', description: 'Stuck on permissions, limits or missing access'},
	user_stopped_early: {label: 'User stopped early', description: 'The user interrupted or called it off'},
	wrong_file_or_location: {label: 'Wrong file or location', description: 'Changes made in the wrong place'},
	excessive_changes: {label: 'Excessive changes', description: 'More was changed than asked for'},
	slow_or_verbose: {label: 'Slow or verbose', description: 'Answers too long, cut off, or too slow'},
	tool_failed: {label: 'Tool failed', description: 'A tool call returned an error'},
	user_unclear: {label: 'User unclear', description: 'The request was ambiguous'},
	external_issue: {label: 'External issue', description: 'The environment, network or a service got in the way'},
};

export const HEURISTIC_PROVIDER = 'heuristic';
