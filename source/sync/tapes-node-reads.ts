// Where a tapes sync's nodes come from: read and mapped on the sync's thread, or, for a bulk load, on a thread of
// their own (tapes-reader-thread.ts). Either way a node comes with its facts, the model it carries from its
// parent left for the sync to add when it places the parent.
import type {CanonicalMessage} from '../core/types.js';
import {messageFacts} from '../core/message-facts.js';
import type {TapesBatch} from '../sources/tapes/reader.js';
import type {ReadNode} from './tapes-node-codec.js';
import {startNodeReader, type NodePiece, type NodeReader} from './tapes-reader-thread.js';

/** Rows read and mapped, with their facts: on this thread (with the message, for its words) or on the reader's. */
export interface NodesRead extends Omit<NodePiece, 'nodes'> {
	nodes: Array<ReadNode & {message?: CanonicalMessage}>;
}

/** A batch read on this thread. The model a node carries from its parent is added when the parent is placed. */
export const readHere = (batch: TapesBatch): NodesRead => ({
	nodes: batch.messages.map(({rowid, message}) => ({rowid, facts: messageFacts(message, ''), parentHash: message.parentId, message})), lastRowid: batch.lastRowid, warnings: batch.warnings,
});

/** A bulk load's rows from the reading thread, from `from` on (null without the built thread: read here). */
export function readerFor(program: URL | null | undefined, path: string, from: number, pieceRows: number): NodeReader | null {
	if (!program) return null;
	try {
		return startNodeReader({path, from, pieceRows}, program);
	} catch {
		// No thread to be had (out of resources): the rows are read here, as before.
		return null;
	}
}
