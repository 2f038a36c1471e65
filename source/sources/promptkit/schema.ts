// A PromptKit file state store (runtime/statestore/file): conv-<id>/messages.jsonl holds one
// types.Message per line (seeds/001), conv-<id>/state.json the conversation's snapshot. zod schemas
// define both; a guard accepts the same well-formed messages without loading zod.
import type {z} from 'zod';
import {lazySchema} from '../lazy-zod.js';

export const promptkitSchemas = lazySchema((z) => {
	// A count or price past 2^53 is no amount (1e400 parses as Infinity), and it would turn every sum it joins into Infinity.
	const amount = z.number().nonnegative().max(Number.MAX_SAFE_INTEGER);
	return {
		message: z.object({
			role: z.string(),
			content: z.string().optional(),
			// Newer PromptKit versions carry multimodal parts next to (or instead of) content.
			parts: z.array(z.object({type: z.string(), text: z.string().nullish()})).nullish(),
			tool_calls: z.array(z.object({id: z.string().optional(), name: z.string(), args: z.unknown().optional()})).nullish(),
			tool_result: z.object({id: z.string().optional(), name: z.string().optional(), content: z.string().optional(), error: z.string().optional(),
				latency_ms: z.number().optional()}).nullish(),
			timestamp: z.string().optional(),
			latency_ms: z.number().optional(),
			cost_info: z.object({input_tokens: amount.optional(), output_tokens: amount.optional(), cached_tokens: amount.optional(),
				input_cost_usd: amount.optional(), output_cost_usd: amount.optional(), cached_cost_usd: amount.optional(), total_cost_usd: amount.optional()}).nullish(),
			meta: z.record(z.string(), z.unknown()).nullish(),
			validations: z.array(z.object({validator_type: z.string(), passed: z.boolean(), details: z.record(z.string(), z.unknown()).nullish()})).nullish(),
		}),
		state: z.object({id: z.string(), user_id: z.string().optional(), token_count: z.number().optional(), last_accessed_at: z.string().optional(),
			metadata: z.record(z.string(), z.unknown()).nullish()}),
	};
});

type Schemas = ReturnType<typeof promptkitSchemas>;
export type PromptKitMessage = z.infer<Schemas['message']>;

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const opt = (v: unknown, type: 'string' | 'number') => v === undefined || typeof v === type;
const nullish = (v: unknown, ok: (x: unknown) => boolean) => v === undefined || v === null || ok(v);
const amount = (v: unknown) => v === undefined || (typeof v === 'number' && v >= 0 && v <= Number.MAX_SAFE_INTEGER);
const list = (v: unknown, ok: (x: Rec) => boolean) => nullish(v, (x) => Array.isArray(x) && x.every((i) => isRec(i) && ok(i)));

function isMessage(v: Rec): boolean {
	const r = v['tool_result'];
	const c = v['cost_info'];
	return typeof v['role'] === 'string' && opt(v['content'], 'string') && opt(v['timestamp'], 'string') && opt(v['latency_ms'], 'number') &&
		list(v['parts'], (p) => typeof p['type'] === 'string' && nullish(p['text'], (t) => typeof t === 'string')) &&
		list(v['tool_calls'], (t) => typeof t['name'] === 'string' && opt(t['id'], 'string')) &&
		nullish(r, (x) => isRec(x) && opt(x['id'], 'string') && opt(x['name'], 'string') && opt(x['content'], 'string') && opt(x['error'], 'string') && opt(x['latency_ms'], 'number')) &&
		nullish(c, (x) => isRec(x) && ['input_tokens', 'output_tokens', 'cached_tokens', 'input_cost_usd', 'output_cost_usd', 'cached_cost_usd', 'total_cost_usd'].every((k) => amount(x[k]))) &&
		nullish(v['meta'], isRec) &&
		list(v['validations'], (x) => typeof x['validator_type'] === 'string' && typeof x['passed'] === 'boolean' && nullish(x['details'], isRec));
}

/** The message when well-formed, else zod's verdict naming the field. */
export function checkMessage(value: unknown): {ok: true; message: PromptKitMessage} | {ok: false; issue: string} {
	if (isRec(value) && isMessage(value)) return {ok: true, message: value as PromptKitMessage};
	return viaZod('message', value, (m) => ({ok: true as const, message: m as PromptKitMessage}));
}

export function checkState(value: unknown): {ok: true; state: z.infer<Schemas['state']>} | {ok: false; issue: string} {
	return viaZod('state', value, (s) => ({ok: true as const, state: s as z.infer<Schemas['state']>}));
}

function viaZod<T>(kind: keyof Schemas, value: unknown, ok: (data: unknown) => T): T | {ok: false; issue: string} {
	const parsed = promptkitSchemas()[kind].safeParse(value);
	if (parsed.success) return ok(parsed.data);
	const i = parsed.error.issues[0];
	return {ok: false, issue: i ? `${i.path.map(String).join('.') || '(line)'}: ${i.message}` : 'unexpected shape'};
}
