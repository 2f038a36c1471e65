// zod schemas for the Codex rollout lines tapedeck reads (reference/peers-and-formats.md §3.2). Each line
// is {timestamp, type, payload}; unnamed fields are stripped, named ones must have the right type.
import {z} from 'zod';

const tokens = z.number().nonnegative().nullish();

export const tokenUsageSchema = z.object({
	input_tokens: tokens,
	cached_input_tokens: tokens,
	output_tokens: tokens,
	reasoning_output_tokens: tokens,
	total_tokens: tokens,
});

export const sessionMetaSchema = z.object({
	type: z.literal('session_meta'),
	payload: z.object({
		id: z.string().min(1),
		cwd: z.string().optional(),
		model_provider: z.string().nullish(),
		git: z.object({branch: z.string().nullish()}).nullish(),
		source: z.unknown().optional(),
	}),
});

export const turnContextSchema = z.object({
	type: z.literal('turn_context'),
	payload: z.object({model: z.string().optional(), cwd: z.string().optional()}),
});

export const responseItemSchema = z.object({
	type: z.literal('response_item'),
	timestamp: z.string(),
	payload: z.object({
		type: z.string(),
		role: z.string().optional(),
		content: z.array(z.object({type: z.string(), text: z.string().optional()})).nullish(),
		name: z.string().optional(),
		arguments: z.string().optional(),
		input: z.string().optional(),
		action: z.unknown().optional(),
		call_id: z.string().optional(),
		output: z.unknown().optional(),
	}),
});

export const tokenCountSchema = z.object({
	type: z.literal('event_msg'),
	timestamp: z.string(),
	payload: z.object({
		type: z.literal('token_count'),
		info: z.object({total_token_usage: tokenUsageSchema.nullish(), last_token_usage: tokenUsageSchema.nullish()}).nullish(),
	}),
});

export const compactedSchema = z.object({type: z.literal('compacted'), timestamp: z.string()});

export type TokenUsage = z.infer<typeof tokenUsageSchema>;
export type ResponseItem = z.infer<typeof responseItemSchema>['payload'];
