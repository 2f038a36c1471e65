// zod schemas for the Claude Code transcript lines tapedeck reads (reference/peers-and-formats.md §3.1).
// Objects strip what they do not name, so new fields Claude Code adds never fail a line; fields that are
// read must have the right type, or the line is reported.
import {z} from 'zod';

const tokens = z.number().nonnegative().nullish();

export const usageSchema = z.object({
	input_tokens: tokens,
	output_tokens: tokens,
	cache_creation_input_tokens: tokens,
	cache_read_input_tokens: tokens,
	cache_creation: z.object({ephemeral_5m_input_tokens: tokens, ephemeral_1h_input_tokens: tokens}).nullish(),
});

export const blockSchema = z.object({
	type: z.string(),
	text: z.string().optional(),
	id: z.string().optional(),
	name: z.string().optional(),
	input: z.unknown().optional(),
	tool_use_id: z.string().optional(),
	content: z.union([z.string(), z.array(z.unknown())]).nullish(),
	is_error: z.boolean().nullish(),
});

const content = z.union([z.string(), z.array(blockSchema)]);

const common = {
	uuid: z.string().optional(),
	sessionId: z.string().optional(),
	timestamp: z.string(),
	cwd: z.string().optional(),
	gitBranch: z.string().optional(),
	isSidechain: z.boolean().optional(),
	agentId: z.string().optional(),
};

export const assistantLineSchema = z.object({
	...common,
	type: z.literal('assistant'),
	requestId: z.string().optional(),
	message: z.object({
		id: z.string().optional(),
		model: z.string().optional(),
		content: content.optional(),
		stop_reason: z.string().nullish(),
		usage: usageSchema.nullish(),
	}),
});

export const userLineSchema = z.object({
	...common,
	type: z.literal('user'),
	isMeta: z.boolean().optional(),
	isCompactSummary: z.boolean().optional(),
	message: z.object({content: content.optional()}),
	toolUseResult: z.unknown().optional(),
});

export const systemLineSchema = z.object({
	...common,
	type: z.literal('system'),
	subtype: z.string().optional(),
	compactMetadata: z.object({trigger: z.string().optional(), preTokens: tokens, postTokens: tokens}).nullish(),
});

export const summaryLineSchema = z.object({type: z.literal('summary'), summary: z.string(), leafUuid: z.string().optional()});
export const aiTitleLineSchema = z.object({type: z.literal('ai-title'), aiTitle: z.string(), sessionId: z.string()});
export const customTitleLineSchema = z.object({type: z.literal('custom-title'), customTitle: z.string(), sessionId: z.string()});

export type AssistantLine = z.infer<typeof assistantLineSchema>;
export type UserLine = z.infer<typeof userLineSchema>;
export type SystemLine = z.infer<typeof systemLineSchema>;
export type Block = z.infer<typeof blockSchema>;
export type ClaudeUsage = z.infer<typeof usageSchema>;

/** The first issue of a failed parse, as "field: message", for the warning. */
export function firstIssue(error: z.ZodError): string {
	const issue = error.issues[0];
	if (!issue) return 'unexpected shape';
	return `${issue.path.length ? issue.path.map(String).join('.') : '(line)'}: ${issue.message}`;
}
