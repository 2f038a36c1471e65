// tapes' HTTP read API (:8081) as a remote source. There is no change feed over HTTP, so a poll pages
// /v1/sessions in its default order (last active first) until sessions last seen two minutes before the
// previous poll's newest, and fetches /v1/sessions/{id}/traces only for sessions whose list entry changed
// (its signature is kept in the index). Reconciliation pages the whole list.
import type {PollContext, RemotePoll, RemoteSessionSource, SessionChange} from '../remote-source.js';
import {timeMs} from '../tapes-v1/model.js';
import {ApiError, createApiClient, type ApiClient} from './client.js';
import {issueOf, sessionItemSchema, sessionsPageSchema, sessionTracesSchema, signatureOf, toRead, toSession, type SessionItem} from './schema.js';

const PAGE = 200;
const LOOK_BACK_MS = 2 * 60_000;

export interface ApiSourceOptions {
	url: string;
	user?: string | undefined;
	timeoutMs?: number;
}

interface Checkpoint {
	/** Newest last_seen_at seen (server clock, epoch ms). */
	seenMs: number | null;
}

/** Every session item, page by page, newest activity first; bad items become problems. */
async function* pages(api: ApiClient, user: string | undefined, problems: string[]): AsyncGenerator<SessionItem> {
	let cursor: string | undefined;
	do {
		const raw = await api.get('/v1/sessions', {limit: String(PAGE), cursor, auth_subject: user});
		const page = sessionsPageSchema.safeParse(raw);
		if (!page.success) throw new ApiError(`${api.where}: GET /v1/sessions: unexpected answer (${issueOf(page.error)})`, null);
		for (const [i, value] of page.data.items.entries()) {
			const item = sessionItemSchema.safeParse(value);
			if (item.success) yield item.data;
			else problems.push(`/v1/sessions item ${i}${typeof (value as {id?: unknown})?.id === 'string' ? ` (${(value as {id: string}).id})` : ''}: ${issueOf(item.error)}; passed by`);
		}
		cursor = page.data.next_cursor || undefined;
	} while (cursor);
}

export function openApiSource(opts: ApiSourceOptions): RemoteSessionSource {
	const api = createApiClient({url: opts.url, ...(opts.timeoutMs ? {timeoutMs: opts.timeoutMs} : {})});

	async function* changes(from: Checkpoint | null, next: Checkpoint, ctx: PollContext, problems: string[]): AsyncGenerator<SessionChange> {
		const stopBelow = from?.seenMs != null ? from.seenMs - LOOK_BACK_MS : -Infinity;
		for await (const item of pages(api, opts.user, problems)) {
			if (ctx.signal?.aborted) return;
			const seen = timeMs(item.last_seen_at);
			next.seenMs = Math.max(next.seenMs ?? -Infinity, seen);
			if (seen < stopBelow) return;
			const signature = signatureOf(item);
			if (ctx.signatureOf(item.id) === signature) continue;
			let body: unknown;
			try {
				body = await api.get(`/v1/sessions/${encodeURIComponent(item.id)}/traces`);
			} catch (error) {
				// Deleted between the list and this request.
				if (error instanceof ApiError && error.status === 404) {
					yield {gone: item.id};
					continue;
				}
				throw error;
			}
			const parsed = sessionTracesSchema.safeParse(body);
			if (!parsed.success) {
				problems.push(`/v1/sessions/${item.id}/traces: ${issueOf(parsed.error)}; session not read`);
				continue;
			}
			yield {read: toRead(toSession(item), parsed.data), signature};
		}
	}

	return {
		where: api.where,
		async poll(saved: unknown, ctx: PollContext): Promise<RemotePoll> {
			const from = saved as Checkpoint | null;
			const problems: string[] = [];
			// Updated while the changes are read: the sync saves it once they are applied.
			const checkpoint: Checkpoint = {seenMs: from?.seenMs ?? null};
			let total = 0;
			if (!from) {
				const stats = await api.get('/v1/stats', {auth_subject: opts.user}) as {session_count?: unknown};
				total = typeof stats?.session_count === 'number' ? stats.session_count : 0;
			}
			return {total, changes: changes(from, checkpoint, ctx, problems), checkpoint, problems};
		},
		async keys(signal?: AbortSignal) {
			const ids = new Set<string>();
			for await (const item of pages(api, opts.user, [])) {
				if (signal?.aborted) break;
				ids.add(item.id);
			}
			return ids;
		},
		close: async () => {},
	};
}
