// What an SDK error means for the extraction: retry later (429, 5xx, timeout, connection), give up on
// this session (400, 413, 422…), or stop the whole run because no session can succeed (401, 403, 404).
// Both SDKs are Stainless-generated and share error shapes, so this reads the shape (status, headers,
// class name) instead of importing either SDK, which keeps them out of the startup path.
import {parseRetryAfter} from '../core/backoff.js';
import {redactSecrets, type ApiKey} from '../config/credentials.js';

export type CallFailure =
	/** `unreachable`: nothing answered at all, so once retries run out no other session would fare better. */
	| {kind: 'retryable'; reason: string; retryAfterMs: number | null; unreachable?: boolean}
	| {kind: 'session'; reason: string}
	| {kind: 'fatal'; reason: string};

interface ErrorShape {
	status?: unknown;
	headers?: {get?: (name: string) => string | null} | Record<string, string> | null;
	message?: unknown;
	error?: unknown;
}

function header(e: ErrorShape, name: string): string | null {
	const h = e.headers;
	if (!h) return null;
	if (typeof (h as {get?: unknown}).get === 'function') return (h as {get: (n: string) => string | null}).get(name);
	const v = (h as Record<string, string>)[name];
	return typeof v === 'string' ? v : null;
}

function classChain(error: unknown): string[] {
	const names: string[] = [];
	for (let p = error === null || typeof error !== 'object' ? null : Object.getPrototypeOf(error); p && names.length < 8; p = Object.getPrototypeOf(p)) {
		const name = (p as {constructor?: {name?: string}}).constructor?.name;
		if (name) names.push(name);
	}
	return names;
}

export interface ClassifyContext {
	provider: string;
	baseURL: string;
	secrets: ReadonlyArray<ApiKey>;
	/** Our own per-call timer fired (as opposed to the user cancelling). */
	timedOut: boolean;
	timeoutMs: number;
	now: number;
}

export function classifyCallError(error: unknown, ctx: ClassifyContext): CallFailure {
	const clean = (text: string) => redactSecrets(text, ctx.secrets).replace(/\s+/g, ' ').trim().slice(0, 300);
	const chain = classChain(error);
	if (ctx.timedOut || chain.includes('APIConnectionTimeoutError')) {
		return {kind: 'retryable', reason: `timed out after ${Number((ctx.timeoutMs / 1000).toFixed(2))}s`, retryAfterMs: null};
	}
	const e = (error ?? {}) as ErrorShape;
	const message = clean(typeof e.message === 'string' ? e.message : String(error));
	const status = typeof e.status === 'number' ? e.status : null;
	if (status === null) {
		if (chain.includes('APIConnectionError')) {
			return {kind: 'retryable', reason: `cannot reach ${ctx.provider} at ${ctx.baseURL} (${message})`, retryAfterMs: null, unreachable: true};
		}
		return {kind: 'session', reason: message || 'unknown error'};
	}
	if (status === 429 || status === 408 || status === 409 || status >= 500) {
		const retryAfterMs = parseRetryAfter(header(e, 'retry-after-ms'), header(e, 'retry-after'), ctx.now);
		const what = status === 429 ? 'rate limited' : status === 408 ? 'request timeout' : status === 409 ? 'conflict' : 'server error';
		return {kind: 'retryable', reason: `${what} (${status}): ${message}`, retryAfterMs};
	}
	if (status === 401) return {kind: 'fatal', reason: `${ctx.provider} rejected the API key (401): ${message}`};
	if (status === 403) return {kind: 'fatal', reason: `${ctx.provider} refused access (403): ${message}`};
	if (status === 404) return {kind: 'fatal', reason: `not found at ${ctx.baseURL} (404; check --insights-model and --insights-base-url): ${message}`};
	return {kind: 'session', reason: `${ctx.provider} error (${status}): ${message}`};
}
