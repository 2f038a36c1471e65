// Sixty generated sessions over the last 30 days, on top of the reference's seven, so the explorer
// has enough to show: several agents, models and providers, cache tokens, tool errors, commits,
// lengths from 2 to 40 nodes and one retried answer (a branch). A seeded PRNG makes the output the
// same on every run; only the times move with `now`.
import { prng } from '../../core/prng.js';
import type { ContentBlock } from '../tapes/content-block.js';
import { ConversationBuilder, type ModelProfile } from './conversation-builder.js';
import { DEMO_PROJECTS, type DemoProject, type DemoScenario } from './demo-projects.js';
import { DEMO_SCENARIOS } from './demo-scenarios.js';
import { type DemoSessionSpec, HOUR, MINUTE, SECOND, textBlock, toolResultBlock } from './demo-spec.js';
import { type DemoAgent, type ToolAction, toolOutput, toolPreamble, toolUse } from './tool-dialects.js';


const SEED = 0x7a9ede;
const DAY = 24 * HOUR;

function model(name: string, provider: string, cache: ModelProfile['cache'], tps: number, reasoning?: [number, number]): ModelProfile {
	const profile: ModelProfile = { model: name, provider, cache, tokensPerSecond: tps };
	if (reasoning !== undefined) profile.reasoningTokens = reasoning;
	return profile;
}
const SONNET = model('claude-sonnet-4-5-20250929', 'anthropic', 'anthropic', 70);
const OPUS = model('claude-opus-4-1', 'anthropic', 'anthropic', 40);
const HAIKU = model('claude-haiku-4-5', 'anthropic', 'anthropic', 150);
const GPT5 = model('gpt-5', 'openai', 'openai', 60, [100, 1200]);
const GPT41 = model('gpt-4.1', 'openai', 'openai', 90);
const O3_MINI = model('o3-mini', 'openai', 'openai', 110, [150, 1500]);
const GPT4O = model('gpt-4o', 'openai', 'openai', 90);
// Deliberately absent from every price table: the explorer must show it as unpriced, not $0.
const MISTRAL = model('mistral-large-2411', 'mistral', 'none', 55);

interface AgentProfile {
	agent: DemoAgent;
	model: ModelProfile;
	/** Size of the agent's system prompt and tool definitions. */
	systemTokens: [number, number];
}

const CLAUDE_SYSTEM: [number, number] = [15_000, 19_000];
const PROFILE_CYCLE: AgentProfile[] = [
	{ agent: 'claude', model: SONNET, systemTokens: CLAUDE_SYSTEM },
	{ agent: 'claude', model: SONNET, systemTokens: CLAUDE_SYSTEM },
	{ agent: 'claude', model: SONNET, systemTokens: CLAUDE_SYSTEM },
	{ agent: 'claude', model: OPUS, systemTokens: CLAUDE_SYSTEM },
	{ agent: 'claude', model: HAIKU, systemTokens: CLAUDE_SYSTEM },
	{ agent: 'codex', model: GPT5, systemTokens: [8_000, 11_000] },
	{ agent: 'codex', model: GPT41, systemTokens: [8_000, 11_000] },
	{ agent: 'codex', model: O3_MINI, systemTokens: [8_000, 11_000] },
	{ agent: 'opencode', model: MISTRAL, systemTokens: [9_000, 12_000] },
	{ agent: 'opencode', model: GPT4O, systemTokens: [9_000, 12_000] },
	{ agent: null, model: GPT4O, systemTokens: [150, 600] },
	// A plain API script: no prompt caching.
	{ agent: null, model: { ...HAIKU, cache: 'none' }, systemTokens: [150, 600] },
];

/** Generates the sixty extra sessions. Pure: the same specs on every call. */
export function extraDemoSessions(): DemoSessionSpec[] {
	const rand = prng(SEED);
	const profiles = shuffle(
		DEMO_SCENARIOS.map((_, i) => PROFILE_CYCLE[i % PROFILE_CYCLE.length] as AgentProfile),
		rand,
	);
	return DEMO_SCENARIOS.map((scenario, i) => buildSession(scenario, profiles[i] as AgentProfile, rand));
}

