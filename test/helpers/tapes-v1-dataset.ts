// Fixture sessions covering what tapes' deriver emits (reference §13): session A with a main turn (text,
// thinking, two tool calls with one error, an injected event, a permission check, a Task subagent with its
// own thread), a compaction and a post-compaction trace, and a title-gen call; B, a fork child of A; C,
// a session with no traces yet. Times are fixed in the past, so a later poll's look-back does not reach them.
export interface SpanFx {
	id: string;
	parent?: string;
	kind: 'agent' | 'llm' | 'tool' | 'event';
	name?: string;
	status?: string;
	callKind?: string;
	thread?: string;
	model?: string;
	stop?: string;
	startedAt: string;
	durationMs?: number;
	seq: number;
	input?: unknown[];
	output?: unknown[];
	usage?: {prompt_tokens?: number; completion_tokens?: number; cache_read_input_tokens?: number; cache_creation_input_tokens?: number; total_duration_ns?: number};
}

export interface TraceFx {
	id: string;
	prompt?: string;
	synthetic?: string;
	startedAt: string;
	costUsd: number;
	spans: SpanFx[];
}

export interface SessionFx {
	id: string;
	harness?: string;
	hsid: string;
	name?: string;
	cwd?: string;
	parent?: string;
	authSubject?: string;
	startedAt: string;
	lastSeenAt: string;
	derivedTitle?: string;
	displayName?: string;
	traces: TraceFx[];
}

export const A = '01990000-0000-7000-8000-00000000000a';
export const B = '01990000-0000-7000-8000-00000000000b';
export const C = '01990000-0000-7000-8000-00000000000c';
const MODEL = 'claude-sonnet-4-5-20250929';
const day = '2026-11-02T10:';

export function sessionA(): SessionFx {
	return {
		id: A, hsid: 'a1b2c3d4-claude-session', name: 'fix-parser', cwd: '/home/dev/projects/tapes', authSubject: 'alice@example.com',
		startedAt: `${day}00:00Z`, lastSeenAt: `${day}20:00Z`, derivedTitle: 'Fix the SSE parser',
		traces: [
			{id: 'trc_req1', prompt: 'Fix the SSE parser bug', startedAt: `${day}00:00.000001Z`, costUsd: 0.0712, spans: [
				{id: 'agent_main_req1', kind: 'agent', name: 'main', startedAt: `${day}00:00Z`, seq: 0},
				{id: 'llm_req1', parent: 'agent_main_req1', kind: 'llm', name: MODEL, model: MODEL, callKind: 'main', stop: 'tool_use',
					startedAt: `${day}00:01Z`, durationMs: 4000, seq: 1,
					input: [{type: 'text', text: 'Fix the SSE parser bug'}],
					output: [{type: 'thinking', thinking: 'Look at the reader first.'}, {type: 'text', text: 'Reading the parser.'},
						{type: 'tool_use', tool_use_id: 'toolu_1', tool_name: 'Read', tool_input: {file_path: 'sse.go'}},
						{type: 'tool_use', tool_use_id: 'toolu_2', tool_name: 'Bash', tool_input: {command: 'go test ./...'}}],
					usage: {prompt_tokens: 12000, completion_tokens: 300, cache_read_input_tokens: 9000, cache_creation_input_tokens: 2000, total_duration_ns: 4e9}},
				{id: 'toolu_1', parent: 'agent_main_req1', kind: 'tool', name: 'Read', startedAt: `${day}00:05Z`, durationMs: 50, seq: 2,
					input: [{type: 'tool_use', tool_use_id: 'toolu_1', tool_name: 'Read', tool_input: {file_path: 'sse.go'}}],
					output: [{type: 'tool_result', tool_result_id: 'toolu_1', tool_output: 'package sse'}]},
				{id: 'toolu_2', parent: 'agent_main_req1', kind: 'tool', name: 'Bash', status: 'error', startedAt: `${day}00:05Z`, durationMs: 900, seq: 3,
					input: [{type: 'tool_use', tool_use_id: 'toolu_2', tool_name: 'Bash', tool_input: {command: 'go test ./...'}}],
					output: [{type: 'tool_result', tool_result_id: 'toolu_2', tool_output: 'FAIL sse_test.go:12', is_error: true}]},
				{id: 'evt_0123456789abcdef', parent: 'agent_main_req1', kind: 'event', name: 'injected:system-insert', callKind: 'injected:system-insert',
					startedAt: `${day}00:06Z`, seq: 4, input: [{type: 'text', text: '<system-reminder>…</system-reminder>'}]},
				{id: 'llm_req2', parent: 'toolu_2', kind: 'llm', name: 'claude-haiku-4-5', model: 'claude-haiku-4-5', callKind: 'offshoot:permission-check:stage1',
					stop: 'end_turn', startedAt: `${day}00:06Z`, durationMs: 500, seq: 5, input: [{type: 'text', text: 'May it run go test?'}],
					output: [{type: 'text', text: 'ALLOW'}], usage: {prompt_tokens: 800, completion_tokens: 5}},
				{id: 'llm_req3', parent: 'agent_main_req1', kind: 'llm', name: MODEL, model: MODEL, callKind: 'main', stop: 'tool_use',
					startedAt: `${day}00:07Z`, durationMs: 3000, seq: 6, input: [],
					output: [{type: 'tool_use', tool_use_id: 'toolu_3', tool_name: 'Task', tool_input: {description: 'Find the flaky test', subagent_type: 'Explore', prompt: 'Find it'}}],
					usage: {prompt_tokens: 14000, completion_tokens: 120, cache_read_input_tokens: 11000}},
				{id: 'toolu_3', parent: 'agent_main_req1', kind: 'tool', name: 'Task', startedAt: `${day}00:10Z`, durationMs: 20000, seq: 7,
					input: [{type: 'tool_use', tool_use_id: 'toolu_3', tool_name: 'Task', tool_input: {description: 'Find the flaky test', subagent_type: 'Explore'}}],
					output: [{type: 'tool_result', tool_result_id: 'toolu_3', tool_output: 'It is sse_test.go:12'}]},
				{id: 'agent_t1', parent: 'toolu_3', kind: 'agent', name: 'subagent', thread: 't1', startedAt: `${day}00:11Z`, seq: 8},
				{id: 'llm_req4', parent: 'agent_t1', kind: 'llm', name: MODEL, model: MODEL, callKind: 'main', thread: 't1', stop: 'tool_use',
					startedAt: `${day}00:11Z`, durationMs: 2000, seq: 9, input: [{type: 'text', text: 'Find it'}],
					output: [{type: 'tool_use', tool_use_id: 'toolu_4', tool_name: 'Grep', tool_input: {pattern: 'flaky'}}],
					usage: {prompt_tokens: 5000, completion_tokens: 80}},
				{id: 'toolu_4', parent: 'agent_t1', kind: 'tool', name: 'Grep', thread: 't1', startedAt: `${day}00:13Z`, durationMs: 30, seq: 10,
					output: [{type: 'tool_result', tool_result_id: 'toolu_4', tool_output: 'sse_test.go:12'}]},
				{id: 'llm_req5', parent: 'agent_main_req1', kind: 'llm', name: 'claude-haiku-4-5', model: 'claude-haiku-4-5', callKind: 'offshoot:title-gen',
					stop: 'end_turn', startedAt: `${day}00:14Z`, durationMs: 400, seq: 11, output: [{type: 'text', text: 'Fix the SSE parser'}],
					usage: {prompt_tokens: 300, completion_tokens: 8}},
			]},
			{id: 'trc_req6', prompt: 'Now run the tests', startedAt: `${day}15:00Z`, costUsd: 0.0401, spans: [
				{id: 'agent_main_req6', kind: 'agent', name: 'main', startedAt: `${day}15:00Z`, seq: 0},
				{id: 'llm_req6', parent: 'agent_main_req6', kind: 'llm', name: MODEL, model: MODEL, callKind: 'main', stop: 'end_turn',
					startedAt: `${day}15:00Z`, durationMs: 2000, seq: 1, input: [{type: 'text', text: 'Now run the tests'}],
					output: [{type: 'text', text: 'All tests pass.'}], usage: {prompt_tokens: 16000, completion_tokens: 40, cache_read_input_tokens: 14000}},
				{id: 'llm_req7', parent: 'agent_main_req6', kind: 'llm', name: MODEL, model: MODEL, callKind: 'offshoot:compaction', stop: 'end_turn',
					startedAt: `${day}16:00Z`, durationMs: 6000, seq: 2, output: [{type: 'text', text: 'Summary of the conversation so far.'}],
					usage: {prompt_tokens: 17000, completion_tokens: 900}},
			]},
			{id: 'trc_req8', synthetic: 'post-compaction', startedAt: `${day}18:00Z`, costUsd: 0.0098, spans: [
				{id: 'agent_main_req8', kind: 'agent', name: 'main', startedAt: `${day}18:00Z`, seq: 0},
				{id: 'llm_req8', parent: 'agent_main_req8', kind: 'llm', name: MODEL, model: MODEL, callKind: 'main', stop: 'end_turn',
					startedAt: `${day}18:00Z`, durationMs: 1500, seq: 1, output: [{type: 'text', text: 'Continuing after compaction.'}],
					usage: {prompt_tokens: 3000, completion_tokens: 60}},
			]},
		],
	};
}

