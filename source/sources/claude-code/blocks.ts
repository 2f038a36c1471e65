// Claude Code content blocks and usage in canonical terms.
import type {ToolCall, Usage} from '../../core/types.js';
import type {Block, ClaudeUsage} from './schema.js';

const n = (v: number | null | undefined): number => v ?? 0;

/**
 * Anthropic reports uncached input, cache writes and cache reads separately; canonical `input` includes
 * all three. 1-hour writes are split out (priced at 2x input, 5-minute ones at 1.25x); without the
 * `cache_creation` breakdown every write is a 5-minute one, as the API's default.
 */
export function toUsage(u: ClaudeUsage | null | undefined): Usage {
	if (!u) return {input: 0, output: 0, cacheWrite: 0, cacheWrite1h: 0, cacheRead: 0, total: null};
	const writes = n(u.cache_creation_input_tokens);
	const oneHour = Math.min(n(u.cache_creation?.ephemeral_1h_input_tokens), writes);
	const input = n(u.input_tokens) + writes + n(u.cache_read_input_tokens);
	const output = n(u.output_tokens);
	return {input, output, cacheWrite: writes - oneHour, cacheWrite1h: oneHour, cacheRead: n(u.cache_read_input_tokens), total: input + output};
}

/** Text of a tool_result's content: a string, or text blocks (images as a marker). */
export function resultText(content: Block['content']): string {
	if (content === null || content === undefined) return '';
	if (typeof content === 'string') return content;
	const parts: string[] = [];
	for (const item of content) {
		if (typeof item !== 'object' || item === null) continue;
		const b = item as {type?: unknown; text?: unknown};
		if (b.type === 'text' && typeof b.text === 'string') parts.push(b.text);
		else if (b.type === 'image') parts.push('[image]');
	}
	return parts.join('\n');
}

export interface Parts {
	text: string;
	toolCalls: ToolCall[];
	results: Block[];
}

/** Splits message content into text (text blocks only; thinking is left out), tool calls and tool results. */
export function splitContent(content: string | Block[] | undefined): Parts {
	if (content === undefined) return {text: '', toolCalls: [], results: []};
	if (typeof content === 'string') return {text: content, toolCalls: [], results: []};
	const texts: string[] = [];
	const toolCalls: ToolCall[] = [];
	const results: Block[] = [];
	for (const b of content) {
		if (b.type === 'text' && b.text) texts.push(b.text);
		else if (b.type === 'image') texts.push('[image]');
		else if (b.type === 'tool_use') toolCalls.push({id: b.id ?? '', name: b.name ?? '', args: b.input ?? null});
		else if (b.type === 'tool_result') results.push(b);
	}
	return {text: texts.join('\n'), toolCalls, results};
}

/**
 * What the top-level `toolUseResult` adds to a lone tool_result: a failed tool's message (Claude Code
 * records it as a string) and a duration when the tool reports one (Bash, Task, WebSearch...).
 */
export function toolUseResultFacts(v: unknown): {errorText: string | null; durationMs: number | null} {
	if (typeof v === 'string') return {errorText: v, durationMs: null};
	if (typeof v !== 'object' || v === null || Array.isArray(v)) return {errorText: null, durationMs: null};
	const o = v as Record<string, unknown>;
	const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : null);
	const seconds = num(o['durationSeconds']);
	return {errorText: null, durationMs: num(o['durationMs']) ?? num(o['totalDurationMs']) ?? (seconds === null ? null : seconds * 1000)};
}
