// Claude Code content blocks and usage in canonical terms.
import type {ContentPart, ToolCall, Usage} from '../../core/types.js';
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

/** An image as a marker with what it is: `[image: image/png, 120 KB]`. */
export function imageMarker(b: {source?: unknown}): string {
	const source = b.source as {media_type?: unknown; data?: unknown} | undefined;
	const type = typeof source?.media_type === 'string' ? source.media_type : '';
	// base64 holds 3 bytes in 4 characters.
	const bytes = typeof source?.data === 'string' ? Math.round((source.data.length * 3) / 4) : 0;
	const size = bytes > 0 ? `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-US')} KB` : '';
	return `[image${type || size ? `: ${[type, size].filter(Boolean).join(', ')}` : ''}]`;
}

/** A block of a type no reader knows: `[type]` with its size, never dropped. */
export function unknownMarker(b: {type?: unknown}): string {
	return `[${String(b.type)}] (${JSON.stringify(b).length.toLocaleString('en-US')} characters)`;
}

/**
 * Text of a tool_result's content: a string, or its blocks: text, images and tool references (what
 * ToolSearch returns) as markers, any other block as `[type]` with its size.
 */
export function resultText(content: Block['content']): string {
	if (content === null || content === undefined) return '';
	if (typeof content === 'string') return content;
	const parts: string[] = [];
	for (const item of content) {
		if (typeof item !== 'object' || item === null) continue;
		const b = item as {type?: unknown; text?: unknown; tool_name?: unknown; source?: unknown};
		if (b.type === 'text') {
			if (typeof b.text === 'string') parts.push(b.text);
		} else if (b.type === 'image') parts.push(imageMarker(b));
		else if (b.type === 'tool_reference') parts.push(`[tool reference: ${typeof b.tool_name === 'string' ? b.tool_name : '?'}]`);
		else parts.push(unknownMarker(b));
	}
	return parts.join('\n');
}

export interface Parts {
	text: string;
	toolCalls: ToolCall[];
	results: Block[];
	/** Thinking, redacted thinking and unknown blocks. */
	parts: ContentPart[];
}

/** Splits message content into text (text blocks, images as markers), tool calls, tool results and the other parts. */
export function splitContent(content: string | Block[] | undefined): Parts {
	if (content === undefined) return {text: '', toolCalls: [], results: [], parts: []};
	if (typeof content === 'string') return {text: content, toolCalls: [], results: [], parts: []};
	const texts: string[] = [];
	const toolCalls: ToolCall[] = [];
	const results: Block[] = [];
	const parts: ContentPart[] = [];
	for (const b of content) {
		if (b.type === 'text') {
			if (b.text) texts.push(b.text);
		} else if (b.type === 'image') texts.push(imageMarker(b));
		else if (b.type === 'tool_use') toolCalls.push({id: b.id ?? '', name: b.name ?? '', args: b.input ?? null});
		else if (b.type === 'tool_result') results.push(b);
		else if (b.type === 'thinking') {
			if (b.thinking) parts.push({kind: 'thinking', text: b.thinking});
		} else if (b.type === 'redacted_thinking') parts.push({kind: 'redacted_thinking', text: '', size: (b.data ?? '').length});
		else parts.push({kind: 'unknown', text: b.type, size: JSON.stringify(b).length});
	}
	return {text: texts.join('\n'), toolCalls, results, parts};
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
