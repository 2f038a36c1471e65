// A tapes server read on a thread of its own: the thread (server-reader-thread-main.ts) connects, reads the
// rows, maps them and works out each message's facts and body (remote-prepare.ts), and sends the changes in
// chunks; the sync's thread only writes them. A cold sync's reading and its writing then use both cores.
// At most CHUNKS_AHEAD chunks are in flight, so memory stays bounded when the writes are the slower side.
// Only the built program can start the thread (vitest cannot run a .ts file as a worker): tests read
// in-process, and the built CLI's tests read through the thread.
import {Worker} from 'node:worker_threads';
import type {PortablePricing} from '../config/price-catalog.js';
import type {SourceInUse} from '../workspace/open-workspace.js';
import type {PreparedChange, PreparedPoll, ServerReader} from './remote-prepare.js';
import {builtProgram, programFile} from '../program-files.js';
import {replyQueue} from './reply-queue.js';

/** Enough to keep the thread reading while the sync's thread commits a batch (10,000 messages). */
export const CHUNKS_AHEAD = 16;
/**
 * The thread's young generation (MB): it allocates a row's strings, objects and JSON for every span, and each
 * GC copies the rows still being read. Cold syncs of 1,000,000 spans, medians of 3 interleaved: 11.4 s with 32,
 * 10.8 s with 48, 10.3 s with 64; peak RSS at most 357, 366 and 392 MB (the goal is 400).
 */
const YOUNG_GENERATION_MB = 48;

export interface ReaderThreadData {
	source: SourceInUse;
	pricing: PortablePricing;
	/** Where the thread reads the signatures a poll compares with (read-only). */
	indexPath: string;
}

export type ReaderRequest =
	| {type: 'poll'; checkpoint: unknown; thorough: boolean}
	| {type: 'more'}
	| {type: 'stop'}
	| {type: 'keys'}
	| {type: 'close'};

export type ReaderReply =
	| {type: 'polled'; total: number; checkpoint: unknown}
	| {type: 'chunk'; changes: PreparedChange[]}
	| {type: 'end'; problems: string[]}
	| {type: 'keys'; ids: string[]}
	| {type: 'failed'; message: string};

const PROGRAM = programFile('sync/server-reader-thread-main.js');

/** The built thread program, when this module runs from the build. */
export function readerThreadProgram(): URL | null {
	return builtProgram(PROGRAM);
}

export function threadReader(data: ReaderThreadData, program: URL): ServerReader {
	const where = data.source.path;
	const worker = new Worker(program, {workerData: data, resourceLimits: {maxYoungGenerationSizeMb: YOUNG_GENERATION_MB}});
	// Idle between syncs, the thread does not keep the process alive; it does while a request is answered.
	worker.unref();
	const replies = replyQueue<ReaderReply>();
	let gone: Error | null = null;
	worker.on('message', (reply: ReaderReply) => replies.push(reply));
	const lost = (error: Error) => {
		gone ??= error;
		replies.push({type: 'failed', message: gone.message});
	};
	worker.on('error', lost);
	worker.on('exit', (code) => lost(new Error(`${where}: the reader thread stopped (exit ${code})`)));
	const send = (request: ReaderRequest) => {
		if (gone) throw gone;
		worker.postMessage(request);
	};
	/** One request's replies; the thread holds the process only until the last of them. */
	const ask = async (request: ReaderRequest): Promise<ReaderReply> => {
		send(request);
		worker.ref();
		try {
			const reply = await replies.next();
			if (reply.type === 'failed') throw new Error(reply.message);
			return reply;
		} finally {
			worker.unref();
		}
	};
	async function* chunks(poll: PreparedPoll): AsyncGenerator<PreparedChange[]> {
		let ended = false;
		worker.ref();
		try {
			for (let i = 1; i < CHUNKS_AHEAD; i++) send({type: 'more'});
			for (;;) {
				const reply = await replies.next();
				if (reply.type === 'failed') {
					ended = true;
					throw new Error(reply.message);
				}
				if (reply.type === 'end') {
					ended = true;
					for (const problem of reply.problems) poll.problems.push(problem);
					return;
				}
				if (reply.type !== 'chunk') throw new Error(`${where}: the reader thread sent ${reply.type} while reading`);
				send({type: 'more'});
				yield reply.changes;
			}
		} finally {
			// Stopped before the end (an abort, an error while writing): the thread ends its read, and its
			// last reply (end or failed) is taken here, so the next poll starts clean.
			if (!ended && !gone) {
				send({type: 'stop'});
				for (let r = await replies.next(); r.type === 'chunk'; r = await replies.next());
			}
			worker.unref();
		}
	}
	return {
		prepared: true,
		where,
		async poll(checkpoint, ctx) {
			const polled = await ask({type: 'poll', checkpoint, thorough: ctx.thorough});
			if (polled.type !== 'polled') throw new Error(`${where}: the reader thread sent ${polled.type} for a poll`);
			const poll: PreparedPoll = {total: polled.total, checkpoint: polled.checkpoint, problems: [], chunks: {[Symbol.asyncIterator]: () => chunks(poll)}};
			return poll;
		},
		async keys() {
			const reply = await ask({type: 'keys'});
			if (reply.type !== 'keys') throw new Error(`${where}: the reader thread sent ${reply.type} for the keys`);
			return new Set(reply.ids);
		},
		async close() {
			if (gone) return;
			worker.ref();
			const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
			worker.postMessage({type: 'close'} satisfies ReaderRequest);
			await exited;
		},
	};
}