export function sessionB(): SessionFx {
	return {
		id: B, hsid: 'b-fork-session', parent: A, cwd: '/home/dev/projects/tapes', authSubject: 'bob@example.com',
		startedAt: '2026-11-03T09:00:00Z', lastSeenAt: '2026-11-03T09:05:00Z',
		traces: [{id: 'trc_b1', prompt: 'Try the other approach', startedAt: '2026-11-03T09:00:00Z', costUsd: 0.0033, spans: [
			{id: 'agent_main_b1', kind: 'agent', name: 'main', startedAt: '2026-11-03T09:00:00Z', seq: 0},
			{id: 'llm_b1', parent: 'agent_main_b1', kind: 'llm', name: MODEL, model: MODEL, callKind: 'main', stop: 'end_turn',
				startedAt: '2026-11-03T09:00:01Z', durationMs: 1000, seq: 1, input: [{type: 'text', text: 'Try the other approach'}],
				output: [{type: 'text', text: 'Done another way.'}], usage: {prompt_tokens: 1000, completion_tokens: 20}},
		]}],
	};
}

export function sessionC(): SessionFx {
	return {id: C, hsid: 'c-empty', startedAt: '2026-11-04T09:00:00Z', lastSeenAt: '2026-11-04T09:00:00Z', traces: []};
}

/** A trace to grow a session with: one more turn. */
export function extraTrace(id: string, at: string): TraceFx {
	return {id, prompt: 'One more thing', startedAt: at, costUsd: 0.002, spans: [
		{id: `agent_main_${id}`, kind: 'agent', name: 'main', startedAt: at, seq: 0},
		{id: `llm_${id}`, parent: `agent_main_${id}`, kind: 'llm', name: MODEL, model: MODEL, callKind: 'main', stop: 'end_turn', startedAt: at,
			durationMs: 500, seq: 1, input: [{type: 'text', text: 'One more thing'}], output: [{type: 'text', text: 'Done.'}],
			usage: {prompt_tokens: 500, completion_tokens: 10}},
	]};
}
