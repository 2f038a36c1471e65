// The tapes ContentBlock (pkg/llm/message.go) as stored in `nodes.content`: a JSON array of these,
// keys in snake_case, optional fields absent rather than empty.
import { lazySchema } from '../lazy-zod.js';

export interface ContentBlock {
	/** "text", "image", "tool_use", "tool_result"; other kinds (e.g. "thinking") keep only their type. */
	type: string;
	text?: string;
	image_url?: string;
	image_base64?: string;
	media_type?: string;
	/** The tool_use block's own id (Anthropic `id`, OpenAI `tool_calls[].id`). */
	tool_use_id?: string;
	tool_name?: string;
	tool_input?: unknown;
	/** Id of the tool_use a result answers (only the OpenAI parser sets it). */
	tool_result_id?: string;
	tool_output?: string;
	is_error?: boolean;
}

const STRING_FIELDS = [
	'text',
	'image_url',
	'image_base64',
	'media_type',
	'tool_use_id',
	'tool_name',
	'tool_result_id',
	'tool_output',
] as const;

const optionalString = (v: unknown): boolean => v === undefined || typeof v === 'string';

/**
 * Cheap shape check for the common case: the fields a reader uses have the types tapes writes.
 * Fields a block's type does not use are not looked at (an image's URL is never read). Blocks that
 * fail go through `lenientBlockSchema`, so zod only runs on the odd block.
 */
export function isUsableBlock(value: unknown): value is ContentBlock {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const b = value as Record<string, unknown>;
	switch (b.type) {
		case 'text':
			return optionalString(b.text);
		case 'tool_use':
			return optionalString(b.tool_use_id) && optionalString(b.tool_name);
		case 'tool_result':
			return (
				optionalString(b.tool_output) &&
				optionalString(b.tool_result_id) &&
				optionalString(b.tool_use_id) &&
				(b.is_error === undefined || typeof b.is_error === 'boolean')
			);
		default:
			return typeof b.type === 'string';
	}
}

/** Text out of a value that should have been a string: numbers and booleans as written, the rest as JSON. */
function asText(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return JSON.stringify(value);
}


/**
 * Reads a block that is an object but not shaped as tapes writes it: a missing type becomes
 * "unknown", non-string text fields are turned into text, and `is_error` is true for true, 1 or "true".
 */
export const lenientBlockSchema = lazySchema((z) => {
	// .optional() so an absent field stays absent (zod 4 treats a transform's undefined as missing).
	const lenientText = z.unknown().transform(asText).optional();
	return z
	.looseObject({
		type: z.unknown().transform((v) => (typeof v === 'string' && v !== '' ? v : 'unknown')),
		text: lenientText,
		image_url: lenientText,
		image_base64: lenientText,
		media_type: lenientText,
		tool_use_id: lenientText,
		tool_name: lenientText,
		tool_result_id: lenientText,
		tool_output: lenientText,
		is_error: z.unknown().transform((v) => v === true || v === 1 || v === 'true').optional(),
	})
	.transform((b): ContentBlock => {
		const block: ContentBlock = { type: b.type };
		for (const field of STRING_FIELDS) {
			const v = b[field];
			if (v !== undefined) block[field] = v;
		}
		if (b.tool_input !== undefined) block.tool_input = b.tool_input;
		if (b.is_error !== undefined) block.is_error = b.is_error;
		return block;
	});
});
