// The transcript a facet is extracted from: one entry per message, each cut to a size that keeps a
// long tool output from crowding out the conversation. Over the cap the beginning (what was asked)
// and the end (how it ended) are kept and the middle is dropped, because the reference kept only the
// head and so lost the outcome (reference §7).
import type {Status} from './types.js';
import {labelText, truncate} from './labels.js';
import {formatDuration} from './format.js';

export interface FacetMessage {
	id: string;
	parentId: string | null;
	role: string;
	timestamp: number;
	/** Text blocks only (no tool output). */
	text: string;
	toolCalls: Array<{id: string; name: string; args: unknown}>;
	/** `id` is the tool call a result answers ('' when the source does not say). */
	toolResults: Array<{id: string; content: string; error: string; isError: boolean}>;
	stopReason: string;
}

/** Everything an extractor (LLM or heuristic) sees of one session. */
export interface FacetSessionInput {
	sessionId: string;
	label: string;
	project: string;
	agent: string;
	status: Status;
	startMs: number;
	durationMs: number;
	messages: FacetMessage[];
}

export interface Transcript {
	text: string;
	/** Messages the session had when the transcript was built (what "current" is measured against). */
	messagesSeen: number;
	/** Messages left out of the middle to stay under the cap. */
	omitted: number;
}

export const TRANSCRIPT_CAP_CHARS = 30_000;
const USER_CHARS = 2000;
const ASSISTANT_CHARS = 1000;
const RESULT_CHARS = 300;
const ERROR_CHARS = 500;
const ARGS_CHARS = 200;
const ENTRY_CHARS = 4000;
/** Share of the budget given to the beginning; the rest goes to the end, where the outcome is. */
const HEAD_SHARE = 0.35;

function oneLine(text: string, n: number): string {
	return truncate(text.replace(/\s+/g, ' ').trim(), n);
}

/** The most telling argument of a tool call: the command, the path or the pattern, else compact JSON. */
export function describeToolArgs(args: unknown): string {
	if (args === null || args === undefined) return '';
	if (typeof args === 'string') return args;
	if (typeof args !== 'object' || Array.isArray(args)) return JSON.stringify(args);
	const a = args as Record<string, unknown>;
	for (const key of ['command', 'cmd', 'file_path', 'filePath', 'path', 'pattern', 'query', 'url']) {
		const v = a[key];
		if (typeof v === 'string' && v !== '') return v;
		// Codex spells a shell command as an argv array: ['bash', '-lc', 'npm test'].
		if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return (v as string[]).at(-1) ?? '';
	}
	return JSON.stringify(args) ?? '';
}

function entryOf(m: FacetMessage): string {
	const lines: string[] = [];
	const text = m.role === 'user' ? labelText(m.text) : m.text.trim();
	if (text !== '') {
		lines.push(`[${m.role}] ${truncate(text, m.role === 'user' ? USER_CHARS : ASSISTANT_CHARS)}`);
	}
	for (const call of m.toolCalls) lines.push(`[tool call] ${call.name}: ${oneLine(describeToolArgs(call.args), ARGS_CHARS)}`);
	for (const r of m.toolResults) {
		const failed = r.isError || r.error.trim() !== '';
		const body = failed ? (r.error.trim() || r.content) : r.content;
		lines.push(`[${failed ? 'tool error' : 'tool result'}] ${oneLine(body, failed ? ERROR_CHARS : RESULT_CHARS)}`);
	}
	if (m.stopReason === 'max_tokens' || m.stopReason === 'length') lines.push('[note] the answer was cut off at the output token limit');
	return truncate(lines.join('\n'), ENTRY_CHARS);
}

export function transcriptHeader(s: FacetSessionInput): string {
	const parts = [`Session: ${oneLine(s.label, 80)}`];
	if (s.project) parts.push(`project ${s.project}`);
	if (s.agent) parts.push(`agent ${s.agent}`);
	parts.push(`${s.messages.length} messages`, formatDuration(s.durationMs), `status ${s.status}`);
	return parts.join(' · ');
}

export function buildTranscript(s: FacetSessionInput, capChars = TRANSCRIPT_CAP_CHARS): Transcript {
	const header = transcriptHeader(s);
	const entries = s.messages.map(entryOf).filter((e) => e !== '');
	const size = (e: string) => e.length + 1;
	const total = entries.reduce((a, e) => a + size(e), header.length + 1);
	if (total <= capChars) return {text: [header, ...entries].join('\n'), messagesSeen: s.messages.length, omitted: 0};
	// Reserve room for the omission marker so the result stays under the cap.
	const budget = Math.max(capChars - header.length - 64, 0);
	const head: string[] = [];
	let used = 0;
	for (const e of entries) {
		if (used + size(e) > budget * HEAD_SHARE) break;
		head.push(e);
		used += size(e);
	}
	const tail: string[] = [];
	for (let i = entries.length - 1; i >= head.length; i--) {
		const e = entries[i]!;
		if (used + size(e) > budget) break;
		tail.unshift(e);
		used += size(e);
	}
	const omitted = entries.length - head.length - tail.length;
	const marker = `[… ${omitted} message${omitted === 1 ? '' : 's'} omitted …]`;
	return {text: [header, ...head, marker, ...tail].join('\n'), messagesSeen: s.messages.length, omitted};
}
