// The JSON columns of a span as the readers check them: what the schemas accept passes as it is (no copy),
// and anything else is turned down with zod's message, whichever check sees it first.
import {describe, expect, it} from 'vitest';
import {contentBlockSchema, parseBlocks, parseUsage, usageSchema} from '../../../source/sources/tapes-v1/model.js';
import {z} from 'zod';

const blocks = z.array(contentBlockSchema);

describe('JSON columns of a span', () => {
	it('passes a well-formed block list and usage through as they are', () => {
		const list = [{type: 'text', text: 'hi'}, {type: 'tool_use', tool_use_id: 't1', tool_name: 'Read', tool_input: {path: 'a'}},
			{type: 'tool_result', tool_output: 'ok', is_error: false, extra: 1}];
		expect(parseBlocks(list)).toBe(list);
		const usage = {prompt_tokens: 10, completion_tokens: 2, cache_read_input_tokens: 4, other: 'kept'};
		expect(parseUsage(usage)).toBe(usage);
		expect(parseBlocks(null)).toEqual([]);
		expect(parseUsage(null)).toEqual({});
	});

	it.each([
		['a block without a type', [{text: 'x'}]],
		['a number for text', [{type: 'text', text: 3}]],
		['null for a tool name', [{type: 'tool_use', tool_name: null}]],
		['a string for is_error', [{type: 'tool_result', is_error: 'yes'}]],
		['a list holding a list', [[{type: 'text'}]]],
		['an object, not a list', {type: 'text'}],
		['a string', 'text'],
	])('turns down %s, as the schema does', (_what, value) => {
		expect(blocks.safeParse(value).success).toBe(false);
		expect(parseBlocks(value)).toMatch(/^not a list of content blocks \(/);
	});

	it.each([
		['a string token count', {prompt_tokens: '10'}],
		['null for a count', {completion_tokens: null}],
		['a list', [1, 2]],
		['a number', 7],
	])('turns down usage with %s, as the schema does', (_what, value) => {
		expect(usageSchema.safeParse(value).success).toBe(false);
		expect(parseUsage(value)).toMatch(/^usage is not an object of token counts \(/);
	});
});
