// Finds the sessions matching a `/` search on a worker thread with its own read-only connection, so the
// explorer's thread spends nothing on the full-text query while keys come in (on the explorer's thread the
// search ran in 6 ms slices between keys, and each slice could delay a key's frame). A newer query cancels
// an older one. If the thread cannot start or dies, the in-process matcher answers the queries it had and
// every later one. The thread's body is `serveSessionMatches`, which tests run in-process over a
// MessageChannel (vitest cannot start a .ts worker); a test of the built module starts the real thread.
import {Worker, type MessagePort} from 'node:worker_threads';
import {createSessionMatcher, type SessionMatcher} from './session-matches.js';
import {programFile} from '../program-files.js';

export type MatchThreadRequest = {type: 'find'; id: number; query: string} | {type: 'cancel'; id: number};
export type MatchThreadReply = {type: 'found'; id: number; found: string | null} | {type: 'failed'; id: number; message: string};

export interface SessionMatchThread extends SessionMatcher {
	close(): Promise<void>;
}

/** The thread's side: answers finds on `port` from a read-only connection of its own; a new find cancels the running one. */
export function serveSessionMatches(port: Pick<MessagePort, 'on' | 'postMessage'>, indexPath: string, sliceMs: number): void {
	const matcher = createSessionMatcher(indexPath, null, sliceMs);
	const running = new Map<number, AbortController>();
	port.on('message', (request: MatchThreadRequest) => {
		if (request.type === 'cancel') {
			running.get(request.id)?.abort();
			return;
		}
		for (const c of running.values()) c.abort();
		const controller = new AbortController();
		running.set(request.id, controller);
		const send = (reply: MatchThreadReply) => port.postMessage(reply);
		matcher.find(request.query, controller.signal).then(
			(found) => send({type: 'found', id: request.id, found}),
			(error: unknown) => send({type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error)}),
		).finally(() => running.delete(request.id));
	});
}

interface Waiting {
	query: string;
	signal: AbortSignal;
	resolve(found: string | null): void;
	reject(e: Error): void;
}

/** The thread starts with the first query; if it is lost, `fallback` (the in-process matcher) answers from then on. */
export function createSessionMatchThread(indexPath: string, fallback: () => SessionMatcher,
	program: URL = programFile('workspace/session-match-thread-main.js')): SessionMatchThread {
	let worker: Worker | null = null;
	let lost = false;
	let closed = false;
	let local: SessionMatcher | null = null;
	let next = 0;
	const waiting = new Map<number, Waiting>();
	const inProcess = (query: string, signal: AbortSignal) => (local ??= fallback()).find(query, signal);
	const start = () => {
		const w = new Worker(program, {workerData: {indexPath}});
		w.unref();
		w.on('message', (reply: MatchThreadReply) => {
			const settle = waiting.get(reply.id);
			if (!settle) return;
			waiting.delete(reply.id);
			if (reply.type === 'found') settle.resolve(reply.found);
			else settle.reject(new Error(reply.message));
		});
		const gone = () => {
			if (worker !== w) return;
			worker = null;
			lost = true;
			// What the thread had not answered is answered here (once the explorer closes it, nothing is).
			const pending = [...waiting.values()];
			waiting.clear();
			for (const p of pending) {
				if (closed) p.resolve(null);
				else inProcess(p.query, p.signal).then(p.resolve, p.reject);
			}
		};
		w.on('error', gone);
		w.on('exit', gone);
		return w;
	};
	return {
		find(query, signal) {
			if (closed) return Promise.resolve(null);
			if (lost) return inProcess(query, signal);
			const w = (worker ??= start());
			const id = ++next;
			return new Promise((resolve, reject) => {
				waiting.set(id, {query, signal, resolve, reject});
				signal.addEventListener('abort', () => {
					if (!waiting.delete(id)) return;
					resolve(null);
					worker?.postMessage({type: 'cancel', id} satisfies MatchThreadRequest);
				}, {once: true});
				w.postMessage({type: 'find', id, query} satisfies MatchThreadRequest);
			});
		},
		async close() {
			closed = true;
			const w = worker;
			if (w) await w.terminate();
		},
	};
}

