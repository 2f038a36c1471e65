// Turns one Codex rollout into canonical messages. The model comes from turn_context; each token_count
// event is one model response's usage (last_token_usage; the difference of cumulative totals only when
// that is missing) and is put on the response's last item. input_tokens already includes
// cached_input_tokens, so cached input is counted once, as cache reads.
import path from 'node:path';
import type {CanonicalMessage, Usage} from '../../core/types.js';
import {openCalls, type FileEntry, type FileFacts, type FileMessage, type LineParser, type SessionNote} from '../jsonl/file-source.js';
import {checkLine, type ResponseItem, type TokenUsage} from './schema.js';
import {toolOutcome} from './tool-output.js';
import {implausibleTimestamp} from '../../core/time.js';

export const CODEX_AGENT = 'codex';
const MEMORY_LIMIT = 100_000;
/** User-role items Codex injects (environment, AGENTS.md, permissions): context, not prompts. */
const INJECTED = /^\s*(<(environment_context|user_instructions|permissions instructions|user_shell_command)>|# AGENTS\.md instructions)/;
const UUID_AT_END = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.jsonl$/i;

/** What the parser carries from one sync to the next (JSON-safe). */
export interface CodexState {
	sessionId: string;
	model: string;
	cwd: string;
	provider: string;
	lastTotal: TokenUsage | null;
	/** The last item of the response in progress: its token_count, when it comes, is put on it. */
	open: {id: string; seq: number; ts: number} | null;
	/** Tool calls whose outputs have not come yet: an output in a later sync still gets its name and latency. */
	calls?: Record<string, {name: string; ts: number}>;
}

const n = (v: number | null | undefined) => v ?? 0;

function toUsage(u: TokenUsage): Usage {
	const input = n(u.input_tokens);
	const output = n(u.output_tokens);
	return {input, output, cacheWrite: 0, cacheWrite1h: 0, cacheRead: Math.min(n(u.cached_input_tokens), input), total: u.total_tokens ?? input + output};
}

const sameTotals = (a: TokenUsage | null, b: TokenUsage) =>
	a !== null && (['input_tokens', 'cached_input_tokens', 'output_tokens', 'total_tokens'] as const).every((k) => n(a[k]) === n(b[k]));

function delta(total: TokenUsage, last: TokenUsage | null): TokenUsage {
	const d = (k: keyof TokenUsage) => Math.max(0, n(total[k]) - n(last?.[k]));
	return {input_tokens: d('input_tokens'), cached_input_tokens: d('cached_input_tokens'), output_tokens: d('output_tokens'),
		reasoning_output_tokens: d('reasoning_output_tokens'), total_tokens: d('total_tokens')};
}

function parentOf(source: unknown): string | null {
	const spawn = (source as {subagent?: {thread_spawn?: {parent_thread_id?: unknown}}} | undefined)?.subagent?.thread_spawn;
	return typeof spawn?.parent_thread_id === 'string' ? spawn.parent_thread_id : null;
}

export function createCodexParser(entry: FileEntry, saved: unknown, file: FileFacts): LineParser {
	const st: CodexState = (saved as CodexState | null) ?? {
		sessionId: UUID_AT_END.exec(entry.path)?.[1] ?? path.basename(entry.path, '.jsonl'), model: '', cwd: '', provider: 'openai', lastTotal: null, open: null,
	};
	let messages: FileMessage[] = [];
	let notes: SessionNote[] = [];
	const calls = new Map<string, {name: string; ts: number}>(Object.entries(st.calls ?? {}));

	function push(lineNo: number, ts: number, fields: Partial<CanonicalMessage> & {role: string}): FileMessage {
		const fm: FileMessage = {sessionId: st.sessionId, seq: lineNo, merge: false, message: {
			id: `${st.sessionId}:${lineNo}`, parentId: null, model: st.model, provider: st.provider, agent: CODEX_AGENT,
			project: st.cwd.split(/[\\/]/).filter(Boolean).pop() ?? '', timestamp: ts, text: '', toolCalls: [], toolResults: [],
			usage: {input: 0, output: 0, cacheWrite: 0, cacheWrite1h: 0, cacheRead: 0, total: null}, stopReason: '', latencyMs: null,
			recordedCost: null, validations: [], meta: null, ...fields,
		}};
		messages.push(fm);
		return fm;
	}

	function item(p: ResponseItem, lineNo: number, ts: number): void {
		if (p.type === 'message') {
			// Images and content of other kinds stay as a marker with their kind.
			const text = (p.content ?? []).map((c) => c.text ?? (c.type === 'input_image' ? '[image]' : `[${c.type}]`)).filter(Boolean).join('\n');
			if (text === '') return;
			const role = p.role === 'assistant' ? 'assistant' : p.role === 'user' && !INJECTED.test(text) ? 'user' : 'system';
			// A message ends the model's turn; a tool call leaves it waiting on the result.
			const fm = push(lineNo, ts, {role, text, stopReason: role === 'assistant' ? 'end_turn' : ''});
			if (role === 'assistant') st.open = {id: fm.message.id, seq: lineNo, ts};
		} else if (p.type === 'function_call' || p.type === 'custom_tool_call' || p.type === 'local_shell_call') {
			const raw = p.arguments ?? p.input;
			let args: unknown = raw ?? p.action ?? null;
			if (typeof raw === 'string') {
				try {
					args = JSON.parse(raw);
				} catch {
					args = raw;
				}
			}
			const name = p.name ?? (p.type === 'local_shell_call' ? 'shell' : '');
			if (p.call_id) {
				if (calls.size > MEMORY_LIMIT) calls.clear();
				calls.set(p.call_id, {name, ts});
			}
			const fm = push(lineNo, ts, {role: 'assistant', toolCalls: [{id: p.call_id ?? '', name, args}], stopReason: 'tool_use'});
			st.open = {id: fm.message.id, seq: lineNo, ts};
		} else if (p.type === 'reasoning') {
			// Only a summary says something: encrypted reasoning alone has nothing to show (and is not a message).
			const summary = (p.summary ?? []).map((s) => s.text ?? '').filter(Boolean).join('\n\n');
			const hidden = p.encrypted_content?.length ?? 0;
			if (summary === '') return;
			push(lineNo, ts, {role: 'assistant', parts: [{kind: 'reasoning', text: summary, ...(hidden ? {size: hidden} : {})}]});
		} else if (p.type === 'function_call_output' || p.type === 'custom_tool_call_output') {
			const call = calls.get(p.call_id ?? '');
			calls.delete(p.call_id ?? '');
			const out = toolOutcome(p.output);
			push(lineNo, ts, {role: 'tool', toolResults: [{id: p.call_id ?? '', name: call?.name ?? '', content: out.content,
				error: out.failed ? (out.exitCode !== null ? `exit code ${out.exitCode}` : out.content.split('\n')[0]!.slice(0, 200) || 'failed') : '', isError: out.failed,
				latencyMs: out.durationMs ?? (call ? Math.max(0, ts - call.ts) : null)}]});
		}
	}

	function tokenCount(value: Record<string, unknown>, lineNo: number, ts: number): string | null {
		const parsed = checkLine('tokenCount', value);
		if (!parsed.ok) return `not a Codex token_count event (${parsed.issue})`;
		const info = parsed.line.payload.info;
		const total = info?.total_token_usage ?? null;
		// Codex repeats a token_count when only its rate limits changed: the same totals are not a new turn.
		if (total && sameTotals(st.lastTotal, total)) return null;
		const used = info?.last_token_usage ?? (total ? delta(total, st.lastTotal) : null);
		if (total) st.lastTotal = total;
		if (!used) return null;
		const usage = toUsage(used);
		const open = st.open;
		st.open = null;
		if (!open) {
			push(lineNo, ts, {role: 'assistant', usage});
			return null;
		}
		const pending = messages.find((m) => m.message.id === open.id);
		if (pending) {
			pending.message.usage = usage;
			return null;
		}
		// The item was stored by an earlier batch or sync: the usage joins it there (merged by ID).
		const fm = push(open.seq, open.ts, {role: 'assistant', usage});
		fm.message.id = open.id;
		fm.merge = true;
		return null;
	}

	return {
		accept(value, lineNo) {
			if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
			const line = value as Record<string, unknown>;
			const type = line['type'];
			const ts = Date.parse(String(line['timestamp'] ?? ''));
			const at = Number.isNaN(ts) || implausibleTimestamp(ts) ? file.mtimeMs : ts;
			if (type === 'session_meta') {
				const parsed = checkLine('sessionMeta', line);
				if (!parsed.ok) return `not a Codex session_meta line (${parsed.issue})`;
				const p = parsed.line.payload;
				st.sessionId = p.id;
				if (p.cwd) st.cwd = p.cwd;
				if (p.model_provider) st.provider = p.model_provider;
				const note: SessionNote = {sessionId: p.id, ...(p.cwd ? {cwd: p.cwd} : {}), ...(p.git?.branch ? {gitBranch: p.git.branch} : {})};
				const parent = parentOf(p.source);
				if (parent) note.parentId = parent;
				notes.push(note);
			} else if (type === 'turn_context') {
				const parsed = checkLine('turnContext', line);
				if (!parsed.ok) return `not a Codex turn_context line (${parsed.issue})`;
				if (parsed.line.payload.model) st.model = parsed.line.payload.model;
				if (parsed.line.payload.cwd) st.cwd = parsed.line.payload.cwd;
			} else if (type === 'response_item') {
				const parsed = checkLine('responseItem', line);
				if (!parsed.ok) return `not a Codex response_item line (${parsed.issue})`;
				item(parsed.line.payload, lineNo, at);
			} else if (type === 'event_msg' && (line['payload'] as {type?: unknown} | undefined)?.type === 'token_count') {
				return tokenCount(line, lineNo, at);
			} else if (type === 'event_msg' && (line['payload'] as {type?: unknown} | undefined)?.type === 'turn_aborted') {
				const reason = (line['payload'] as {reason?: unknown}).reason;
				const why = typeof reason === 'string' && reason !== '' ? reason : 'no reason given';
				push(lineNo, at, {role: 'system', text: `— turn aborted (${why}) —`, parts: [{kind: 'aborted', text: `turn aborted: ${why}`}]});
			} else if (type === 'compacted') {
				const parsed = checkLine('compacted', line);
				if (!parsed.ok) return `not a Codex compacted line (${parsed.issue})`;
				push(lineNo, at, {role: 'system', text: '— conversation compacted —', meta: {compactBoundary: {trigger: null, preTokens: null, postTokens: null}}});
			}
			return null;
		},
		drain() {
			const out = {messages, notes};
			messages = [];
			notes = [];
			return out;
		},
		state: (): CodexState => ({...st, calls: openCalls(calls)}),
	};
}
