// The word rules of the heuristic extractor, as data: which prompt means which goal, and which words
// mean the user interrupted, rejected or repeated. First match wins, so the order below is the
// priority: an explicit verb ("fix", "why", "refactor") beats the domain a prompt merely mentions.
import type {GoalCategory} from './facet-vocabulary.js';

export const GOAL_RULES: ReadonlyArray<readonly [GoalCategory, RegExp]> = [
	['warmup_minimal', /^\W*(hi|hello|hey|yo|ping|test|testing|warm ?up|thanks?|thank you)\W*$/],
	['create_pr_commit', /\b(commit (this|these|the|my|all)|(open|create|make) a (pr|pull request)|pull request|rebase|cherry-pick|squash)\b/],
	['write_tests', /\b(write|add|create|generate|extend|cover)\b[^.?!]*\b(tests?|specs?|test cases)\b/],
	['write_docs', /\b(document(ing|ation)?|docs?|readme|runbook|tutorial|guide|release notes|changelog|proofread|docstrings?)\b/],
	['fix_bug', /\bfix(es|ed|ing)?\b/],
	['debug_investigate', /^(why|how come)\b|\b(investigate|debug|find out|figure out|look into|root cause|flak(e|es|y)|diagnose|profile|reproduce|what changed)\b/],
	['configure_system', /\b(upgrade|bump|install|set ?up|configure|enable|disable|toolchain|dependenc(y|ies))\b/],
	['refactor_code', /\b(refactor|rename|restructure|reorganize|split|extract|clean ?up|simplify|deduplicate|type hints|replace \S+( \S+){0,3} with)\b|\bmigrate\b.*\bfrom\b.*\bto\b/],
	['analyze_data', /\b(analy[sz]e|audit|load test|benchmark|measure|statistics|stats|metrics|how many|bill(ing)?)\b/],
	['write_script_tool', /\b(write|create|add)\b[^.?!]*\b(script|cli|command|tool|cron ?job)\b/],
	['deploy_infra', /\b(deploy(ment)?|terraform|kubernetes|k8s|helm|docker(file)?|containers?|ingress|pods?|cluster|hpa|keda|iam|aws|gcp|azure|ci|github actions|workflows?|pipeline|alertmanager|prometheus|grafana|nginx)\b/],
	['understand_codebase', /^(what|how|where|which|when|is|are|can|should|does|do)\b|\b(explain|walk me through|understand|difference between|summari[sz]e)\b/],
	['fix_bug', /\b(bugs?|broken|crash(es|ing)?|fails?|failing|errors?|doesn't|does not|isn't|not working|ignores|twice|wrong|drops|returns? (a )?\d{3}|regression|leaks?|oom\w*|flicker(s|ing)?)\b/],
	['implement_feature', /\b(add|implement|build|create|support|make|generate|write|introduce|allow)\b/],
];

/** The goal of one prompt by the first matching rule; null when no rule matches. */
export function goalOfPrompt(prompt: string): GoalCategory | null {
	const text = prompt.toLowerCase();
	for (const [goal, re] of GOAL_RULES) if (re.test(text)) return goal;
	return null;
}

/**
 * A prompt that calls the work off. Claude Code writes "[Request interrupted by user…]" into the
 * transcript when Esc is pressed; people type the rest.
 */
export const INTERRUPTION = /\[request interrupted by user|^\W*(stop|never ?mind|hold off|cancel|forget (it|that)|abort|don't bother|let's stop)\b/i;

/** The user saying the agent got it wrong. */
export const REJECTION = /\b(not what i (asked|meant|wanted)|that's (not it|wrong)|you misunderstood|no,? i meant|wrong (file|place))\b/i;

/** Claude Code's tool result when the user declines a tool call. */
export const TOOL_REJECTED = /user doesn't want to (proceed|take this action)|tool use was rejected/i;

/** A follow-up that builds on what came before rather than starting something new. */
export const REFINEMENT = /\b(also|too|then|that|this|it|them|those|same|instead|again|now|more|keep|handle|as well)\b/i;

/** A shell command that builds or tests: its failure is buggy code rather than a flaky tool. */
export const BUILD_OR_TEST = /\b(test|tests|pytest|jest|vitest|mocha|go (test|build|vet)|cargo (test|build|check)|tsc|mypy|lint|eslint|build|make|check-links|check)\b/i;

export const GIT_LANDED = /\bgit\s+(commit|push)\b/i;

/** Tools that change files: a session without them (and without commits) only looked around. */
export const EDIT_TOOL = /^(edit|multiedit|write|apply_patch|str_replace\w*|notebookedit|create_file|patch)$/i;

/** The message of `git commit -m "…"`, or ''. */
export function commitMessage(command: string): string {
	const m = /-m\s+(?:"([^"]*)"|'([^']*)')/.exec(command);
	return m?.[1] ?? m?.[2] ?? '';
}
