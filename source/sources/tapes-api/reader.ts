// tapes' HTTP read API (:8081) as a remote source. There is no change feed over HTTP, so a poll pages
// /v1/sessions in its default order (last active first) until sessions last seen two minutes before the
// previous poll's newest, and reads only sessions whose list entry changed (signatures are kept in the
// index): a new one whole (/v1/sessions/{id}/traces), a known one by comparing its trace headers
// (/v1/traces?session_id=) and fetching /v1/traces/{id} for those that changed. Reconciliation pages the list.
import type {PollContext, RemotePoll, RemoteSessionSource, SessionChange} from '../remote-source.js';
import {timeMs} from '../tapes-v1/model.js';
import {ApiError, createApiClient, type ApiClient} from './client.js';
import {issueOf, sessionItemSchema, sessionsPageSchema, sessionTracesSchema, signatureOf, toRead, toSession, traceDetailSchema, traceListSchema,
	traceSignature, type SessionItem} from './schema.js';

const PAGE = 200;
const GONE = Symbol('gone');

/** What is kept per session: its list entry's signature and each trace header's. */
interface Stored {
	s: string;
	t: Record<string, string>;
}

function parseStored(text: string | undefined): Stored | null {
	if (!text) return null;
	try {
		const v = JSON.parse(text) as Stored;
		return typeof v?.s === 'string' && typeof v.t === 'object' && v.t !== null ? v : null;
	} catch {
		return null;
	}
}

const stamp = (item: SessionItem, traces: ReadonlyArray<Parameters<typeof traceSignature>[0]>) =>
	JSON.stringify({s: signatureOf(item), t: Object.fromEntries(traces.map((t) => [t.trace_id, traceSignature(t)]))} satisfies Stored);

function problem(problems: string[], text: string): null {
	problems.push(text);
	return null;
}
const LOOK_BACK_MS = 2 * 60_000;

export interface ApiSourceOptions {
	url: string;
	user?: string | undefined;
	timeoutMs?: number;
	/** How messages name the source (default: the URL without its password). */
	where?: string;
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
	const api = createApiClient({url: opts.url, ...(opts.timeoutMs ? {timeoutMs: opts.timeoutMs} : {}), ...(opts.where ? {where: opts.where} : {})});

	/** A GET whose 404 means the session went away between the list and this request. */
	const getOrGone = async (route: string): Promise<unknown> => {
		try {
			return await api.get(route);
		} catch (error) {
			if (error instanceof ApiError && error.status === 404) return GONE;
			throw error;
		}
	};

	/**
	 * A session whose list entry changed: read whole the first time; after that its trace headers are compared
	 * with the ones stored, and only the traces whose headers changed are fetched.
	 */
	async function readChanged(item: SessionItem, stored: Stored | null, problems: string[]): Promise<SessionChange | null> {
		const id = encodeURIComponent(item.id);
		const session = toSession(item);
		if (!stored) {
			const body = await getOrGone(`/v1/sessions/${id}/traces`);
			if (body === GONE) return {gone: item.id};
			const parsed = sessionTracesSchema.safeParse(body);
			if (!parsed.success) return problem(problems, `/v1/sessions/${item.id}/traces: ${issueOf(parsed.error)}; session not read`);
			const traces = parsed.data.traces;
			const signature = stamp(item, traces.map((d) => d.trace));
			return {read: toRead(session, traces.map((d) => d.trace), traces), signature};
		}
		const list = await getOrGone(`/v1/traces?session_id=${id}`);
		if (list === GONE) return {gone: item.id};
		const items = traceListSchema.safeParse(list);
		if (!items.success) return problem(problems, `/v1/traces?session_id=${item.id}: ${issueOf(items.error)}; session not read`);
		const changed = items.data.items.filter((t) => stored.t[t.trace_id] !== traceSignature(t));
		const details = [];
		for (const t of changed) {
			const body = await getOrGone(`/v1/traces/${encodeURIComponent(t.trace_id)}`);
			if (body === GONE) continue;
			const detail = traceDetailSchema.safeParse(body);
			if (!detail.success) return problem(problems, `/v1/traces/${t.trace_id}: ${issueOf(detail.error)}; session not read`);
			details.push(detail.data);
		}
		return {read: toRead(session, items.data.items, details), signature: stamp(item, items.data.items),
			changedTraces: new Set(details.map((d) => d.trace.trace_id))};
	}

	async function* changes(from: Checkpoint | null, next: Checkpoint, ctx: PollContext, problems: string[]): AsyncGenerator<SessionChange> {
		const stopBelow = from?.seenMs != null ? from.seenMs - LOOK_BACK_MS : -Infinity;
		for await (const item of pages(api, opts.user, problems)) {
			if (ctx.signal?.aborted) return;
			const seen = timeMs(item.last_seen_at);
			next.seenMs = Math.max(next.seenMs ?? -Infinity, seen);
			if (seen < stopBelow) return;
			const stored = parseStored(ctx.signatureOf(item.id));
			if (stored?.s === signatureOf(item)) continue;
			const change = await readChanged(item, stored, problems);
			if (change) yield change;
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
