// A first import's transcript files parsed on a thread of its own: the thread (file-parse-thread-main.ts) reads
// each file the sync planned, parses its lines and packs its messages (file-parse.ts), and sends the pieces in
// order; the sync's thread only writes them, so parsing and writing use both cores. At most LINES_AHEAD lines
// are in pieces not yet taken, so memory stays bounded when the writes are the slower side.
// Only the built program can start the thread (vitest cannot run a .ts file as a worker): tests parse
// in-process, and the thread's own test runs the built module.
import {Worker} from 'node:worker_threads';
import type {SourceKind} from '../core/types.js';
import {builtProgram, programFile} from '../program-files.js';
import type {FileJob, FilePiece} from './file-parse.js';
import {replyQueue} from './reply-queue.js';

/** Lines in pieces sent and not yet taken: two batches, so the thread reads on while one is written. */
export const LINES_AHEAD = 40_000;

export interface ParseThreadData {
	kind: SourceKind;
	/** Where the thread looks up the parents earlier syncs recorded (read-only). */
	indexPath: string;
	/** How long the thread reads a long file before handing over what it has (FileSyncDeps.commitMs). */
	cutMs: number;
}

export type ParseRequest = {type: 'files'; jobs: FileJob[]} | {type: 'taken'; lines: number};

export type ParseReply =
	| {type: 'piece'; job: number; piece: FilePiece}
	| {type: 'end'}
	| {type: 'failed'; message: string};

const PROGRAM = programFile('sync/file-parse-thread-main.js');

/** The built thread program, when this module runs from the build. */
export function parseThreadProgram(): URL | null {
	return builtProgram(PROGRAM);
}

/**
 * The pieces of the jobs' files, in order, each with its job's place in `jobs`; stopping early ends the thread.
 * 'idle' when the next piece is not there yet: the writer may commit what it holds instead of waiting.
 */
export async function* threadPieces(data: ParseThreadData, jobs: FileJob[], program: URL): AsyncGenerator<{job: number; piece: FilePiece} | 'idle'> {
	const worker = new Worker(program, {workerData: data});
	const replies = replyQueue<ParseReply>();
	let ended = false;
	worker.on('message', replies.push);
	worker.on('error', (error: Error) => replies.push({type: 'failed', message: error.message}));
	worker.on('exit', (code) => {
		if (!ended) replies.push({type: 'failed', message: `the transcript parsing thread stopped (exit ${code})`});
	});
	try {
		worker.postMessage({type: 'files', jobs} satisfies ParseRequest);
		for (;;) {
			if (replies.ready() === 0) yield 'idle';
			const reply = await replies.next();
			if (reply.type === 'failed') throw new Error(reply.message);
			if (reply.type === 'end') return;
			worker.postMessage({type: 'taken', lines: Math.max(1, reply.piece.lines)} satisfies ParseRequest);
			yield {job: reply.job, piece: reply.piece};
		}
	} finally {
		ended = true;
		await worker.terminate();
	}
}
