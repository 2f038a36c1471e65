// The heuristic's documented rules, one table per facet field.
import {describe, expect, it} from 'vitest';
import {heuristicFacet} from '../../source/core/facet-heuristic.js';
import {goalOfPrompt} from '../../source/core/facet-rules.js';
import {call, msg, result, session} from './helpers/session-fixture.js';

const done = (text = 'Done.') => msg('assistant', text, {stopReason: 'end_turn'});

describe('goal from the prompt', () => {
	it.each([
		['hi', 'warmup_minimal'],
		['Open a pull request for this branch', 'create_pr_commit'],
		['Write integration tests for the Stripe webhook handler.', 'write_tests'],
		['Add golden tests for normalizeModel.', 'write_tests'],
		['Rewrite the getting-started guide for the new install script.', 'write_docs'],
		['Fix all the broken links the link checker reports.', 'fix_bug'],
		['Why does TestSessionGrouping flake on CI but pass locally?', 'debug_investigate'],
		['Profile tapes deck on a 200k-node database.', 'debug_investigate'],
		['Upgrade Django from 4.2 to 5.1.', 'configure_system'],
		['Refactor the merkle package.', 'refactor_code'],
		['Replace moment with date-fns across the codebase.', 'refactor_code'],
		['Audit our IAM policies for wildcards.', 'analyze_data'],
		['Write a management command that emails customers.', 'write_script_tool'],
		['The api pods get OOMKilled during the nightly export job.', 'deploy_infra'],
		['Explain how the facet worker picks sessions.', 'understand_codebase'],
		["What's the difference between SET NULL and CASCADE?", 'understand_codebase'],
		['Checkout applies the discount twice.', 'fix_bug'],
		['Add cursor-based pagination to GET /v2/customers.', 'implement_feature'],
		['Lorem ipsum', null],
	])('%s → %s', (prompt, goal) => {
		expect(goalOfPrompt(prompt)).toBe(goal);
	});

	it('falls back to understand_codebase for a question and implement_feature otherwise', () => {
		expect(heuristicFacet(session([msg('user', 'Lorem ipsum?'), done()])).goalCategory).toBe('understand_codebase');
		expect(heuristicFacet(session([msg('user', 'Lorem ipsum'), done()])).goalCategory).toBe('implement_feature');
	});

	it('describes a session nobody typed into by its first answer', () => {
		const f = heuristicFacet(session([msg('assistant', 'Starting the nightly health check for the cluster.'), done('All healthy.')]));
		expect(f.underlyingGoal).toBe('Starting the nightly health check for the cluster.');
		expect(f.goalCategory).toBe('deploy_infra');
	});
});

describe('outcome', () => {
	const commit = [call('Bash', {command: 'git add -A && git commit -m "fix: login"'}, 'g'), result('[main 1a2b3c] fix: login', {id: 'g'})];
	it.each([
		['a commit', [msg('user', 'Fix login'), ...commit, done()], 'fully_achieved'],
		['a finished answer', [msg('user', 'Explain X'), done()], 'fully_achieved'],
		['errors recovered from before the commit', [msg('user', 'Fix login'), call('Bash', {command: 'npm test'}, 't1'),
			result('FAIL', {id: 't1', isError: true}), call('Bash', {command: 'npm test'}, 't2'), result('ok', {id: 't2'}), ...commit, done()], 'mostly_achieved'],
		['a test run that still fails', [msg('user', 'Fix login'), call('Bash', {command: 'npm test'}, 't'), result('FAIL', {id: 't', isError: true}),
			msg('assistant', 'I could not fix it.', {stopReason: 'end_turn'})], 'not_achieved'],
		['the user stopping it', [msg('user', 'Migrate auth'), done('Drafted.'), msg('user', "Stop here, we're switching.")], 'not_achieved'],
		['Claude Code interruption marker after a commit', [msg('user', 'Fix login'), ...commit, msg('user', '[Request interrupted by user]'), done()], 'partially_achieved'],
		['a final answer cut off', [msg('user', 'Translate it'), msg('assistant', 'Warenkorb, Zur Ka', {stopReason: 'max_tokens'})], 'partially_achieved'],
		['a recording that ends mid tool loop', [msg('user', 'Refactor'), call('Edit', {file_path: 'a.ts'})], 'unclear_from_transcript'],
	])('%s → %s', (_name, messages, outcome) => {
		expect(heuristicFacet(session(messages)).outcome).toBe(outcome);
	});

	it('a failed git commit is not a commit', () => {
		const f = heuristicFacet(session([msg('user', 'Commit this'), call('Bash', {command: 'git commit -m "x"'}, 'g'),
			result('nothing to commit', {id: 'g', isError: true})]));
		expect(f.outcome).toBe('not_achieved');
	});
});

