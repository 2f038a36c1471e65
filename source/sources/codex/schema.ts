// The Codex rollout lines tapedeck reads (reference/peers-and-formats.md §3.2): each line is
// {timestamp, type, payload}. zod schemas define them; guards accept the same well-formed lines without
// loading zod, which is loaded (lazily) only to name the field of an odd line.
import type {z} from 'zod';
import {lazySchema} from '../lazy-zod.js';

export const codexSchemas = lazySchema((z) => {
	// A count past 2^53 is no count (1e400 parses as Infinity), and it would turn every sum it joins into Infinity.
	const tokens = z.number().nonnegative().max(Number.MAX_SAFE_INTEGER).nullish();
	const tokenUsage = z.object({input_tokens: tokens, cached_input_tokens: tokens, output_tokens: tokens, reasoning_output_tokens: tokens, total_tokens: tokens});
	return {
		tokenUsage,
		sessionMeta: z.object({type: z.literal('session_meta'), payload: z.object({
			id: z.string().min(1), cwd: z.string().optional(), model_provider: z.string().nullish(),
			git: z.object({branch: z.string().nullish()}).nullish(), source: z.unknown().optional(),
		})}),
		turnContext: z.object({type: z.literal('turn_context'), payload: z.object({model: z.string().optional(), cwd: z.string().optional()})}),
		responseItem: z.object({type: z.literal('response_item'), timestamp: z.string(), payload: z.object({
			type: z.string(), role: z.string().optional(), content: z.array(z.object({type: z.string(), text: z.string().optional()})).nullish(),
			name: z.string().optional(), arguments: z.string().optional(), input: z.string().optional(), action: z.unknown().optional(),
			call_id: z.string().optional(), output: z.unknown().optional(),
			// reasoning items: a readable summary, and the reasoning itself encrypted.
			summary: z.array(z.object({type: z.string(), text: z.string().optional()})).nullish(), encrypted_content: z.string().nullish(),
		})}),
		tokenCount: z.object({type: z.literal('event_msg'), timestamp: z.string(), payload: z.object({
			type: z.literal('token_count'), info: z.object({total_token_usage: tokenUsage.nullish(), last_token_usage: tokenUsage.nullish()}).nullish(),
		})}),
		compacted: z.object({type: z.literal('compacted'), timestamp: z.string()}),
	};
});

type Schemas = ReturnType<typeof codexSchemas>;
export type TokenUsage = z.infer<Schemas['tokenUsage']>;
export type ResponseItem = z.infer<Schemas['responseItem']>['payload'];

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const optStr = (v: unknown) => v === undefined || typeof v === 'string';
const tokens = (v: unknown) => v === undefined || v === null || (typeof v === 'number' && v >= 0 && v <= Number.MAX_SAFE_INTEGER);
const isUsage = (v: unknown) => v === undefined || v === null ||
	(isRec(v) && tokens(v['input_tokens']) && tokens(v['cached_input_tokens']) && tokens(v['output_tokens']) && tokens(v['reasoning_output_tokens']) && tokens(v['total_tokens']));

const FAST: Partial<Record<keyof Schemas, (v: Rec) => boolean>> = {
	turnContext: (v) => isRec(v['payload']) && optStr(v['payload']['model']) && optStr(v['payload']['cwd']),
	responseItem: (v) => {
		const p = v['payload'];
		if (typeof v['timestamp'] !== 'string' || !isRec(p) || typeof p['type'] !== 'string') return false;
		const c = p['content'];
		const summary = p['summary'];
		if (!(summary === undefined || summary === null || (Array.isArray(summary) && summary.every((i) => isRec(i) && typeof i['type'] === 'string' && optStr(i['text']))))) return false;
		if (!(p['encrypted_content'] === undefined || p['encrypted_content'] === null || typeof p['encrypted_content'] === 'string')) return false;
		return optStr(p['role']) && optStr(p['name']) && optStr(p['arguments']) && optStr(p['input']) && optStr(p['call_id']) &&
			(c === undefined || c === null || (Array.isArray(c) && c.every((i) => isRec(i) && typeof i['type'] === 'string' && optStr(i['text']))));
	},
	tokenCount: (v) => {
		const p = v['payload'];
		const info = isRec(p) ? p['info'] : undefined;
		return typeof v['timestamp'] === 'string' && isRec(p) && p['type'] === 'token_count' &&
			(info === undefined || info === null || (isRec(info) && isUsage(info['total_token_usage']) && isUsage(info['last_token_usage'])));
	},
};

/** Validates a line of a known type: the line itself when well-formed, else zod's verdict. */
export function checkLine<K extends Exclude<keyof Schemas, 'tokenUsage'>>(kind: K, value: Rec): {ok: true; line: z.infer<Schemas[K]>} | {ok: false; issue: string} {
	if (FAST[kind]?.(value)) return {ok: true, line: value as z.infer<Schemas[K]>};
	const parsed = codexSchemas()[kind].safeParse(value);
	if (parsed.success) return {ok: true, line: parsed.data as z.infer<Schemas[K]>};
	const issue = parsed.error.issues[0];
	return {ok: false, issue: issue ? `${issue.path.map(String).join('.') || '(line)'}: ${issue.message}` : 'unexpected shape'};
}
