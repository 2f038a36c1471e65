// The one interface every facet source implements (OpenAI, Anthropic, Ollama, heuristic), and the
// chat seam the three LLM providers share.
import type {ApiKey} from '../config/credentials.js';
import type {ChatMessage} from '../core/facet-prompt.js';
import type {FacetSessionInput} from '../core/facet-transcript.js';
import type {SessionFacet} from '../core/facet-vocabulary.js';

export interface ExtractionCost {
	inputTokens: number;
	outputTokens: number;
	/** null when the model has no price (a local model, or one the table does not know). */
	costUsd: number | null;
}

interface ExtractionCommon {
	/** Answers requested (1 to 3: re-prompts on invalid JSON or values count). */
	attempts: number;
	/** Extra HTTP calls after 429, 5xx or timeouts. */
	retries: number;
	usage: ExtractionCost;
	durationMs: number;
	/** Messages the session had when its transcript was built. */
	messagesSeen: number;
}

export type ExtractionResult =
	| (ExtractionCommon & {ok: true; facet: SessionFacet})
	| (ExtractionCommon & {
			ok: false;
			/** Why, keys redacted: stored with the failure and shown on the Insights screen. */
			reason: string;
			/** true when no other session can succeed either (a rejected key, an unknown model). */
			fatal: boolean;
	  });

export interface FacetExtractor {
	/** openai, anthropic, ollama or heuristic. */
	readonly provider: string;
	readonly model: string;
	readonly promptVersion: string;
	readonly heuristic: boolean;
	/** Rejects with an AbortError once `signal` is aborted; every other problem is a result. */
	extract(input: FacetSessionInput, signal: AbortSignal): Promise<ExtractionResult>;
}

export interface ChatAnswer {
	text: string;
	inputTokens: number;
	outputTokens: number;
}

/** One provider's chat call, made through its official SDK with the SDK's own retries off. */
export interface ChatClient {
	readonly provider: 'openai' | 'anthropic' | 'ollama';
	readonly model: string;
	readonly baseURL: string;
	/** Keys this client holds, so errors can be scrubbed of them. */
	readonly secrets: ReadonlyArray<ApiKey>;
	complete(messages: ChatMessage[], signal: AbortSignal): Promise<ChatAnswer>;
}

export function abortError(): Error {
	return new DOMException('facet extraction cancelled', 'AbortError');
}

export function isAbortError(error: unknown): boolean {
	return error instanceof Error && error.name === 'AbortError';
}
