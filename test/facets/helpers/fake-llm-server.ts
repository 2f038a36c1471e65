// A local HTTP server on 127.0.0.1 that speaks the providers' wire formats (OpenAI chat completions,
// which Ollama's OpenAI-compatible path shares, and Anthropic messages), answering from a script.
// Tests point the real SDKs at it; nothing here reaches the internet.
import http from 'node:http';
import type {AddressInfo} from 'node:net';

export type WireFormat = 'openai' | 'anthropic';

export type Reply =
	| {kind: 'answer'; text: string; delayMs?: number; inputTokens?: number; outputTokens?: number}
	| {kind: 'status'; status: number; message?: string; headers?: Record<string, string>}
	/** Accepts the request and never answers (until the server closes). */
	| {kind: 'hang'};

export interface RecordedRequest {
	method: string;
	path: string;
	headers: http.IncomingHttpHeaders;
	body: Record<string, unknown>;
}

export interface FakeLlmServer {
	/** http://127.0.0.1:<port> */
	origin: string;
	requests: RecordedRequest[];
	/** Replies in order; the last one repeats. A function decides per request. */
	script(replies: Reply[] | ((req: RecordedRequest, index: number) => Reply)): void;
	close(): Promise<void>;
}

export const answer = (text: string, extra: Partial<Extract<Reply, {kind: 'answer'}>> = {}): Reply => ({kind: 'answer', text, ...extra});
export const status = (code: number, headers?: Record<string, string>, message = `status ${code}`): Reply => ({kind: 'status', status: code, headers, message});
export const hang: Reply = {kind: 'hang'};

function okBody(format: WireFormat, req: RecordedRequest, r: Extract<Reply, {kind: 'answer'}>) {
	const model = String(req.body['model'] ?? 'model');
	const input = r.inputTokens ?? 1000;
	const output = r.outputTokens ?? 100;
	if (format === 'anthropic') {
		return {id: 'msg_1', type: 'message', role: 'assistant', model, content: [{type: 'text', text: r.text}],
			stop_reason: 'end_turn', stop_sequence: null, usage: {input_tokens: input, output_tokens: output}};
	}
	return {id: 'chatcmpl-1', object: 'chat.completion', created: 1, model,
		choices: [{index: 0, message: {role: 'assistant', content: r.text}, finish_reason: 'stop', logprobs: null}],
		usage: {prompt_tokens: input, completion_tokens: output, total_tokens: input + output}};
}

function errorBody(format: WireFormat, r: Extract<Reply, {kind: 'status'}>) {
	const type = r.status === 429 ? 'rate_limit_error' : r.status >= 500 ? 'api_error' : 'invalid_request_error';
	return format === 'anthropic'
		? {type: 'error', error: {type, message: r.message}}
		: {error: {message: r.message, type, code: null, param: null}};
}

export async function startFakeLlm(format: WireFormat): Promise<FakeLlmServer> {
	const requests: RecordedRequest[] = [];
	let script: Reply[] | ((req: RecordedRequest, index: number) => Reply) = [answer('{}')];
	const expected = format === 'anthropic' ? '/v1/messages' : '/v1/chat/completions';
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			let body: Record<string, unknown> = {};
			try {
				body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
			} catch {
				// Recorded as empty; the assertions on the body will say what was wrong.
			}
			const rec: RecordedRequest = {method: req.method ?? '', path: req.url ?? '', headers: req.headers, body};
			const index = requests.push(rec) - 1;
			if (rec.method !== 'POST' || rec.path !== expected) {
				res.writeHead(404, {'content-type': 'application/json'}).end(JSON.stringify({error: {message: `no route ${rec.path}`}}));
				return;
			}
			const reply = typeof script === 'function' ? script(rec, index) : (script[Math.min(index, script.length - 1)] ?? answer('{}'));
			if (reply.kind === 'hang') return;
			if (reply.kind === 'status') {
				res.writeHead(reply.status, {'content-type': 'application/json', ...reply.headers}).end(JSON.stringify(errorBody(format, reply)));
				return;
			}
			const send = () => res.writeHead(200, {'content-type': 'application/json'}).end(JSON.stringify(okBody(format, rec, reply)));
			if (reply.delayMs) setTimeout(send, reply.delayMs);
			else send();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		requests,
		script(replies) {
			script = replies;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
