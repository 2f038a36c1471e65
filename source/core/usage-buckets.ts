// A session's tokens and cost by the quarter hour of each message's own timestamp, per model. Every time
// zone's offset is a whole number of quarter hours, so any zone's calendar days (and weeks and months)
// are sums of whole buckets: per-day figures follow the messages, not the session's start, as ccusage's do.
import type {Usage} from './types.js';

export const BUCKET_MS = 15 * 60 * 1000;

export interface UsageBucket {
	/** Start of the quarter hour, epoch ms (UTC). */
	startMs: number;
	model: string;
	input: number;
	output: number;
	cacheRead: number;
	cacheWrite: number;
	/** Cost of the priced messages in it; null when none of its tokens had a price. */
	cost: number | null;
	/** What reading from the cache saved (priced messages only). */
	cacheSaving: number;
	messages: number;
}

export function bucketStart(ms: number): number {
	return Math.floor(ms / BUCKET_MS) * BUCKET_MS;
}

/** Collects buckets message by message; `list()` returns them in time order, then model. */
export function createBucketCollector() {
	const byKey = new Map<string, UsageBucket>();
	return {
		add(timestamp: number, model: string, usage: Usage, cost: number | null, cacheSaving: number): void {
			const startMs = bucketStart(timestamp);
			const key = `${startMs}\u0000${model}`;
			let b = byKey.get(key);
			if (!b) {
				b = {startMs, model, input: 0, output: 0, cacheRead: 0, cacheWrite: 0, cost: null, cacheSaving: 0, messages: 0};
				byKey.set(key, b);
			}
			b.input += usage.input;
			b.output += usage.output;
			b.cacheRead += usage.cacheRead;
			b.cacheWrite += usage.cacheWrite + usage.cacheWrite1h;
			if (cost !== null) b.cost = (b.cost ?? 0) + cost;
			b.cacheSaving += cacheSaving;
			b.messages++;
		},
		list(): UsageBucket[] {
			return [...byKey.values()].sort((a, b) => a.startMs - b.startMs || (a.model < b.model ? -1 : a.model > b.model ? 1 : 0));
		},
	};
}
