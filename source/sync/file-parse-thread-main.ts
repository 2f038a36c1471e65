// The parsing thread's own program (built to dist/sync/file-parse-thread-main.js): it reads and parses the
// files of the jobs it is sent, in order, and sends their pieces while fewer than LINES_AHEAD lines wait to be
// taken (see file-parse-thread.ts). Parents that earlier syncs recorded are read from the index, read-only.
import {parentPort, workerData} from 'node:worker_threads';
import Database from 'better-sqlite3';
import {FILE_ADAPTERS, type TranscriptKind} from '../sources/jsonl/file-adapters.js';
import {cutByTime, parseFile, type FileJob} from './file-parse.js';
import {LINES_AHEAD, type ParseReply, type ParseRequest, type ParseThreadData} from './file-parse-thread.js';

const data = workerData as ParseThreadData;
const port = parentPort!;
const send = (reply: ParseReply) => port.postMessage(reply);

/** The parent each session was first noted with in this sync: what the sync's thread has written or will. */
const noted = new Map<string, string>();
let recorded: ((id: string) => string | null | undefined) | null = null;
const parentOf = (id: string): string | null | undefined => {
	const mine = noted.get(id);
	if (mine !== undefined) return mine;
	// Opened at the first look-up (most imports make none): what earlier syncs recorded.
	recorded ??= (() => {
		const get = new Database(data.indexPath, {readonly: true, fileMustExist: true})
			.prepare(`SELECT parent_id FROM session_meta WHERE session_id = ?`).pluck();
		return (sessionId: string) => get.get(sessionId) as string | null | undefined;
	})();
	return recorded(id);
};

const now = () => performance.now();
let inFlight = 0;
let wake: (() => void) | null = null;

async function parse(jobs: FileJob[]): Promise<void> {
	const adapter = await FILE_ADAPTERS[data.kind as TranscriptKind]();
	const reader = await adapter.load();
	for (let i = 0; i < jobs.length; i++) {
		let since = performance.now();
		// A long file is handed over in parts by time too, as the sync's thread would commit it.
		const cut = (fileLines: number) => cutByTime(fileLines, since, now, data.cutMs);
		for (const piece of parseFile(jobs[i]!, reader, {parentOf, cut, ...(adapter.skipLine ? {skipLine: adapter.skipLine} : {})})) {
			if (piece === null) continue;
			for (const n of piece.notes) if (n.parentId && !noted.has(n.sessionId)) noted.set(n.sessionId, n.parentId);
			while (inFlight >= LINES_AHEAD) await new Promise<void>((resolve) => (wake = resolve));
			inFlight += Math.max(1, piece.lines);
			send({type: 'piece', job: i, piece});
			since = performance.now();
		}
	}
	send({type: 'end'});
}

port.on('message', (request: ParseRequest) => {
	if (request.type === 'files') {
		parse(request.jobs).catch((error: unknown) => send({type: 'failed', message: error instanceof Error ? error.message : String(error)}));
	} else {
		inFlight -= request.lines;
		const w = wake;
		wake = null;
		w?.();
	}
});
