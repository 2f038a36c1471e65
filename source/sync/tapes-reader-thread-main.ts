// The tapes reading thread's own program (built to dist/sync/tapes-reader-thread-main.js): it opens the tapes
// file read-only and sends its rows from where the load stands, mapped and with their facts, a piece at a time
// while fewer than PIECES_AHEAD wait to be taken (see tapes-reader-thread.ts). The last piece is an empty one.
import {parentPort, workerData} from 'node:worker_threads';
import {messageFacts} from '../core/message-facts.js';
import {openTapesSource, TapesSourceError} from '../sources/tapes/reader.js';
import {encodeNode} from './tapes-node-codec.js';
import {PIECES_AHEAD, type ReaderData, type ReaderReply} from './tapes-reader-thread.js';

const data = workerData as ReaderData;
const port = parentPort!;
const send = (reply: ReaderReply) => port.postMessage(reply);

const opened = openTapesSource(data.path);
let credits = PIECES_AHEAD;
let last = data.from;
let ended = false;

function pump(): void {
	if (!opened.ok) return;
	try {
		while (credits > 0 && !ended) {
			const batch = opened.source.readAfter(last, data.pieceRows);
			// The model a node carries from its parent is the sync's to add: it places the parents.
			const nodes = batch.messages.map(({rowid, message}) => encodeNode({rowid, facts: messageFacts(message, '')}));
			ended = nodes.length === 0 && batch.lastRowid === last;
			last = batch.lastRowid;
			credits--;
			send({type: 'piece', nodes, lastRowid: batch.lastRowid, warnings: batch.warnings});
		}
	} catch (error) {
		ended = true;
		send({type: 'failed', message: error instanceof Error ? error.message : String(error), tapes: error instanceof TapesSourceError});
	}
	if (ended) opened.source.close();
}

if (!opened.ok) send({type: 'failed', message: opened.error, tapes: true});
else {
	port.on('message', () => {
		credits++;
		pump();
	});
	pump();
}