function buildSession(sc: DemoScenario, profile: AgentProfile, rand: () => number): DemoSessionSpec {
	const between = (lo: number, hi: number) => Math.round(lo + rand() * (hi - lo));
	const project = DEMO_PROJECTS[sc.project] as DemoProject;
	const b = new ConversationBuilder(profile.model, between(...profile.systemTokens), rand);
	const anthropic = profile.model.provider === 'anthropic';
	const stops = anthropic
		? { tool: 'tool_use', end: 'end_turn', cut: 'max_tokens' }
		: { tool: 'tool_calls', end: 'stop', cut: 'length' };
	const tokensOf = (text: string) => Math.ceil(text.length / 3.6) + 4;
	const answerTokens = (text: string) => tokensOf(text) + between(40, 350);

	const turns: Array<[string, string]> = [[sc.prompt, sc.answer], ...(sc.followUps ?? [])];
	const actions = sc.question ? [] : planActions(sc, project, rand);
	const chunks = splitAcross(actions, turns.length);
	turns.forEach(([prompt, answer], k) => {
		if (k > 0) b.wait(between(20 * SECOND, 9 * MINUTE));
		b.request('user', [textBlock(prompt)], tokensOf(prompt));
		for (const action of chunks[k] ?? []) {
			const id = toolId(profile, rand);
			const call = toolUse(profile.agent, action, id);
			const blocks: ContentBlock[] = rand() < 0.6 ? [textBlock(toolPreamble(action)), call] : [call];
			b.response(blocks, completionFor(action, between), stops.tool);
			b.wait(runtimeOf(action, between));
			const output = toolOutput(profile.agent, action);
			const isError = action.kind === 'bash' && action.isError;
			const resultTokens = action.kind === 'read' ? between(...project.readTokens) : tokensOf(output) + 20;
			b.request(anthropic ? 'user' : 'tool', [toolResultBlock(output, isError, id)], resultTokens);
		}
		if (k === 0 && sc.retry !== undefined) {
			// The first attempt is cut off; the client retries the same request, so the retry is a
			// sibling of the cut-off answer and the conversation continues from it.
			const mark = b.mark();
			const cutOff = b.response([textBlock(sc.retry)], 1024, stops.cut);
			b.rewind(mark);
			b.wait(between(30 * SECOND, 90 * SECOND));
			b.response([textBlock(answer)], answerTokens(answer), stops.end, cutOff - 1);
			return;
		}
		const truncated = sc.truncated === true && k === turns.length - 1;
		b.response([textBlock(answer)], truncated ? 8192 : answerTokens(answer), truncated ? stops.cut : stops.end);
	});
	if (sc.abandon !== undefined) {
		b.wait(between(MINUTE, 15 * MINUTE));
		b.request('user', [textBlock(sc.abandon)], tokensOf(sc.abandon));
	}
	// Anywhere in the last 30 days, ending at least a few minutes before now.
	const startAgoMs = Math.max(HOUR + rand() * (30 * DAY - HOUR), b.t + 5 * MINUTE + rand() * HOUR);
	return { name: sc.prompt, startAgoMs, project: sc.project, agentName: profile.agent, nodes: b.nodes };
}