describe('session type', () => {
	it.each([
		['one question, one answer', [msg('user', 'What is X?'), done()], 'quick_question'],
		['reading only', [msg('user', 'Explain the worker'), call('Read', {file_path: 'w.go'}, 'r'), result('...', {id: 'r'}), done()], 'exploration'],
		['one task with edits', [msg('user', 'Fix login'), call('Edit', {file_path: 'a.ts'}, 'e'), result('ok', {id: 'e'}), done()], 'single_task'],
		['follow-ups building on the work', [msg('user', 'Add a --since flag'), done(), msg('user', 'Also make 2w work.'), done()], 'iterative_refinement'],
		['a clarification', [msg('user', 'Implement rate limiting'), done(), msg('user', 'Auth should be strict.'), done()], 'iterative_refinement'],
		['a new unrelated request', [msg('user', 'Fix the login bug'), done(), msg('user', 'Write a runbook for failover.'), done()], 'multi_task'],
	])('%s → %s', (_name, messages, type) => {
		expect(heuristicFacet(session(messages)).sessionType).toBe(type);
	});
});

describe('friction and summary', () => {
	it('a failed build is buggy code, another failed tool is a tool failure, with the first error as detail', () => {
		const f = heuristicFacet(session([
			msg('user', 'Fix the build'),
			call('Bash', {command: 'npm run build'}, 'b'), result('', {id: 'b', isError: true, error: 'error TS2322: nope'}),
			call('WebFetch', {url: 'https://x'}, 'w'), result('ECONNRESET', {id: 'w', isError: true}),
			call('Bash', {command: 'npm run build'}, 'b2'), result('ok', {id: 'b2'}), done(),
		]));
		expect(f.frictionTypes).toEqual(['buggy_code', 'tool_failed']);
		expect(f.frictionDetail).toBe('`npm run build` failed: error TS2322: nope');
		expect(f.briefSummary).toBe('Fix the build. Done after 2 failed tool calls.');
	});

	it('interruptions, declined tools, repeated prompts, cut-off answers and retried errors', () => {
		const f = heuristicFacet(session([
			msg('user', 'Fix it'), call('Edit', {file_path: 'a'}, 'e'), result("The user doesn't want to proceed with this tool use.", {id: 'e', isError: true}),
			msg('assistant', 'oops', {stopReason: 'max_tokens', parentId: 'p'}), msg('assistant', 'err', {stopReason: 'server_error', parentId: 'q'}),
			msg('assistant', 'again', {stopReason: 'end_turn', parentId: 'q'}), msg('user', 'Fix it'), msg('user', 'never mind'),
		]));
		expect(new Set(f.frictionTypes)).toEqual(new Set(['tool_failed', 'user_stopped_early', 'user_rejected_action', 'misunderstood_request', 'slow_or_verbose', 'external_issue']));
		expect(f.outcome).toBe('not_achieved');
	});

	it('summarizes the first prompt and the outcome, naming the commit', () => {
		const f = heuristicFacet(session([msg('user', 'Orders endpoint returns 500'), call('Bash', {command: 'git commit -m "fix(orders): skip deleted"'}, 'g'),
			result('[main abc] fix(orders): skip deleted', {id: 'g'}), done()]));
		expect(f.briefSummary).toBe('Orders endpoint returns 500. Done and committed "fix(orders): skip deleted".');
		expect(f.underlyingGoal).toBe('Orders endpoint returns 500');
		expect(f.frictionTypes).toEqual([]);
		expect(f.frictionDetail).toBe('');
	});

	it('is deterministic', () => {
		const s = session([msg('user', 'Fix login'), done()]);
		expect(heuristicFacet(s)).toEqual(heuristicFacet(s));
	});
});
