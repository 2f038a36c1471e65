// A first tapes load's rows read on a thread of their own: the thread (tapes-reader-thread-main.ts) opens the
// file read-only, reads its rows in order from where the load stands, maps them and works out each node's facts,
// and sends them a piece at a time; the sync's thread places the nodes and writes. Reading and mapping were two
// fifths of the load's time on the sync's thread, which the session list waits on. At most PIECES_AHEAD pieces
// are in flight, so memory stays bounded when the writes are the slower side.
// Only the built program can start the thread (vitest cannot run a .ts file as a worker): tests read in-process,
// and the thread's own test runs the built modules.
import {Worker} from 'node:worker_threads';
import type {Warning} from '../core/types.js';
import {TapesSourceError} from '../sources/tapes/open-errors.js';
import {builtProgram, programFile} from '../program-files.js';
import {replyQueue} from './reply-queue.js';
import {decodeNode, type NodeTuple, type ReadNode} from './tapes-node-codec.js';

/** Pieces read ahead of the writes: one being written, the next ones ready. */
export const PIECES_AHEAD = 4;

export interface ReaderData {
	path: string;
	/** The rowid after which reading starts (the load's cursor). */
	from: number;
	pieceRows: number;
}

export type ReaderReply =
	| {type: 'piece'; nodes: NodeTuple[]; lastRowid: number; warnings: Warning[]}
	| {type: 'failed'; message: string; tapes: boolean};

/** What a piece of rows gave: the nodes mapped, where reading stopped (skipped rows included), the rows' problems. */
export interface NodePiece {
	nodes: ReadNode[];
	lastRowid: number;
	warnings: Warning[];
}

export interface NodeReader {
	/** The next piece in rowid order; one with no nodes and `lastRowid` unchanged says the rows ran out. */
	next(): Promise<NodePiece>;
	/** Ends the thread (at the end, or when the load stops early). */
	stop(): Promise<void>;
}

const PROGRAM = programFile('sync/tapes-reader-thread-main.js');

/** The built thread program, when this module runs from the build. */
export function tapesReaderProgram(): URL | null {
	return builtProgram(PROGRAM);
}

export function startNodeReader(data: ReaderData, program: URL): NodeReader {
	const worker = new Worker(program, {workerData: data});
	const replies = replyQueue<ReaderReply>();
	let stopped = false;
	worker.on('message', replies.push);
	worker.on('error', (error: Error) => replies.push({type: 'failed', message: error.message, tapes: false}));
	worker.on('exit', (code) => {
		if (!stopped) replies.push({type: 'failed', message: `${data.path}: the tapes reading thread stopped (exit ${code})`, tapes: false});
	});
	return {
		async next() {
			const reply = await replies.next();
			if (reply.type === 'failed') {
				stopped = true;
				await worker.terminate();
				// A problem with the file reads as it does when the sync reads it itself (sources/tapes/open-errors.ts).
				throw reply.tapes ? new TapesSourceError(reply.message) : new Error(reply.message);
			}
			worker.postMessage('more');
			return {nodes: reply.nodes.map(decodeNode), lastRowid: reply.lastRowid, warnings: reply.warnings};
		},
		async stop() {
			if (stopped) return;
			stopped = true;
			await worker.terminate();
		},
	};
}
