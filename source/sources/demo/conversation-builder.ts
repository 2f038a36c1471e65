// Accumulates one generated conversation the way the tapes proxy would record it: request nodes
// (user prompts, tool results) carry no usage; each response node carries the whole prompt size in
// prompt_tokens, cache tokens inside it, a stop reason and the call's duration. The context grows
// with every node, so later calls cost more, as they do in real agent sessions.
import type { ContentBlock } from '../tapes/content-block.js';
import { type DemoNodeSpec, MINUTE, SECOND } from './demo-spec.js';

export type CacheStyle = 'anthropic' | 'openai' | 'none';

export interface ModelProfile {
	model: string;
	provider: string;
	cache: CacheStyle;
	/** Output speed, tokens per second. */
	tokensPerSecond: number;
	/** Hidden reasoning tokens per call (billed as output) for reasoning models. */
	reasoningTokens?: [number, number];
}

/** Anthropic's default cache lives 5 minutes; OpenAI's automatic cache about as long. */
const CACHE_TTL_MS = 5 * MINUTE;

export class ConversationBuilder {
	readonly nodes: DemoNodeSpec[] = [];
	/** Milliseconds since the session start. */
	t = 0;
	private context: number;
	private cachedPrefix = 0;
	private lastCallEnd = Number.NEGATIVE_INFINITY;

	constructor(
		private readonly profile: ModelProfile,
		systemTokens: number,
		private readonly rand: () => number,
	) {
		this.context = systemTokens;
	}

	private push(node: Omit<DemoNodeSpec, 'model' | 'provider'>): number {
		this.nodes.push({ ...node, model: this.profile.model, provider: this.profile.provider });
		return this.nodes.length - 1;
	}

	/** A request node (prompt or tool output) that adds `tokens` to the context. */
	request(role: DemoNodeSpec['role'], blocks: ContentBlock[], tokens: number, parent?: number): number {
		this.context += tokens;
		return this.push({
			role,
			atMs: this.t,
			blocks,
			promptTokens: null,
			completionTokens: null,
			cacheCreation: null,
			cacheRead: null,
			stopReason: '',
			totalDurationMs: null,
			promptDurationMs: null,
			...(parent === undefined ? {} : { parent }),
		});
	}

	/** A response node; the clock moves by the call's duration, the context by its output. */
	response(blocks: ContentBlock[], visibleTokens: number, stopReason: string, parent?: number): number {
		const prompt = this.context;
		const reasoning = this.profile.reasoningTokens;
		const completion =
			visibleTokens + (reasoning === undefined ? 0 : Math.round(reasoning[0] + this.rand() * (reasoning[1] - reasoning[0])));
		const warm = this.t - this.lastCallEnd <= CACHE_TTL_MS;
		let cacheRead: number | null = null;
		let cacheCreation: number | null = null;
		if (this.profile.cache === 'anthropic') {
			// The last few tokens after the cache breakpoint are billed as plain input.
			const uncached = 1 + Math.floor(this.rand() * 6);
			cacheRead = warm ? this.cachedPrefix : 0;
			cacheCreation = Math.max(0, prompt - cacheRead - uncached);
			this.cachedPrefix = cacheRead + cacheCreation;
		} else if (this.profile.cache === 'openai') {
			// OpenAI caches prefixes of 1024+ tokens in 128-token steps and reports only the hits.
			cacheRead = warm && this.cachedPrefix >= 1024 ? Math.floor(this.cachedPrefix / 128) * 128 : 0;
			this.cachedPrefix = prompt;
		}
		// Time to first token grows with the prompt; a busy API adds a second or three on top.
		const promptMs = 600 + prompt / 40 + this.rand() * 2500;
		const durationMs = Math.round(promptMs + (completion / this.profile.tokensPerSecond) * SECOND);
		this.t += durationMs + this.rand();
		this.lastCallEnd = this.t;
		this.context += visibleTokens;
		return this.push({
			role: 'assistant',
			atMs: this.t,
			blocks,
			promptTokens: prompt,
			completionTokens: completion,
			cacheCreation,
			cacheRead,
			stopReason,
			totalDurationMs: durationMs,
			promptDurationMs: Math.round(promptMs),
			...(parent === undefined ? {} : { parent }),
		});
	}

	/** Context size now, to return to when a response is retried from an earlier point. */
	mark(): number {
		return this.context;
	}

	rewind(mark: number): void {
		this.context = mark;
	}

	/** Time passes (a tool runs, a person reads and types). */
	wait(ms: number): void {
		this.t += ms;
	}
}
