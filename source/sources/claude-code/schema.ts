// The Claude Code transcript lines tapedeck reads (reference/peers-and-formats.md §3.1): zod schemas are
// the definition; hand-written guards accept exactly the well-formed lines those schemas accept, so zod
// is loaded (lazily) only to reject an odd line with a message that names the field. Objects may carry
// any other fields (Claude Code adds new ones often); the fields read must have the right type.
import type {z} from 'zod';
import {lazySchema} from '../lazy-zod.js';

export const claudeSchemas = lazySchema((z) => {
	// A count past 2^53 is no count (1e400 parses as Infinity), and it would turn every sum it joins into Infinity.
	const tokens = z.number().nonnegative().max(Number.MAX_SAFE_INTEGER).nullish();
	const usage = z.object({
		input_tokens: tokens, output_tokens: tokens, cache_creation_input_tokens: tokens, cache_read_input_tokens: tokens,
		cache_creation: z.object({ephemeral_5m_input_tokens: tokens, ephemeral_1h_input_tokens: tokens}).nullish(),
	});
	const block = z.object({
		type: z.string(), text: z.string().optional(), id: z.string().optional(), name: z.string().optional(), input: z.unknown().optional(),
		tool_use_id: z.string().optional(), content: z.union([z.string(), z.array(z.unknown())]).nullish(), is_error: z.boolean().nullish(),
		// thinking blocks carry their text in `thinking`, redacted ones an opaque `data`; images a `source`.
		thinking: z.string().optional(), data: z.string().optional(), source: z.unknown().optional(),
	}).loose();
	const content = z.union([z.string(), z.array(block)]);
	const common = {
		uuid: z.string().optional(), sessionId: z.string().optional(), timestamp: z.string(), cwd: z.string().optional(),
		gitBranch: z.string().optional(), isSidechain: z.boolean().optional(), agentId: z.string().optional(),
	};
	return {
		usage, block,
		assistant: z.object({...common, type: z.literal('assistant'), requestId: z.string().optional(), message: z.object({
			id: z.string().optional(), model: z.string().optional(), content: content.optional(), stop_reason: z.string().nullish(), usage: usage.nullish(),
		})}),
		user: z.object({...common, type: z.literal('user'), isMeta: z.boolean().optional(), isCompactSummary: z.boolean().optional(),
			message: z.object({content: content.optional()}), toolUseResult: z.unknown().optional()}),
		system: z.object({...common, type: z.literal('system'), subtype: z.string().optional(),
			compactMetadata: z.object({trigger: z.string().optional(), preTokens: tokens, postTokens: tokens}).nullish()}),
		summary: z.object({type: z.literal('summary'), summary: z.string(), leafUuid: z.string().optional()}),
		aiTitle: z.object({type: z.literal('ai-title'), aiTitle: z.string(), sessionId: z.string()}),
		customTitle: z.object({type: z.literal('custom-title'), customTitle: z.string(), sessionId: z.string()}),
	};
});

type Schemas = ReturnType<typeof claudeSchemas>;
export type AssistantLine = z.infer<Schemas['assistant']>;
export type UserLine = z.infer<Schemas['user']>;
export type SystemLine = z.infer<Schemas['system']>;
export type Block = z.infer<Schemas['block']>;
export type ClaudeUsage = z.infer<Schemas['usage']>;

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const optStr = (v: unknown) => v === undefined || typeof v === 'string';
const optBool = (v: unknown) => v === undefined || typeof v === 'boolean';
const nullishBool = (v: unknown) => v === undefined || v === null || typeof v === 'boolean';
const tokens = (v: unknown) => v === undefined || v === null || (typeof v === 'number' && v >= 0 && v <= Number.MAX_SAFE_INTEGER);

function isCommon(o: Rec): boolean {
	return typeof o['timestamp'] === 'string' && optStr(o['uuid']) && optStr(o['sessionId']) && optStr(o['cwd']) &&
		optStr(o['gitBranch']) && optBool(o['isSidechain']) && optStr(o['agentId']);
}

function isBlock(v: unknown): boolean {
	if (!isRec(v) || typeof v['type'] !== 'string') return false;
	const c = v['content'];
	return optStr(v['text']) && optStr(v['thinking']) && optStr(v['data']) && optStr(v['id']) && optStr(v['name']) && optStr(v['tool_use_id']) && nullishBool(v['is_error']) &&
		(c === undefined || c === null || typeof c === 'string' || Array.isArray(c));
}

const isContent = (v: unknown) => v === undefined || typeof v === 'string' || (Array.isArray(v) && v.every(isBlock));

function isUsage(v: unknown): boolean {
	if (v === undefined || v === null) return true;
	if (!isRec(v)) return false;
	const cc = v['cache_creation'];
	return tokens(v['input_tokens']) && tokens(v['output_tokens']) && tokens(v['cache_creation_input_tokens']) &&
		tokens(v['cache_read_input_tokens']) &&
		(cc === undefined || cc === null || (isRec(cc) && tokens(cc['ephemeral_5m_input_tokens']) && tokens(cc['ephemeral_1h_input_tokens'])));
}

export function isAssistantLine(v: Rec): boolean {
	const m = v['message'];
	return v['type'] === 'assistant' && isCommon(v) && optStr(v['requestId']) && isRec(m) && optStr(m['id']) && optStr(m['model']) && isContent(m['content']) &&
		(m['stop_reason'] === undefined || m['stop_reason'] === null || typeof m['stop_reason'] === 'string') && isUsage(m['usage']);
}

export function isUserLine(v: Rec): boolean {
	const m = v['message'];
	return v['type'] === 'user' && isCommon(v) && optBool(v['isMeta']) && optBool(v['isCompactSummary']) && isRec(m) && isContent(m['content']);
}

/** Validates a line of a known type: the line itself when well-formed, else zod's verdict. */
export function checkLine<K extends 'assistant' | 'user' | 'system' | 'summary' | 'aiTitle' | 'customTitle'>(
	kind: K, value: Rec, fast?: (v: Rec) => boolean,
): {ok: true; line: z.infer<Schemas[K]>} | {ok: false; issue: string} {
	if (fast?.(value)) return {ok: true, line: value as z.infer<Schemas[K]>};
	const parsed = claudeSchemas()[kind].safeParse(value);
	if (parsed.success) return {ok: true, line: parsed.data as z.infer<Schemas[K]>};
	const issue = parsed.error.issues[0];
	return {ok: false, issue: issue ? `${issue.path.length ? issue.path.map(String).join('.') : '(line)'}: ${issue.message}` : 'unexpected shape'};
}
