// The reader thread's own program (built to dist/sync/server-reader-thread-main.js): it opens the tapes server
// source, and for each poll sends the prepared changes in chunks, one more each time the sync's thread asks
// (see server-reader-thread.ts). The signatures a poll compares with are read from the index, read-only.
import {parentPort, workerData} from 'node:worker_threads';
import Database from 'better-sqlite3';
import {pricingFromPortable} from '../config/price-catalog.js';
import {openRemoteSource} from '../workspace/server-sources.js';
import {createSignatureReader} from '../store/remote-sessions-repo.js';
import {preparedChunks} from './remote-prepare.js';
import type {ReaderReply, ReaderRequest, ReaderThreadData} from './server-reader-thread.js';

const data = workerData as ReaderThreadData;
const port = parentPort!;
const send = (reply: ReaderReply) => port.postMessage(reply);
const pricing = pricingFromPortable(data.pricing);
const opening = openRemoteSource(data.source);
// Opened at the first look-up (a cold poll makes none).
let signatures: ((sourceId: number, id: string) => string | undefined) | null = null;
const signatureOf = (id: string): string | undefined => {
	signatures ??= createSignatureReader(new Database(data.indexPath, {readonly: true, fileMustExist: true}));
	return signatures(data.source.id, id);
};

let credits = 0;
let stopping = false;
let wake: (() => void) | null = null;
const woken = () => {
	const w = wake;
	wake = null;
	w?.();
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function poll(request: Extract<ReaderRequest, {type: 'poll'}>): Promise<void> {
	credits = 1;
	stopping = false;
	try {
		const source = await opening;
		const polled = await source.poll(request.checkpoint, {signatureOf, thorough: request.thorough});
		send({type: 'polled', total: polled.total, checkpoint: polled.checkpoint});
		for await (const chunk of preparedChunks(polled.changes, pricing)) {
			while (credits === 0 && !stopping) await new Promise<void>((resolve) => (wake = resolve));
			if (stopping) break;
			credits--;
			send({type: 'chunk', changes: chunk});
		}
		send({type: 'end', problems: polled.problems});
	} catch (error) {
		send({type: 'failed', message: messageOf(error)});
	}
}

port.on('message', (request: ReaderRequest) => {
	if (request.type === 'poll') void poll(request);
	else if (request.type === 'more') {
		credits++;
		woken();
	} else if (request.type === 'stop') {
		stopping = true;
		woken();
	} else if (request.type === 'keys') {
		opening.then((source) => source.keys()).then((ids) => send({type: 'keys', ids: [...ids]}), (error: unknown) => send({type: 'failed', message: messageOf(error)}));
	} else {
		opening.then((source) => source.close()).catch(() => {}).finally(() => process.exit(0));
	}
});
