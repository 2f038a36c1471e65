// One tapes session (row, traces, spans) as canonical messages. Per trace, in seq order: a main llm span's
// input is the user's prompt and its output the assistant's reply (text, thinking, tool calls); a tool span
// is the tool's result; offshoot llm calls (title generation, permission checks, compaction) are assistant
// messages marked by their call kind, because tapes' totals count them. A subagent thread becomes a
// sub-session `<session>:<thread>` under its session, as Claude Code's subagents are.
import type {CanonicalMessage, PricingTable, ToolCall, ToolResult, Usage} from '../../core/types.js';
import {pricingForModel} from '../../core/pricing.js';
import {costOfUsage} from '../../core/cost.js';
import type {ContentBlock, V1SessionRead, V1Span} from './model.js';

export interface MappedSession {
	id: string;
	messages: CanonicalMessage[];
	title: string;
	cwd: string;
	/** The session a subagent thread ran in. */
	parentId: string | null;
}

const AGENTS: Record<string, {agent: string; provider: string}> = {
	claude: {agent: 'claude-code', provider: 'anthropic'},
	codex: {agent: 'codex', provider: 'openai'},
};

/** A subagent thread's session: under its session, named by the thread (stable while the session grows). */
export const threadSessionId = (sessionId: string, threadId: string) => `${sessionId}:${threadId}`;

const PREVIEW_RUNES = 120;

