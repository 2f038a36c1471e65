// LLM extraction of one session: build the transcript, ask, validate the answer with zod, re-prompt
// (up to 3 answers) when it is not valid JSON or has values outside the vocabulary, and retry calls
// the provider refused for now with exponential backoff, jitter and its retry-after. The SDKs' own
// retries are off so that this is the only retry policy and tests can run it on a fake clock.
import {DEFAULT_BACKOFF, backoffDelay, type BackoffOptions} from '../core/backoff.js';
import {FACET_PROMPT_VERSION, MAX_ANSWER_ATTEMPTS, buildFacetPrompt, repromptMessages, type ChatMessage} from '../core/facet-prompt.js';
import {buildTranscript, TRANSCRIPT_CAP_CHARS, type FacetSessionInput} from '../core/facet-transcript.js';
import {pricingForModel} from '../core/pricing.js';
import {costForTokens} from '../core/cost.js';
import type {PricingTable} from '../core/types.js';
import {parseFacetAnswer} from './facet-schema.js';
import {classifyCallError} from './call-errors.js';
import {abortError, type ChatAnswer, type ChatClient, type ExtractionResult, type FacetExtractor} from './extractor.js';

export interface LlmExtractorOptions {
	pricing: PricingTable;
	/** Per HTTP call. */
	timeoutMs?: number;
	backoff?: BackoffOptions;
	transcriptCapChars?: number;
	random?: () => number;
	now?: () => number;
	sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export const DEFAULT_CALL_TIMEOUT_MS = 60_000;

/** setTimeout that an abort cuts short (rejecting with an AbortError). */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal.aborted) return reject(abortError());
		const onAbort = () => {
			clearTimeout(timer);
			reject(abortError());
		};
		const timer = setTimeout(() => {
			signal.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		signal.addEventListener('abort', onAbort, {once: true});
	});
}

type CallOutcome = {ok: true; answer: ChatAnswer} | {ok: false; reason: string; fatal: boolean};

export function createLlmExtractor(client: ChatClient, opts: LlmExtractorOptions): FacetExtractor {
	const timeoutMs = opts.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
	const backoff = opts.backoff ?? DEFAULT_BACKOFF;
	const random = opts.random ?? Math.random;
	const now = opts.now ?? Date.now;
	const sleep = opts.sleep ?? abortableSleep;
	const price = pricingForModel(opts.pricing, client.model);

	/** One answer, with transport retries. `retries` counts the extra calls made. */
	async function call(messages: ChatMessage[], signal: AbortSignal, counter: {retries: number}): Promise<CallOutcome> {
		for (let retry = 0; ; retry++) {
			if (signal.aborted) throw abortError();
			const timer = new AbortController();
			const timeout = setTimeout(() => timer.abort(), timeoutMs);
			try {
				return {ok: true, answer: await client.complete(messages, AbortSignal.any([signal, timer.signal]))};
			} catch (error) {
				if (signal.aborted) throw abortError();
				const failure = classifyCallError(error, {
					provider: client.provider, baseURL: client.baseURL, secrets: client.secrets,
					timedOut: timer.signal.aborted, timeoutMs, now: now(),
				});
				if (failure.kind !== 'retryable') return {ok: false, reason: failure.reason, fatal: failure.kind === 'fatal'};
				if (retry >= backoff.retries) {
					// A server that never answered (Ollama not started, a wrong URL) stops the run instead of
					// failing every session in turn after the same minute of retries.
					return {ok: false, reason: `${failure.reason} (gave up after ${retry + 1} calls)`, fatal: failure.unreachable === true};
				}
				counter.retries++;
				await sleep(backoffDelay(retry, backoff, random, failure.retryAfterMs), signal);
			} finally {
				clearTimeout(timeout);
			}
		}
	}

	return {
		provider: client.provider,
		model: client.model,
		promptVersion: FACET_PROMPT_VERSION,
		heuristic: false,
		async extract(input: FacetSessionInput, signal: AbortSignal): Promise<ExtractionResult> {
			const started = now();
			const transcript = buildTranscript(input, opts.transcriptCapChars ?? TRANSCRIPT_CAP_CHARS);
			let messages: ChatMessage[] = [{role: 'user', content: buildFacetPrompt(transcript.text)}];
			const counter = {retries: 0};
			let inputTokens = 0;
			let outputTokens = 0;
			const common = (attempts: number) => ({
				attempts, retries: counter.retries, durationMs: now() - started, messagesSeen: transcript.messagesSeen,
				usage: {inputTokens, outputTokens, costUsd: price ? costForTokens(price, inputTokens, outputTokens).total : null},
			});
			let problem = '';
			for (let attempt = 1; attempt <= MAX_ANSWER_ATTEMPTS; attempt++) {
				const result = await call(messages, signal, counter);
				if (!result.ok) return {ok: false, reason: result.reason, fatal: result.fatal, ...common(attempt)};
				inputTokens += result.answer.inputTokens;
				outputTokens += result.answer.outputTokens;
				const parsed = parseFacetAnswer(result.answer.text);
				if (parsed.ok) return {ok: true, facet: parsed.value, ...common(attempt)};
				problem = parsed.error;
				messages = repromptMessages(messages, result.answer.text, problem);
			}
			return {ok: false, reason: `no valid answer in ${MAX_ANSWER_ATTEMPTS} attempts: ${problem}`, fatal: false, ...common(MAX_ANSWER_ATTEMPTS)};
		},
	};
}
