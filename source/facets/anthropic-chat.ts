// Anthropic messages through the official SDK. The key is passed explicitly (which also stops the SDK
// from looking for profiles or OAuth credentials on disk), retries are off, and its logger is silent
// because nothing may reach the terminal while the explorer is drawn.
import Anthropic from '@anthropic-ai/sdk';
import type {ApiKey} from '../config/credentials.js';
import type {ChatMessage} from '../core/facet-prompt.js';
import type {ChatClient} from './extractor.js';

export interface AnthropicChatOptions {
	model: string;
	baseURL: string;
	apiKey: ApiKey;
	timeoutMs: number;
	/** Room for the JSON answer; facets are short. */
	maxTokens?: number;
}

const silent = {debug() {}, info() {}, warn() {}, error() {}};

export function createAnthropicChat(opts: AnthropicChatOptions): ChatClient {
	const client = new Anthropic({
		apiKey: opts.apiKey.reveal(),
		baseURL: opts.baseURL,
		maxRetries: 0,
		timeout: opts.timeoutMs,
		logLevel: 'off',
		logger: silent,
		openTelemetry: false,
	});
	return {
		provider: 'anthropic',
		model: opts.model,
		baseURL: opts.baseURL,
		secrets: [opts.apiKey],
		async complete(messages: ChatMessage[], signal: AbortSignal) {
			const res = await client.messages.create(
				{model: opts.model, max_tokens: opts.maxTokens ?? 1024, messages},
				{signal, maxRetries: 0},
			);
			const text = (res.content ?? [])
				.map((block) => (block.type === 'text' ? block.text : ''))
				.join('');
			if (!res.content?.length) throw new Error('anthropic returned no content');
			return {text, inputTokens: res.usage?.input_tokens ?? 0, outputTokens: res.usage?.output_tokens ?? 0};
		},
	};
}
