// A tapes session's facts read again from its tapes file, for re-summarizing it: the index keeps a tapes
// node slim (role and tool names for search: messages-repo.ts packSlim), and the file, immutable and
// content-addressed, gives the same facts every time (session-reader.ts works them out as the sync did).
import type {IndexStore} from '../store/index-store.js';
import type {MessageFacts} from '../core/message-facts.js';
import {openTapesSource, type TapesSource} from '../sources/tapes/reader.js';
import {readTapesFacts, sameRows, toRanges} from '../sources/tapes/session-reader.js';
import {describeTapesError} from '../sources/tapes/open-errors.js';

/** A tapes file cannot give a session's facts (gone, unreadable, or not the file the session was read from). */
export class TapesFactsError extends Error {}

/** Tapes files opened as sessions need them, each once (the sync's own source is given, and not closed here). */
export interface TapesFiles {
	/** The facts of a session whose rows are all in one file; throws, naming the file, when it cannot give them. */
	factsOf(sessionId: string): MessageFacts[];
	/** The facts of these rows of the sync's own source (rising rowids), which the sync has just read: no check. */
	factsOfRows(rowids: readonly number[]): MessageFacts[];
	close(): void;
}

export function createTapesFiles(store: IndexStore, given?: {sourceId: number; source: TapesSource}): TapesFiles {
	const opened = new Map<number, TapesSource>();
	if (given) opened.set(given.sourceId, given.source);
	const owned: TapesSource[] = [];
	const paths = new Map(store.sources.list().map((s) => [s.id, s.path]));
	const failed = new Map<number, string>();
	const fileOf = (sourceId: number): TapesSource => {
		const known = opened.get(sourceId);
		if (known) return known;
		// Tried once: a file that is gone is gone for each of its sessions.
		const failure = failed.get(sourceId);
		if (failure !== undefined) throw new TapesFactsError(failure);
		const path = paths.get(sourceId) ?? `source #${sourceId}`;
		const result = openTapesSource(path);
		if (!result.ok) {
			failed.set(sourceId, result.error);
			throw new TapesFactsError(result.error);
		}
		opened.set(sourceId, result.source);
		owned.push(result.source);
		return result.source;
	};
	return {
		factsOf(sessionId) {
			const rows = store.messages.rowsForSession(sessionId);
			const bySource = new Map<number, typeof rows>();
			for (const r of rows) (bySource.get(r.sourceId) ?? bySource.set(r.sourceId, []).get(r.sourceId)!).push(r);
			const out: MessageFacts[] = [];
			// Two tapes files sharing a root share its session (sync/tapes-sync.ts ownSession): each gives its rows.
			for (const [sourceId, mine] of bySource) {
				const source = fileOf(sourceId);
				let read: ReturnType<typeof readTapesFacts>;
				try {
					read = readTapesFacts(source, toRanges(mine.map((r) => r.seq)));
				} catch (error) {
					throw new TapesFactsError(describeTapesError(source.path, error));
				}
				if (!sameRows(mine, read)) throw new TapesFactsError(`${source.path}: no longer holds the rows session ${sessionId} was read from (replaced or rebuilt since)`);
				for (const m of read) out.push(m.facts);
			}
			// The index's order: time, then row (one source's rows are in it already).
			return bySource.size > 1 ? out.sort((a, b) => a.timestamp - b.timestamp) : out;
		},
		factsOfRows(rowids) {
			if (!given) throw new Error('factsOfRows: no source of the sync given');
			try {
				return readTapesFacts(given.source, toRanges(rowids)).map((m) => m.facts);
			} catch (error) {
				throw new TapesFactsError(describeTapesError(given.source.path, error));
			}
		},
		close() {
			for (const source of owned) source.close();
		},
	};
}
