// How long to wait before retrying a call the provider refused for now (429, 5xx, timeout).

export interface BackoffOptions {
	/** Delay before the first retry, before jitter. */
	baseMs: number;
	/** Ceiling of the exponential delay. */
	maxMs: number;
	/** Ceiling on a server's retry-after; a server asking for longer is waited on this long, then retried. */
	maxRetryAfterMs: number;
	/** Retries after the first call (so `retries + 1` calls at most). */
	retries: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = {baseMs: 1000, maxMs: 30_000, maxRetryAfterMs: 60_000, retries: 4};

/**
 * Delay before retry number `retry` (0 for the first). A server's retry-after wins, because it knows
 * when capacity returns. Otherwise exponential with equal jitter (half fixed, half random): concurrent
 * calls that failed together do not come back together, and the wait never collapses to zero.
 */
export function backoffDelay(retry: number, opts: BackoffOptions, random: () => number, retryAfterMs: number | null = null): number {
	if (retryAfterMs !== null) return Math.min(Math.max(retryAfterMs, 0), opts.maxRetryAfterMs);
	const exp = Math.min(opts.maxMs, opts.baseMs * 2 ** retry);
	return exp / 2 + (random() * exp) / 2;
}

/**
 * A retry-after in ms from the response headers: `retry-after-ms` (OpenAI), else `retry-after` as
 * seconds or as an HTTP date. null when absent or unreadable.
 */
export function parseRetryAfter(retryAfterMs: string | null | undefined, retryAfter: string | null | undefined, nowMs: number): number | null {
	if (retryAfterMs) {
		const ms = Number(retryAfterMs);
		if (Number.isFinite(ms) && ms >= 0) return ms;
	}
	if (!retryAfter) return null;
	const t = retryAfter.trim();
	if (/^\d+(\.\d+)?$/.test(t)) return Number(t) * 1000;
	const date = Date.parse(t);
	return Number.isFinite(date) ? Math.max(date - nowMs, 0) : null;
}
