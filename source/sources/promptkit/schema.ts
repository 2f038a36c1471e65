// zod schemas for a PromptKit file state store (runtime/statestore/file): conv-<id>/messages.jsonl holds
// one types.Message per line (seeds/001), conv-<id>/state.json the conversation's snapshot.
import {z} from 'zod';

const amount = z.number().finite().nonnegative();

export const costInfoSchema = z.object({
	input_tokens: amount.optional(),
	output_tokens: amount.optional(),
	cached_tokens: amount.optional(),
	input_cost_usd: amount.optional(),
	output_cost_usd: amount.optional(),
	cached_cost_usd: amount.optional(),
	total_cost_usd: amount.optional(),
});

export const messageSchema = z.object({
	role: z.string(),
	content: z.string().optional(),
	// Newer PromptKit versions carry multimodal parts next to (or instead of) content.
	parts: z.array(z.object({type: z.string(), text: z.string().nullish()})).nullish(),
	tool_calls: z.array(z.object({id: z.string().optional(), name: z.string(), args: z.unknown().optional()})).nullish(),
	tool_result: z.object({
		id: z.string().optional(),
		name: z.string().optional(),
		content: z.string().optional(),
		error: z.string().optional(),
		latency_ms: z.number().optional(),
	}).nullish(),
	timestamp: z.string().optional(),
	latency_ms: z.number().optional(),
	cost_info: costInfoSchema.nullish(),
	meta: z.record(z.string(), z.unknown()).nullish(),
	validations: z.array(z.object({
		validator_type: z.string(),
		passed: z.boolean(),
		details: z.record(z.string(), z.unknown()).nullish(),
	})).nullish(),
});

export const stateSchema = z.object({
	id: z.string(),
	user_id: z.string().optional(),
	token_count: z.number().optional(),
	last_accessed_at: z.string().optional(),
	metadata: z.record(z.string(), z.unknown()).nullish(),
});

export type PromptKitMessage = z.infer<typeof messageSchema>;
