// The LLM's answer, validated: every enum checked against the vocabulary (after case, spacing and
// alias normalization), strings trimmed and capped. A value outside the vocabulary is an error that
// names the field and the value, so the re-prompt can tell the model exactly what to fix.
import {z} from 'zod';
import {
	FRICTION_TYPES,
	GOAL_CATEGORIES,
	OUTCOMES,
	SESSION_TYPES,
	normalizeVocabularyValue,
	type SessionFacet,
} from '../core/facet-vocabulary.js';
import {jsonObjectCandidates} from '../core/facet-json.js';
import {truncate} from '../core/labels.js';
import type {Result} from '../core/time.js';

const vocab = <T extends readonly [string, ...string[]]>(values: T) =>
	z.preprocess((v) => (typeof v === 'string' ? normalizeVocabularyValue(v) : v), z.enum(values, {
		error: (issue) => `${JSON.stringify(issue.input)} is not one of ${values.join(', ')}`,
	}));

const text = (max: number) => z.string().trim().transform((s) => truncate(s.replace(/\s+/g, ' '), max));

export const facetAnswerSchema = z.object({
	underlying_goal: text(300).pipe(z.string().min(1, 'must not be empty')),
	goal_category: vocab(GOAL_CATEGORIES),
	outcome: vocab(OUTCOMES),
	session_type: vocab(SESSION_TYPES),
	// A lone string is taken as a one-item list; duplicates are dropped.
	friction_types: z
		.preprocess((v) => (v === null || v === undefined ? [] : typeof v === 'string' ? (v.trim() === '' ? [] : [v]) : v), z.array(vocab(FRICTION_TYPES)))
		.transform((xs) => [...new Set(xs)]),
	friction_detail: z.preprocess((v) => v ?? '', text(300)),
	brief_summary: text(500).pipe(z.string().min(1, 'must not be empty')),
});

function describeIssue(issue: z.core.$ZodIssue): string {
	const field = issue.path.length ? issue.path.map(String).join('.') : 'answer';
	return `${field}: ${issue.message}`;
}

/**
 * The facet in a model's answer. Of the JSON objects the answer holds, the first that validates wins;
 * when none does, the error is the one of the object with the most expected fields.
 */
export function parseFacetAnswer(answer: string): Result<SessionFacet> {
	const candidates = jsonObjectCandidates(answer);
	if (candidates.length === 0) return {ok: false, error: 'no JSON object in the answer'};
	let best: {score: number; error: string} | null = null;
	for (const obj of candidates) {
		const parsed = facetAnswerSchema.safeParse(obj);
		if (parsed.success) {
			const a = parsed.data;
			return {
				ok: true,
				value: {
					underlyingGoal: a.underlying_goal, goalCategory: a.goal_category, outcome: a.outcome,
					sessionType: a.session_type, frictionTypes: a.friction_types, frictionDetail: a.friction_detail,
					briefSummary: a.brief_summary,
				},
			};
		}
		const score = Object.keys(facetAnswerSchema.shape).filter((k) => k in obj).length;
		if (!best || score > best.score) best = {score, error: parsed.error.issues.slice(0, 3).map(describeIssue).join('; ')};
	}
	return {ok: false, error: best?.error ?? 'no valid JSON object in the answer'};
}