/** Text JSON could parse starts like a value (a failed parse throws, and a cold sync looks at every session's first prompt). */
const JSON_START = /^(?:[{["\-\d]|true$|false$|null$)/;

function isJson(text: string): boolean {
	if (!JSON_START.test(text)) return false;
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

/** The API's display title rule: display_name, derived_title, first genuine prompt, name, harness id, id. */
export function displayTitle(read: V1SessionRead): string {
	const s = read.session;
	if (s.displayTitle) return s.displayTitle;
	const first = read.traces.find((t) => t.synthetic === '' && t.userPrompt.trim() !== '')?.userPrompt.trim() ?? '';
	const preview = first && !isJson(first) ? [...first].slice(0, PREVIEW_RUNES).join('') : '';
	return s.displayName || s.derivedTitle || preview || s.name || s.harnessSessionId.slice(0, 12) || s.id;
}

function textOf(blocks: readonly ContentBlock[]): string {
	let text = '';
	for (const b of blocks) if (b.type === 'text' && b.text) text = text ? `${text}\n${b.text}` : b.text;
	return text;
}

function toolCallsOf(blocks: readonly ContentBlock[]): ToolCall[] {
	return blocks.filter((b) => b.type === 'tool_use' || b.type === 'server_tool_use')
		.map((b) => ({id: b.tool_use_id ?? '', name: b.tool_name ?? '', args: b.tool_input ?? null}));
}

function resultText(b: ContentBlock): string {
	if (b.tool_output !== undefined) return b.tool_output;
	if (b.text !== undefined) return b.text;
	return b.content === undefined ? '' : JSON.stringify(b.content);
}

function usageOf(span: V1Span): Usage {
	const u = span.usage;
	const total = u.total_tokens ?? null;
	return {input: u.prompt_tokens ?? 0, output: u.completion_tokens ?? 0, cacheWrite: u.cache_creation_input_tokens ?? 0,
		cacheWrite1h: 0, cacheRead: u.cache_read_input_tokens ?? 0, total};
}

const isMainCall = (callKind: string) => callKind === 'main' || callKind === '' || callKind === 'unknown';

/** The sessions one tapes session becomes (itself first, then one per subagent thread), in time order. */
export function mapSession(read: V1SessionRead, pricing: PricingTable): MappedSession[] {
	const {session} = read;
	const who = AGENTS[session.harnessId] ?? {agent: session.harnessId || 'tapes', provider: ''};
	const project = session.cwd.split(/[\\/]/).filter(Boolean).at(-1) ?? '';
	const NO_USAGE = {input: 0, output: 0, cacheWrite: 0, cacheWrite1h: 0, cacheRead: 0, total: null};
	// One shape for every message (no spreads: a cold sync maps a million spans).
	const message = (id: string, role: string, model: string, timestamp: number, text: string, toolCalls: ToolCall[], toolResults: ToolResult[],
		usage: Usage, stopReason: string, latencyMs: number | null, meta: Record<string, unknown> | null): CanonicalMessage => ({
		id, parentId: null, role, model, provider: who.provider, agent: who.agent, project, timestamp, text, toolCalls, toolResults, usage,
		stopReason, latencyMs, recordedCost: null, validations: [], meta,
	});
	// A fork (parent_session_id) is a session of its own, as a forked Claude Code transcript is: its parent's
	// "incl. subagents" total then stays tapes' own session total, which counts only the parent's traces.
	const root: MappedSession = {id: session.id, messages: [], title: displayTitle(read), cwd: session.cwd, parentId: null};
	const threads = new Map<string, MappedSession>();
	const spansOf = new Map<string, V1Span[]>();
	for (const span of read.spans) (spansOf.get(span.traceId) ?? spansOf.set(span.traceId, []).get(span.traceId)!).push(span);
	const toolSpans = new Map<string, V1Span>();
	// A tool call's arguments, from the tool_use block of the call that made it (a tool span's own input repeats it).
	const toolArgs = new Map<string, unknown>();
	for (const span of read.spans) {
		if (span.kind === 'tool') toolSpans.set(`${span.traceId}/${span.spanId}`, span);
		else if (span.kind === 'llm') for (const b of span.output) if (b.type === 'tool_use' && b.tool_use_id) toolArgs.set(b.tool_use_id, b.tool_input);
	}

	const sessionOf = (span: V1Span): MappedSession => {
		if (span.threadId === '') return root;
		let thread = threads.get(span.threadId);
		if (!thread) {
			thread = {id: threadSessionId(session.id, span.threadId), messages: [], title: '', cwd: session.cwd, parentId: session.id};
			threads.set(span.threadId, thread);
		}
		return thread;
	};

	for (const trace of read.traces) {
		const spans = (spansOf.get(trace.traceId) ?? []).sort((a, b) => a.seq - b.seq);
		const llm: CanonicalMessage[] = [];
		for (const span of spans) {
			const id = `${trace.traceId}/${span.spanId}`;
			const at = span.startedMs;
			const end = at + span.durationNs / 1e6;
			if (span.kind === 'agent' && span.threadId !== '') {
				// The spawning tool's arguments name the subagent (Task: description; spawn_agent: description, subagent_type).
				const spawn = toolSpans.get(`${trace.traceId}/${span.parentSpanId}`);
				const args = (toolArgs.get(span.parentSpanId) ?? spawn?.input.find((b) => b.type === 'tool_use')?.tool_input ?? {}) as Record<string, unknown>;
				const label = [args['description'], args['subagent_type'], spawn?.name].find((v) => typeof v === 'string' && v !== '') as string | undefined;
				sessionOf(span).title = label ?? 'subagent';
				continue;
			}
			if (span.kind === 'llm') {
				const target = sessionOf(span);
				const prompt = isMainCall(span.callKind) ? textOf(span.input) : '';
				if (prompt) {
					target.messages.push(message(`${id}/in`, 'user', '', at, prompt, [], [], {...NO_USAGE}, '', null, null));
				}
				const thinking = span.output.filter((b) => b.type === 'thinking' && b.thinking).map((b) => b.thinking).join('\n');
				const meta: Record<string, unknown> = {};
				if (!isMainCall(span.callKind)) meta['callKind'] = span.callKind;
				if (thinking) meta['thinking'] = thinking;
				const reply = message(id, 'assistant', span.model || (span.name !== 'llm' ? span.name : ''), end, textOf(span.output),
					toolCallsOf(span.output), [], usageOf(span), span.stopReason, span.durationNs / 1e6, Object.keys(meta).length > 0 ? meta : null);
				target.messages.push(reply);
				llm.push(reply);
			} else if (span.kind === 'tool') {
				const result = span.output.find((b) => b.type === 'tool_result');
				const content = result ? resultText(result) : '';
				const isError = span.status === 'error' || result?.is_error === true;
				const toolResult: ToolResult = {id: span.spanId, name: span.name, content, error: isError ? content || 'error' : '', isError,
					latencyMs: span.durationNs / 1e6};
				sessionOf(span).messages.push(message(id, 'tool', '', end, '', [], [toolResult], {...NO_USAGE}, '', span.durationNs / 1e6, null));
			}
		}
		shareRecordedCost(trace.costUsd, llm, pricing);
	}
	const all = [root, ...threads.values()];
	for (const s of all) s.messages.sort((a, b) => a.timestamp - b.timestamp);
	return all;
}

/**
 * tapes records cost per trace. It is shared among the trace's llm calls in proportion to what tapedeck's
 * prices make of them (by tokens when none is priced), so the session's total is tapes' exactly. A trace tapes
 * could not price (cost 0) keeps tapedeck's computed cost.
 */
function shareRecordedCost(costUsd: number, llm: CanonicalMessage[], pricing: PricingTable): void {
	if (!(costUsd > 0) || llm.length === 0) return;
	const priced = llm.map((m) => {
		const price = pricingForModel(pricing, m.model);
		return price ? costOfUsage(price, m.usage).total : 0;
	});
	const tokens = llm.map((m) => m.usage.input + m.usage.output);
	const weights = priced.some((w) => w > 0) ? priced : tokens.some((w) => w > 0) ? tokens : llm.map(() => 1);
	const sum = weights.reduce((a, b) => a + b, 0);
	llm.forEach((m, i) => {
		const totalUsd = (costUsd * weights[i]!) / sum;
		m.recordedCost = {inputUsd: 0, outputUsd: 0, cachedUsd: 0, totalUsd};
	});
}
