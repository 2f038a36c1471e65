// One session's messages for every source kind, through one call: the facts (what the index keeps, in its
// order) and the bodies (text, tool calls, results). Transcript bodies are in the index (the files may be
// gone); a tapes session is read back from its tapes file, facts and bodies alike (session-reader.ts): the
// index keeps its nodes slim, so without the file it shows an error (an older index's whole facts, if any).
import type {CanonicalMessage, SessionSummary} from '../core/types.js';
import type {MessageFacts} from '../core/message-facts.js';
import {openTapesSource} from '../sources/tapes/reader.js';
import {readTapesSession, sameRows, toRanges} from '../sources/tapes/session-reader.js';
import {decodeBody} from '../store/message-body.js';
import {describeTapesError} from '../sources/tapes/open-errors.js';
import type {Workspace} from './open-workspace.js';

export interface SessionMessages {
	facts: MessageFacts[];
	/** By message ID; a message without its body here is shown from its facts alone. */
	bodies: Map<string, CanonicalMessage>;
	/** Set when the bodies could not be read (the source is gone or unreadable). */
	error: string | null;
}

function fromIndex(ws: Workspace, sessionId: string): SessionMessages {
	// A transcript's facts are always whole in the index (only a tapes node's are slim).
	const facts = ws.store.messages.factsForSession(sessionId) ?? [];
	const bodies = new Map<string, CanonicalMessage>();
	const byId = new Map(facts.map((f) => [f.id, f]));
	for (const {id, body} of ws.store.messages.bodiesForSession(sessionId)) {
		const f = byId.get(id);
		if (!f) continue;
		bodies.set(id, {id, parentId: f.parentId, role: f.role, model: f.model, provider: f.provider, agent: f.agent, project: f.project,
			timestamp: f.timestamp, usage: f.usage, stopReason: f.stopReason, ...decodeBody(body)});
	}
	return {facts, bodies, error: null};
}

function fromTapes(ws: Workspace, sessionId: string): SessionMessages {
	const rows = ws.store.messages.rowsForSession(sessionId);
	// What the index has without the file: whole facts only from an index older than slim nodes.
	const stored = (error: string | null, bodies = new Map<string, CanonicalMessage>()): SessionMessages =>
		({facts: ws.store.messages.factsForSession(sessionId) ?? [], bodies, error});
	if (rows.length === 0) return {facts: [], bodies: new Map(), error: null};
	const sourceIds = new Set(rows.map((r) => r.sourceId));
	// A session is one source's; an index opened without that source reads the first tapes source in use.
	const source = (sourceIds.size === 1 ? ws.sources.find((s) => sourceIds.has(s.id) && s.kind === 'tapes') : undefined)
		?? ws.sources.find((s) => s.kind === 'tapes');
	if (!source) return stored('no source in use holds this session');
	const opened = openTapesSource(source.path);
	if (!opened.ok) return stored(opened.error);
	try {
		const read = readTapesSession(opened.source, toRanges(rows.map((r) => r.seq)));
		if (sameRows(rows, read)) {
			return {facts: read.map((m) => m.facts), bodies: new Map(read.map((m) => [m.message.id, m.message])), error: null};
		}
		// Not the rows the index has (another file at that path, or one rebuilt since): the index's facts if it has
		// them (an older index), with their bodies by hash; slim ones have nothing to show the bodies with.
		const facts = ws.store.messages.factsForSession(sessionId);
		if (facts === null) return {facts: [], bodies: new Map(), error: `${source.path}: no longer holds the rows this session was read from (replaced or rebuilt since)`};
		const bodies = new Map<string, CanonicalMessage>();
		for (const {message} of opened.source.readByIds(rows.map((r) => r.id)).messages) bodies.set(message.id, message);
		return {facts, bodies, error: null};
	} catch (err) {
		return stored(describeTapesError(source.path, err));
	} finally {
		opened.source.close();
	}
}

export function readSessionMessages(ws: Workspace, summary: Pick<SessionSummary, 'id' | 'source'>): SessionMessages {
	return summary.source === 'tapes' ? fromTapes(ws, summary.id) : fromIndex(ws, summary.id);
}
