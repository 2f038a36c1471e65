// What the sync of a tapes server writes, worked out from what the server sent: each changed session mapped
// to canonical messages (mapSession), and each message's facts and stored body. This is most of a cold sync's
// work besides the writes, so it can run on a thread of its own (server-reader-thread.ts) while the sync's
// thread only writes; in-process (tests, and where the built thread program is not there) it runs here.
// Either way the sync sees the same ServerReader: polls whose changes come in chunks, already prepared.
import type {PricingTable} from '../core/types.js';
import {messageFacts} from '../core/message-facts.js';
import type {PollContext, RemoteSessionSource, SessionChange} from '../sources/remote-source.js';
import {mapSession} from '../sources/tapes-v1/messages.js';
import {encodeBody} from '../store/message-body.js';
import {pack, type MessageRow} from '../store/messages-repo.js';

/**
 * One message as the index stores it, its facts packed and its body as JSON (its order in the session is its
 * place): strings and numbers only, which a thread sends for a fraction of what objects cost to copy.
 */
export interface PreparedMessage extends MessageRow {
	body: string;
}

export interface PreparedSession {
	id: string;
	title: string;
	cwd: string;
	parentId: string | null;
	messages: PreparedMessage[];
}

export type PreparedChange =
	| {
		id: string;
		signature?: string;
		/** Set when only these traces were read (see SessionChange). */
		changedTraces?: string[];
		/** Every trace the session has now. */
		traceIds: string[];
		/** The session first, then its subagent threads. */
		sessions: PreparedSession[];
	}
	| {gone: string};

export interface PreparedPoll {
	total: number;
	/** Changes in chunks of about CHUNK_MESSAGES messages (a session is never split). */
	chunks: AsyncIterable<PreparedChange[]>;
	checkpoint: unknown;
	/** Complete once `chunks` has ended. */
	problems: string[];
}

/** A tapes server as the sync reads it: RemoteSessionSource's polls, prepared. */
export interface ServerReader {
	/** Tells a reader from a RemoteSessionSource (which the sync also takes, and prepares in-process). */
	prepared: true;
	where: string;
	poll(checkpoint: unknown, ctx: PollContext): Promise<PreparedPoll>;
	keys(signal?: AbortSignal): Promise<Set<string>>;
	close(): Promise<void>;
}

/** Messages per chunk (about 1 MB): smaller chunks survive fewer of the thread's GCs while they fill. */
export const CHUNK_MESSAGES = 1_000;

export function prepareChange(change: SessionChange, pricing: PricingTable): PreparedChange {
	if ('gone' in change) return change;
	const sessions = mapSession(change.read, pricing).map((s): PreparedSession => {
		let carried = '';
		const messages = s.messages.map((m): PreparedMessage => {
			const facts = messageFacts(m, carried);
			if (m.model) carried = m.model;
			return {id: facts.id, parent_id: facts.parentId, ts: facts.timestamp, model: facts.model, facts: pack(facts), body: encodeBody(m)};
		});
		return {id: s.id, title: s.title, cwd: s.cwd, parentId: s.parentId, messages};
	});
	return {
		id: change.read.session.id,
		...(change.signature !== undefined ? {signature: change.signature} : {}),
		...(change.changedTraces ? {changedTraces: [...change.changedTraces]} : {}),
		traceIds: change.read.traces.map((t) => t.traceId),
		sessions,
	};
}

const messagesIn = (c: PreparedChange) => ('gone' in c ? 0 : c.sessions.reduce((n, s) => n + s.messages.length, 0));

/** A source's changes, prepared, in chunks. */
export async function* preparedChunks(changes: AsyncIterable<SessionChange>, pricing: PricingTable): AsyncGenerator<PreparedChange[]> {
	let chunk: PreparedChange[] = [];
	let size = 0;
	for await (const change of changes) {
		const prepared = prepareChange(change, pricing);
		chunk.push(prepared);
		size += messagesIn(prepared) + 1;
		if (size >= CHUNK_MESSAGES) {
			yield chunk;
			chunk = [];
			size = 0;
		}
	}
	if (chunk.length) yield chunk;
}

/** The source read and prepared on this thread. */
export function inProcessReader(source: RemoteSessionSource, pricing: PricingTable): ServerReader {
	return {
		prepared: true,
		where: source.where,
		async poll(checkpoint, ctx) {
			const poll = await source.poll(checkpoint, ctx);
			return {total: poll.total, checkpoint: poll.checkpoint, problems: poll.problems, chunks: preparedChunks(poll.changes, pricing)};
		},
		keys: (signal) => source.keys(signal),
		close: () => source.close(),
	};
}

export const isServerReader = (s: RemoteSessionSource | ServerReader): s is ServerReader => (s as Partial<ServerReader>).prepared === true;
