// Finding and validating the facet in a model's answer: shapes models produce, enums enforced.
import {describe, expect, it} from 'vitest';
import {parseFacetAnswer} from '../../source/facets/facet-schema.js';
import {jsonObjectCandidates} from '../../source/core/facet-json.js';
import {VALID_ANSWER, VALID_JSON} from './helpers/session-fixture.js';

const withField = (over: Record<string, unknown>) => JSON.stringify({...VALID_ANSWER, ...over});

describe('jsonObjectCandidates', () => {
	it.each([
		['plain', VALID_JSON, 1],
		['fenced', '```json\n' + VALID_JSON + '\n```', 2],
		['in prose', `Sure. ${VALID_JSON} Done.`, 1],
		['braces inside strings', '{"a": "} tricky {", "b": 1}', 1],
		['two objects', '{"a": 1} and {"b": 2}', 2],
		['none', 'no json here', 0],
		['unbalanced', '{"a": 1', 0],
		['a top-level array is not an object', '[1, 2]', 0],
	])('%s', (_name, text, count) => {
		expect(jsonObjectCandidates(text)).toHaveLength(count);
	});
});

describe('parseFacetAnswer', () => {
	it('reads every field', () => {
		const r = parseFacetAnswer(VALID_JSON);
		expect(r).toEqual({
			ok: true,
			value: {
				underlyingGoal: 'Fix the login bug', goalCategory: 'fix_bug', outcome: 'fully_achieved', sessionType: 'single_task',
				frictionTypes: ['buggy_code'], frictionDetail: 'The first fix broke a test.', briefSummary: 'The user wanted the login bug fixed and it was.',
			},
		});
	});

	it.each([
		['case and spaces', {outcome: 'Fully Achieved', session_type: 'Quick-Question'}, {outcome: 'fully_achieved', sessionType: 'quick_question'}],
		['the reference friction names', {friction_types: ['tool_failure', 'environment_issue', 'scope_creep', 'unclear_requirements']}, {frictionTypes: ['tool_failed', 'external_issue', 'excessive_changes', 'user_unclear']}],
		['unclear as short for unclear_from_transcript', {outcome: 'unclear'}, {outcome: 'unclear_from_transcript'}],
		['a lone friction string', {friction_types: 'buggy_code'}, {frictionTypes: ['buggy_code']}],
		['null friction', {friction_types: null}, {frictionTypes: []}],
		['duplicate friction', {friction_types: ['buggy_code', 'buggy_code']}, {frictionTypes: ['buggy_code']}],
		['missing friction detail', {friction_detail: undefined}, {frictionDetail: ''}],
		['the /insights session type', {session_type: 'quick_question'}, {sessionType: 'quick_question'}],
	])('normalizes %s', (_name, over, expected) => {
		const r = parseFacetAnswer(withField(over));
		expect(r.ok && r.value).toMatchObject(expected);
	});

	it.each([
		['an unknown goal', {goal_category: 'yak_shaving'}, /goal_category: "yak_shaving" is not one of debug_investigate/],
		['an unknown outcome', {outcome: 'meh'}, /outcome: "meh" is not one of/],
		['an unknown friction type', {friction_types: ['gremlins']}, /friction_types\.0: "gremlins"/],
		['an empty summary', {brief_summary: '  '}, /brief_summary: must not be empty/],
		['a missing goal', {underlying_goal: undefined}, /underlying_goal/],
		['a number for a string', {brief_summary: 42}, /brief_summary/],
	])('rejects %s, naming the field', (_name, over, error) => {
		const r = parseFacetAnswer(withField(over));
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatch(error);
	});

	it('takes the first valid object when an invalid one comes first', () => {
		const r = parseFacetAnswer(`Example: {"outcome": "bad"} Real: ${VALID_JSON}`);
		expect(r.ok).toBe(true);
	});

	it('reports the problem of the most complete object when none is valid', () => {
		const r = parseFacetAnswer(`{"x": 1} ${withField({session_type: 'marathon'})}`);
		expect(!r.ok && r.error).toMatch(/session_type: "marathon"/);
	});

	it('says when there is no JSON at all', () => {
		expect(parseFacetAnswer('I cannot help with that.')).toEqual({ok: false, error: 'no JSON object in the answer'});
	});

	it('caps long strings instead of rejecting them', () => {
		const r = parseFacetAnswer(withField({brief_summary: 'x'.repeat(5000)}));
		expect(r.ok && r.value.briefSummary.length).toBe(500);
	});
});
