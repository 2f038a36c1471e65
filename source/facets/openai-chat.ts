// OpenAI chat completions through the official SDK; Ollama through the same SDK at its
// OpenAI-compatible path (http://localhost:11434/v1). Every option the SDK would otherwise read from
// the environment is passed explicitly: left to itself it would send $OPENAI_API_KEY (and the
// organization and project IDs) to whatever base URL it is given, Ollama's included.
import OpenAI from 'openai';
import type {ApiKey} from '../config/credentials.js';
import type {ChatMessage} from '../core/facet-prompt.js';
import type {ChatClient} from './extractor.js';

export interface OpenAiChatOptions {
	provider: 'openai' | 'ollama';
	model: string;
	baseURL: string;
	apiKey: ApiKey | null;
	/** The SDK's own timeout, a backstop behind the extractor's per-call timer. */
	timeoutMs: number;
}

const silent = {debug() {}, info() {}, warn() {}, error() {}};

export function createOpenAiChat(opts: OpenAiChatOptions): ChatClient {
	const client = new OpenAI({
		// Ollama ignores the key, but the SDK needs one; a placeholder keeps $OPENAI_API_KEY out of it.
		apiKey: opts.apiKey?.reveal() ?? 'ollama',
		adminAPIKey: null,
		organization: null,
		project: null,
		webhookSecret: null,
		baseURL: opts.baseURL,
		maxRetries: 0,
		timeout: opts.timeoutMs,
		logLevel: 'off',
		logger: silent,
	});
	return {
		provider: opts.provider,
		model: opts.model,
		baseURL: opts.baseURL,
		secrets: opts.apiKey ? [opts.apiKey] : [],
		async complete(messages: ChatMessage[], signal: AbortSignal) {
			const res = await client.chat.completions.create(
				{model: opts.model, messages, response_format: {type: 'json_object'}},
				{signal, maxRetries: 0},
			);
			const choice = res.choices?.[0];
			if (!choice) throw new Error(`${opts.provider} returned no choices`);
			return {
				text: choice.message?.content ?? '',
				inputTokens: res.usage?.prompt_tokens ?? 0,
				outputTokens: res.usage?.completion_tokens ?? 0,
			};
		},
	};
}
