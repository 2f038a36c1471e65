import {describe, expect, it} from 'vitest';
import {determineStatus, hasGitActivity, summarizeGroupStatus} from '../../source/core/status.js';
import type {Status, ToolCall} from '../../source/core/types.js';

describe('determineStatus (acceptance 6)', () => {
	it.each<[string, string, boolean, boolean, Status]>([
		['assistant', 'stop', false, false, 'completed'],
		['assistant', 'end_turn', false, false, 'completed'],
		['assistant', 'end-turn', false, false, 'completed'],
		['assistant', 'eos', false, false, 'completed'],
		['assistant', ' END_TURN ', false, false, 'completed'],
		['assistant', 'length', false, false, 'failed'],
		['assistant', 'max_tokens', false, false, 'failed'],
		['assistant', 'content_filter', false, false, 'failed'],
		['assistant', 'tool_use', false, false, 'failed'],
		['assistant', 'tool_use_response', false, false, 'failed'],
		['assistant', 'server_error', false, false, 'failed'],
		['assistant', '', false, false, 'unknown'],
		['assistant', 'something_else', false, false, 'unknown'],
		['user', 'stop', false, false, 'abandoned'],
		['tool', '', false, false, 'abandoned'],
		['Assistant', 'stop', false, false, 'completed'],
		// a tool error overrides everything
		['assistant', 'stop', true, false, 'failed'],
		['assistant', 'stop', true, true, 'failed'],
		// git activity
		['user', '', false, true, 'completed'],
		['assistant', 'something_else', false, true, 'completed'],
		['assistant', '', false, true, 'completed'],
	])('role %j stop %j toolError %j git %j → %s', (role, stop, toolError, git, want) => {
		expect(determineStatus(role, stop, toolError, git)).toBe(want);
	});
});

const bash = (command: unknown): ToolCall => ({id: 't', name: 'Bash', args: {command}});

describe('hasGitActivity (acceptance 7)', () => {
	it.each<[string, ToolCall[], boolean]>([
		['git commit -m', [bash('git commit -m "fix"')], true],
		['git push origin', [bash('git push origin main')], true],
		['chained add/commit/push', [bash('git add . && git commit -m x && git push')], true],
		['upper case', [bash('GIT PUSH')], true],
		['second call of several', [bash('ls'), bash('git commit -am wip')], true],
		['go test', [bash('go test ./...')], false],
		['make', [bash('make')], false],
		['git status', [bash('git status')], false],
		['git diff', [bash('git diff')], false],
		['git log', [bash('git log --oneline')], false],
		['git checkout', [bash('git checkout main')], false],
		['non-Bash tool mentioning git commit', [{id: 't', name: 'Write', args: {command: 'git commit'}}], false],
		['lowercase bash is not Bash', [{id: 't', name: 'bash', args: {command: 'git commit'}}], false],
		['empty command', [bash('')], false],
		['command not a string', [bash(['git', 'commit'])], false],
		['args null', [{id: 't', name: 'Bash', args: null}], false],
		['no calls', [], false],
	])('%s', (_name, calls, want) => {
		expect(hasGitActivity(calls)).toBe(want);
	});
});

describe('summarizeGroupStatus (acceptance 13)', () => {
	it.each<[Partial<Record<Status, number>>, Status]>([
		[{completed: 3, failed: 1}, 'failed'],
		[{completed: 3, abandoned: 1}, 'abandoned'],
		[{completed: 5}, 'completed'],
		[{}, 'unknown'],
		[{unknown: 2, completed: 0}, 'unknown'],
		[{unknown: 2, completed: 1}, 'completed'],
	])('%o → %s', (counts, want) => {
		expect(summarizeGroupStatus(counts)).toBe(want);
	});
});
