// The extractor an InsightsConfig asks for. The SDKs are imported only when an LLM is used, so the
// explorer does not pay for loading them when it runs offline.
import type {PricingTable} from '../core/types.js';
import type {BackoffOptions} from '../core/backoff.js';
import type {InsightsConfig} from './insights-config.js';
import type {FacetExtractor} from './extractor.js';
import {createHeuristicExtractor} from './heuristic-extractor.js';
import {createLlmExtractor, DEFAULT_CALL_TIMEOUT_MS} from './llm-extractor.js';

export interface ExtractorOptions {
	pricing: PricingTable;
	timeoutMs?: number;
	backoff?: BackoffOptions;
	random?: () => number;
	now?: () => number;
	/** Waits between retries; tests pass one that records the delays instead of waiting. */
	sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** null when insights are off. */
export async function createExtractor(config: InsightsConfig, opts: ExtractorOptions): Promise<FacetExtractor | null> {
	if (config.mode === 'off') return null;
	if (config.mode === 'heuristic') return createHeuristicExtractor(opts.now);
	const timeoutMs = opts.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
	// The SDK's own timer is a backstop a little behind the extractor's, which decides and reports.
	const sdkTimeoutMs = timeoutMs + 5000;
	let client;
	if (config.provider === 'anthropic') {
		if (!config.apiKey) throw new Error('anthropic needs an API key');
		const {createAnthropicChat} = await import('./anthropic-chat.js');
		client = createAnthropicChat({model: config.model, baseURL: config.baseURL, apiKey: config.apiKey, timeoutMs: sdkTimeoutMs});
	} else {
		if (config.provider === 'openai' && !config.apiKey) throw new Error('openai needs an API key');
		const {createOpenAiChat} = await import('./openai-chat.js');
		client = createOpenAiChat({provider: config.provider, model: config.model, baseURL: config.baseURL, apiKey: config.apiKey, timeoutMs: sdkTimeoutMs});
	}
	return createLlmExtractor(client, {pricing: opts.pricing, timeoutMs, backoff: opts.backoff, random: opts.random, now: opts.now, sleep: opts.sleep});
}
