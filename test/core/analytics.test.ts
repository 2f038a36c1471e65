// Analytics figures that are pure: tool names grouped across agents.
import {describe, expect, it} from 'vitest';

describe('tool names across agents (issue 17 item 8)', () => {
	it('groups spellings of one tool under its most used one', async () => {
		const {topTools, toolKey} = await import('../../source/core/analytics.js');
		expect(toolKey('Read')).toBe(toolKey('read'));
		expect(toolKey('shell')).toBe(toolKey('Bash'));
		const tools = topTools([
			{tool: 'Bash', calls: 50, errors: 5, sessions: 10}, {tool: 'shell', calls: 80, errors: 1, sessions: 12},
			{tool: 'bash', calls: 20, errors: 2, sessions: 9}, {tool: 'Read', calls: 70, errors: 0, sessions: 30}, {tool: 'read', calls: 24, errors: 0, sessions: 10},
		]);
		expect(tools.map((t) => [t.name, t.calls, t.errors, t.sessions])).toEqual([['shell', 150, 8, 31], ['Read', 94, 0, 40]]);
	});
});
