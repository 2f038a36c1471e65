// GETs against tapes' read API with a timeout, compressed answers (fetch asks for and undoes gzip, br and
// deflate), and one line for each way it can fail, naming the server and the route. Credentials in the URL
// become an Authorization header (fetch refuses URLs that hold them) and never appear in a message.
import {redactUrl} from '../tapes-postgres/discover.js';

export interface ApiClientOptions {
	url: string;
	timeoutMs?: number;
	where?: string;
}

export class ApiError extends Error {
	constructor(message: string, readonly status: number | null) {
		super(message);
	}
}

export interface ApiClient {
	where: string;
	get(route: string, query?: Record<string, string | undefined>): Promise<unknown>;
}

function causeCode(error: unknown): string {
	const cause = (error as {cause?: {code?: string}}).cause;
	return cause?.code ?? (error as {code?: string}).code ?? '';
}

export function createApiClient(opts: ApiClientOptions): ApiClient {
	const where = opts.where ?? redactUrl(opts.url).replace(/\/+$/, '');
	const base = new URL(opts.url);
	const headers: Record<string, string> = {accept: 'application/json'};
	if (base.username || base.password) {
		headers['authorization'] = `Basic ${Buffer.from(`${decodeURIComponent(base.username)}:${decodeURIComponent(base.password)}`).toString('base64')}`;
		base.username = '';
		base.password = '';
	}
	const root = base.toString().replace(/\/+$/, '');
	const timeoutMs = opts.timeoutMs ?? 30_000;
	return {
		where,
		async get(route, query = {}) {
			const params = new URLSearchParams();
			for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, v);
			const target = `${root}${route}${params.size > 0 ? `?${params}` : ''}`;
			const fail = (why: string, status: number | null = null) => new ApiError(`${where}: GET ${route}: ${why}`, status);
			let response: Response;
			try {
				response = await fetch(target, {headers, signal: AbortSignal.timeout(timeoutMs)});
			} catch (error) {
				const name = (error as Error).name;
				if (name === 'TimeoutError' || name === 'AbortError') throw fail(`no answer within ${timeoutMs / 1000} s`);
				const code = causeCode(error);
				if (code === 'ECONNREFUSED') throw fail('cannot connect: connection refused (is tapes serving its API?)');
				if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') throw fail('cannot connect: host not found');
				// fetch's own message is "fetch failed"; the cause says why (e.g. "bad port" for ports fetch refuses).
				const cause = (error as {cause?: {message?: string}}).cause?.message;
				throw fail(`cannot connect: ${code || cause || (error as Error).message}`);
			}
			let text: string;
			try {
				text = await response.text();
			} catch (error) {
				const name = (error as Error).name;
				throw fail(name === 'TimeoutError' || name === 'AbortError' ? `no answer within ${timeoutMs / 1000} s` : `the answer broke off (${(error as Error).message})`);
			}
			if (!response.ok) {
				let detail = '';
				try {
					const body = JSON.parse(text) as {error?: unknown};
					if (typeof body.error === 'string') detail = `: ${body.error}`;
				} catch {
					detail = text.trim() ? `: ${text.trim().split('\n', 1)[0]!.slice(0, 200)}` : '';
				}
				throw fail(`HTTP ${response.status}${detail}`, response.status);
			}
			try {
				return JSON.parse(text) as unknown;
			} catch {
				throw fail('the answer is not JSON');
			}
		},
	};
}