/** Explore first (read, grep), then work, then the failing run and its fix, tests, and the commit. */
function planActions(sc: DemoScenario, project: DemoProject, rand: () => number): ToolAction[] {
	const files = shuffle([...project.files], rand);
	const main = files[0] as string;
	const tail: ToolAction[] = [];
	if (sc.failure !== undefined) {
		tail.push(bash(sc.failure.command, sc.failure.output, true), { kind: 'edit', file: main });
		tail.push(bash(sc.failure.command, sc.failure.passed ?? project.testOk));
	} else if (sc.commit !== undefined) {
		tail.push(bash(project.test, project.testOk));
	}
	if (sc.commit !== undefined) tail.push(commitAction(sc.commit, rand));

	const steps = sc.steps ?? drawSteps(rand);
	const changesCode = tail.length > 0 || /^(add|write|replace|generate|make|fix|rewrite|set up|migrate|move)\b/i.test(sc.prompt);
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
	const grep = (): ToolAction => ({ kind: 'grep', pattern: pick(project.greps), hits: files.slice(0, 1 + Math.floor(rand() * 3)) });
	const body: ToolAction[] = [{ kind: 'read', file: main }];
	while (body.length < steps - tail.length) {
		const file = pick(files);
		const r = rand();
		if (body.length === 1) body.push(grep());
		else if (!changesCode) body.push(r < 0.65 ? { kind: 'read', file } : grep());
		else if (r < 0.3) body.push({ kind: 'read', file });
		else if (r < 0.7) body.push({ kind: 'edit', file });
		else if (r < 0.85) body.push({ kind: 'write', file: companionFile(file) });
		else body.push(grep());
	}
	return [...body, ...tail];
}

function bash(command: string, output: string, isError = false): ToolAction {
	return { kind: 'bash', command, output, isError };
}

function commitAction(message: string, rand: () => number): ToolAction {
	const hash = Math.floor(rand() * 0xfffffff).toString(16).padStart(7, '0');
	const files = 1 + Math.floor(rand() * 6);
	const insertions = 20 + Math.floor(rand() * 300);
	const deletions = Math.floor(rand() * 80);
	const stat = `${files} file${files > 1 ? 's' : ''} changed, ${insertions} insertions(+), ${deletions} deletions(-)`;
	return bash(`git add -A && git commit -m "${message}"`, `[main ${hash}] ${message}\n ${stat}`);
}

/** Mostly short tool loops, some medium, a few long. */
function drawSteps(rand: () => number): number {
	const draw = rand();
	const span = (lo: number, count: number) => lo + Math.floor(rand() * count);
	return draw < 0.45 ? span(2, 4) : draw < 0.85 ? span(6, 5) : span(11, 5);
}

/** The file an agent would create next to `file`: its test. */
function companionFile(file: string): string {
	if (file.endsWith('.go')) return file.replace(/\.go$/, '_test.go');
	if (file.endsWith('.ts')) return file.replace(/\.ts$/, '.test.ts');
	if (file.endsWith('.py')) return file.replace(/([^/]+)\.py$/, 'test_$1.py');
	return file;
}

/** The first turn does most of the work; later turns share the rest, in order. */
function splitAcross<T>(items: T[], parts: number): T[][] {
	if (parts === 1) return [items];
	const first = Math.ceil(items.length * 0.6);
	const rest = items.slice(first);
	const per = Math.ceil(rest.length / (parts - 1));
	return [items.slice(0, first), ...Array.from({ length: parts - 1 }, (_, i) => rest.slice(i * per, (i + 1) * per))];
}

function completionFor(action: ToolAction, between: (lo: number, hi: number) => number): number {
	switch (action.kind) {
		case 'edit':
			return between(120, 1400);
		case 'write':
			return between(250, 2200);
		default:
			return between(30, 120);
	}
}

/** Tool run time, including the pause while a person approves an edit or a command. */
function runtimeOf(action: ToolAction, between: (lo: number, hi: number) => number): number {
	if (action.kind === 'read' || action.kind === 'grep') return between(30, 400);
	if (action.kind !== 'bash') return between(1 * SECOND, 25 * SECOND);
	return action.command.startsWith('git ') ? between(2 * SECOND, 15 * SECOND) : between(5 * SECOND, 90 * SECOND);
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function toolId(profile: AgentProfile, rand: () => number): string {
	const chars = (n: number) => Array.from({ length: n }, () => ID_CHARS[Math.floor(rand() * ID_CHARS.length)]).join('');
	if (profile.model.provider === 'anthropic') return `toolu_01${chars(22)}`;
	return profile.model.provider === 'mistral' ? chars(9) : `call_${chars(24)}`;
}

function shuffle<T>(xs: T[], rand: () => number): T[] {
	for (let i = xs.length - 1; i > 0; i--) {
		const j = Math.floor(rand() * (i + 1));
		[xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
	}
	return xs;
}
