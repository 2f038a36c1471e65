// Turns a PromptKit conversation (one types.Message per line) into canonical messages. A message's
// cost_info is what PromptKit recorded; it is kept as the recorded cost, which wins over a computed one.
import path from 'node:path';
import type {CanonicalMessage, RecordedCost, Usage} from '../../core/types.js';
import type {FileEntry, FileFacts, FileMessage, FileOutput, LineParser} from '../jsonl/file-source.js';
import {checkMessage, checkState, type PromptKitMessage} from './schema.js';

export const PROMPTKIT_AGENT = 'promptkit';
/** Go writes an unset time.Time as year 1; anything before 1971 is no time at all. */
const EARLIEST_MS = Date.UTC(1971, 0, 1);

export interface PromptKitState {
	sessionId: string;
	lastMs: number | null;
	/** The last model named (meta.model), carried to the messages after it that name none. */
	lastModel?: string;
}

/** `<root>/conv-<id>/messages.jsonl` → `<id>`. */
export function conversationId(file: string): string {
	return path.basename(path.dirname(file)).replace(/^conv-/, '');
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

function usageOf(m: PromptKitMessage): {usage: Usage; recorded: RecordedCost | null} {
	const c = m.cost_info;
	if (!c) return {usage: {input: 0, output: 0, cacheWrite: 0, cacheWrite1h: 0, cacheRead: 0, total: null}, recorded: null};
	const input = c.input_tokens ?? 0;
	const output = c.output_tokens ?? 0;
	// cached_tokens are counted inside input_tokens (canonical input includes the cache), capped to it.
	const usage = {input, output, cacheWrite: 0, cacheWrite1h: 0, cacheRead: Math.min(c.cached_tokens ?? 0, input), total: input + output};
	const recorded = c.total_cost_usd === undefined ? null : {
		inputUsd: c.input_cost_usd ?? 0, outputUsd: c.output_cost_usd ?? 0, cachedUsd: c.cached_cost_usd ?? 0, totalUsd: c.total_cost_usd,
	};
	return {usage, recorded};
}

export function createPromptKitParser(entry: FileEntry, saved: unknown, file: FileFacts): LineParser {
	const st: PromptKitState = (saved as PromptKitState | null) ?? {sessionId: conversationId(entry.path), lastMs: null};
	let messages: FileMessage[] = [];
	return {
		accept(value, lineNo) {
			const parsed = checkMessage(value);
			if (!parsed.ok) return `not a PromptKit message (${parsed.issue})`;
			const m = parsed.message;
			const parsedMs = m.timestamp ? Date.parse(m.timestamp) : NaN;
			// A message without a time sorts right after the one before it (line order is the order).
			const ts = parsedMs >= EARLIEST_MS ? parsedMs : (st.lastMs ?? file.mtimeMs);
			st.lastMs = ts;
			const {usage, recorded} = usageOf(m);
			const toolCalls = (m.tool_calls ?? []).map((c) => ({id: c.id ?? '', name: c.name, args: c.args ?? null}));
			const r = m.tool_result;
			const text = m.content || (m.parts ?? []).map((p) => p.text ?? '').filter(Boolean).join('\n');
			const message: CanonicalMessage = {
				id: `${st.sessionId}:${lineNo}`, parentId: null, role: m.role, model: str(m.meta?.['model']), provider: str(m.meta?.['provider']),
				agent: PROMPTKIT_AGENT, project: str(m.meta?.['project']), timestamp: ts, text: m.role === 'tool' && r ? '' : text, toolCalls,
				toolResults: r ? [{id: r.id ?? '', name: r.name ?? '', content: r.content ?? text, error: r.error ?? '', isError: (r.error ?? '') !== '', latencyMs: r.latency_ms ?? null}] : [],
				usage, recordedCost: recorded,
				// PromptKit records no stop reason; an answer without tool calls ends its turn.
				stopReason: m.role === 'assistant' ? (toolCalls.length ? 'tool_use' : 'end_turn') : '',
				latencyMs: m.latency_ms ?? null,
				validations: (m.validations ?? []).map((v) => ({validator: v.validator_type, passed: v.passed, details: v.details ?? null})),
				meta: m.meta ?? null,
			};
			if (message.model) st.lastModel = message.model;
			messages.push({sessionId: st.sessionId, seq: lineNo, merge: false, message, ...(st.lastModel && !message.model ? {carriedModel: st.lastModel} : {})});
			return null;
		},
		drain() {
			const out = {messages, notes: []};
			messages = [];
			return out;
		},
		state: () => ({...st}),
	};
}

/** state.json: the conversation's title when its metadata has one. */
export function readPromptKitState(entry: FileEntry, value: unknown): FileOutput | string {
	const parsed = checkState(value);
	if (!parsed.ok) return `not a PromptKit state.json (${parsed.issue})`;
	const title = str(parsed.state.metadata?.['title']).trim();
	return {messages: [], notes: title ? [{sessionId: conversationId(entry.path), customTitle: title}] : []};
}
