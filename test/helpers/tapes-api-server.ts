// A local stand-in for tapes' read API on 127.0.0.1, serving fixture sessions as JSON shaped as the reference
// (§9) describes: SessionItem pages in last-active order with a base64url keyset cursor, TraceDetail lists,
// /v1/stats, {"error"} bodies, gzip when asked. It counts requests per route, and can be told to fail or stall.
import http from 'node:http';
import zlib from 'node:zlib';
import type {AddressInfo} from 'node:net';
import type {SessionFx, SpanFx, TraceFx} from './tapes-v1-dataset.js';

export interface ApiServer {
	url: string;
	sessions: SessionFx[];
	requests: string[];
	/** Answers sent gzipped (the client asked for it). */
	gzipped: number;
	/** Answer every request with this status and {"error"} body (null: normal). */
	failWith: number | null;
	/** Hold every answer this long. */
	delayMs: number;
	close(): Promise<void>;
}

const iso = (t: string) => new Date(t).toISOString();

function sessionItem(s: SessionFx) {
	let input = 0, output = 0, cost = 0;
	for (const t of s.traces) {
		for (const sp of t.spans) {
			input += sp.usage?.prompt_tokens ?? 0;
			output += sp.usage?.completion_tokens ?? 0;
		}
		cost += t.costUsd;
	}
	const first = s.traces.find((t) => !t.synthetic && t.prompt)?.prompt;
	return {
		id: s.id, harness_id: s.harness ?? 'claude', harness_session_id: s.hsid, ...(s.cwd ? {cwd: s.cwd} : {}),
		...(s.parent ? {parent_session_id: s.parent} : {}), started_at: iso(s.startedAt), last_seen_at: iso(s.lastSeenAt),
		...(s.authSubject ? {auth_subject: s.authSubject} : {}), ...(s.name ? {name: s.name} : {}), ...(s.displayName ? {display_name: s.displayName} : {}),
		display_title: s.displayName || s.derivedTitle || first || s.name || s.hsid.slice(0, 12), live: false,
		rollup: {status: 'completed', ...(s.derivedTitle ? {title: s.derivedTitle} : {}), turn_count: s.traces.length, kind_counts: {}, tasks: [],
			usage: {input_tokens: input, output_tokens: output, cost_usd: Number(cost.toFixed(4))}},
	};
}

function spanItem(t: TraceFx, sp: SpanFx) {
	return {
		trace_id: t.id, span_id: sp.id, ...(sp.parent ? {parent_span_id: sp.parent} : {}), seq: sp.seq, kind: sp.kind, name: sp.name ?? '',
		status: sp.status ?? 'ok', started_at: iso(sp.startedAt), duration_ns: Math.round((sp.durationMs ?? 0) * 1e6), call_kind: sp.callKind ?? '',
		model: sp.model ?? '', stop_reason: sp.stop ?? '', thread_id: sp.thread ?? '', verdict: null, input: sp.input ?? [], output: sp.output ?? [],
		usage: sp.usage ?? {},
	};
}

function traceDetail(t: TraceFx) {
	const sum = (k: 'prompt_tokens' | 'completion_tokens' | 'cache_read_input_tokens' | 'cache_creation_input_tokens') => t.spans.reduce((a, s) => a + (s.usage?.[k] ?? 0), 0);
	return {
		trace: {trace_id: t.id, user_prompt: t.prompt ?? '', status: 'ok', source: 'wire', ...(t.synthetic ? {synthetic: t.synthetic} : {}),
			started_at: iso(t.startedAt), ended_at: iso(t.spans.reduce((m, sp) => (sp.startedAt > m ? sp.startedAt : m), t.startedAt)),
			duration_ns: 0, span_count: t.spans.length,
			usage: {input_tokens: sum('prompt_tokens'), output_tokens: sum('completion_tokens'), cache_read_tokens: sum('cache_read_input_tokens'),
				cache_creation_tokens: sum('cache_creation_input_tokens'), cost_usd: t.costUsd}, main_usage: {input_tokens: 0, output_tokens: 0}},
		spans: [...t.spans].sort((a, b) => a.seq - b.seq).map((sp) => spanItem(t, sp)),
	};
}

const encodeCursor = (val: string, id: string) => Buffer.from(JSON.stringify({sort: 'last_active', dir: 'desc', val, id})).toString('base64url');

export async function startApiServer(sessions: SessionFx[], pageSize = 2): Promise<ApiServer> {
	const api: ApiServer = {url: '', sessions, requests: [], gzipped: 0, failWith: null, delayMs: 0, close: async () => {}};
	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		api.requests.push(url.pathname);
		const send = (status: number, body: unknown) => {
			const text = JSON.stringify(body);
			const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
			if (gzip) api.gzipped++;
			res.writeHead(status, {'content-type': 'application/json', ...(gzip ? {'content-encoding': 'gzip'} : {})});
			res.end(gzip ? zlib.gzipSync(text) : text);
		};
		const answer = () => {
			if (api.failWith !== null) return send(api.failWith, {error: 'derive store unavailable'});
			if (url.pathname === '/v1/sessions') {
				const subject = url.searchParams.get('auth_subject');
				const limit = Math.min(Number(url.searchParams.get('limit') ?? 50), pageSize);
				const all = api.sessions.filter((s) => subject === null || s.authSubject === subject)
					.sort((a, b) => Date.parse(b.lastSeenAt) - Date.parse(a.lastSeenAt) || (a.id < b.id ? 1 : -1));
				const cursor = url.searchParams.get('cursor');
				let start = 0;
				if (cursor) {
					const c = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as {id: string};
					start = all.findIndex((s) => s.id === c.id) + 1;
				}
				const page = all.slice(start, start + limit);
				const last = page.at(-1);
				const more = start + limit < all.length && last;
				return send(200, {items: page.map(sessionItem), ...(more ? {next_cursor: encodeCursor(iso(last.lastSeenAt), last.id)} : {})});
			}
			const traces = /^\/v1\/sessions\/([^/]+)\/traces$/.exec(url.pathname);
			if (traces) {
				const s = api.sessions.find((x) => x.id === traces[1]);
				if (!s) return send(404, {error: 'session not found'});
				return send(200, {schema: '2026-06-15', session: sessionItem(s), traces: s.traces.map(traceDetail), links: []});
			}
			if (url.pathname === '/v1/traces') {
				const s = api.sessions.find((x) => x.id === url.searchParams.get('session_id'));
				if (!s) return send(404, {error: 'session not found'});
				return send(200, {schema: '2026-06-15', items: [...s.traces].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt))
					.map((t) => traceDetail(t).trace)});
			}
			const trace = /^\/v1\/traces\/([^/]+)$/.exec(url.pathname);
			if (trace) {
				const t = api.sessions.flatMap((x) => x.traces).find((x) => x.id === decodeURIComponent(trace[1]!));
				if (!t) return send(404, {error: 'trace not found'});
				return send(200, {schema: '2026-06-15', ...traceDetail(t), links: []});
			}
			if (url.pathname === '/v1/stats') {
				const subject = url.searchParams.get('auth_subject');
				return send(200, {session_count: api.sessions.filter((s) => subject === null || s.authSubject === subject).length});
			}
			return send(404, {error: 'not found'});
		};
		if (api.delayMs > 0) setTimeout(answer, api.delayMs);
		else answer();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	api.close = () => new Promise<void>((resolve) => {
		server.closeAllConnections();
		server.close(() => resolve());
	});
	return api;
}
