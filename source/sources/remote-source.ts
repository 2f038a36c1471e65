// What a remote, cursor-driven source (tapes' PostgreSQL views, tapes' HTTP API) gives the sync: the sessions
// that changed since a checkpoint, each read whole (the sync replaces its copy), and the IDs of every session
// the server still has (so deleted and pruned ones disappear). The checkpoint is the source's own JSON.
import type {V1SessionRead} from './tapes-v1/model.js';

export type SessionChange =
	| {
		/** The session's row and every trace; spans of every trace, or only of `changedTraces`. */
		read: V1SessionRead;
		/** What the session's header looked like, to skip it next time when unchanged. */
		signature?: string;
		/** Set when only these traces were read in full: the others stay as stored (those no longer listed go). */
		changedTraces?: ReadonlySet<string>;
	}
	| {gone: string};

export interface RemotePoll {
	/** Sessions about to be read (for progress); 0 when unknown. */
	total: number;
	changes: AsyncIterable<SessionChange>;
	/** Saved once every change is applied; the next poll starts from it. */
	checkpoint: unknown;
	/** Problems with single rows or fields (named), read past. */
	problems: string[];
}

export interface PollContext {
	/** The signature stored with a session when it was last read. */
	signatureOf(id: string): string | undefined;
	signal?: AbortSignal | undefined;
	/** This poll also reconciles: a source may run its costlier checks now rather than on every poll. */
	thorough: boolean;
}

export interface RemoteSessionSource {
	/** The server, as shown to the user: its URL without the password. */
	where: string;
	/** `checkpoint` null: read every session. */
	poll(checkpoint: unknown, ctx: PollContext): Promise<RemotePoll>;
	/** Every session ID the server has now. */
	keys(signal?: AbortSignal): Promise<Set<string>>;
	close(): Promise<void>;
}
