import {describe, expect, it} from 'vitest';
import {isAnthropicModel, normalizeModel, stripOpenAIDateSuffix, swapClaudeNameOrder} from '../../source/core/models.js';

describe('normalizeModel', () => {
	it.each([
		// acceptance 10
		['  Claude-Opus-4.5  ', 'claude-opus-4.5'],
		['claude-sonnet-4-5-20250514', 'claude-sonnet-4.5'],
		['claude-opus-4-6', 'claude-opus-4.6'],
		['claude-opus-4-1', 'claude-opus-4.1'],
		['claude-sonnet-3-7', 'claude-sonnet-3.7'],
		['claude-3-5-sonnet', 'claude-3.5-sonnet'],
		['', ''],
		['   ', ''],
		['gpt-4o', 'gpt-4o'],
		['o3-mini', 'o3-mini'],
		['deepseek-r1', 'deepseek-r1'],
		// OpenAI snapshot dates and dashed versions
		['gpt-4.1-2025-04-14', 'gpt-4.1'],
		['gpt-4o-mini-2024-07-18', 'gpt-4o-mini'],
		['gpt-5-1-codex', 'gpt-5.1-codex'],
		// real Anthropic IDs keep the vendor's order
		['claude-3-7-sonnet-20250219', 'claude-3.7-sonnet'],
		['claude-3-5-haiku-20241022', 'claude-3.5-haiku'],
		['claude-opus-4-20250514', 'claude-opus-4'],
		// provider prefixes (OpenRouter, Bedrock, Vertex)
		['anthropic/claude-sonnet-4-5', 'claude-sonnet-4.5'],
		['openai/gpt-4o', 'gpt-4o'],
		['us.anthropic.claude-3-7-sonnet-20250219-v1:0', 'claude-3.7-sonnet'],
		['claude-opus-4-1@20250805', 'claude-opus-4.1'],
	])('%j → %j', (raw, want) => {
		expect(normalizeModel(raw)).toBe(want);
	});

	it('fixes reference: gpt-4-1106-preview stays gpt-4-1106-preview (no substring replace)', () => {
		expect(normalizeModel('gpt-4-1106-preview')).toBe('gpt-4-1106-preview');
		expect(normalizeModel('gpt-3.5-turbo-0125')).toBe('gpt-3.5-turbo-0125');
	});

	it('is idempotent', () => {
		for (const name of ['claude-opus-4-6-20260219', 'gpt-5-1-codex', 'claude-3-7-sonnet-20250219']) {
			expect(normalizeModel(normalizeModel(name))).toBe(normalizeModel(name));
		}
	});

	it('does not treat a non-Anthropic version suffix as a Bedrock version', () => {
		expect(normalizeModel('deepseek-v3')).toBe('deepseek-v3');
	});
});

describe('stripOpenAIDateSuffix', () => {
	it.each([
		['gpt-4.1-2025-04-14', 'gpt-4.1'],
		['o3-mini-2025-01-31', 'o3-mini'],
		['gpt-4o-mini', 'gpt-4o-mini'],
		['model-2025-01', 'model-2025-01'],
		['gpt-4o', 'gpt-4o'],
		['', ''],
	])('%j → %j', (raw, want) => {
		expect(stripOpenAIDateSuffix(raw)).toBe(want);
	});
});

describe('swapClaudeNameOrder', () => {
	it.each([
		['claude-3.7-sonnet', 'claude-sonnet-3.7'],
		['claude-sonnet-3.7', 'claude-3.7-sonnet'],
		['claude-3-opus', 'claude-opus-3'],
		['claude-3.5-sonnet-latest', 'claude-sonnet-3.5-latest'],
		['gpt-4o', ''],
		['claude-instant-1.2', ''],
	])('%j → %j', (name, want) => {
		expect(swapClaudeNameOrder(name)).toBe(want);
	});
});

it('isAnthropicModel', () => {
	expect(isAnthropicModel('claude-opus-4.6')).toBe(true);
	expect(isAnthropicModel('gpt-4o')).toBe(false);
});
