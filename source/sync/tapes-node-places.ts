// Where a tapes sync finds a node's parent and which session a node joins. Nodes stored lately are in a recent
// map; the rest are found by the messages' key, or during a keyless first load by the node's row in the source
// (tapes-placements.ts). A second generation of the recent map held 50 MB more for fewer look-ups than it saved.
import type {IndexStore} from '../store/index-store.js';
import type {MessagePlace} from '../store/messages-repo.js';
import type {TapesSource} from '../sources/tapes/reader.js';
import {HOUR_MS} from '../core/time.js';
import {createPlacements} from './tapes-placements.js';

/** A message continues its parent's session only within this much inactivity (the reference's 1 h window). */
export const SESSION_GAP_MS = HOUR_MS;

/** A session's ID: the start of its first node's hash (16 hex digits are plenty, and short to type). */
export const sessionIdFor = (hash: string) => hash.slice(0, 16);

export interface NodePlacesOptions {
	store: IndexStore;
	source: TapesSource;
	sourceId: number;
	/** A first load without the messages' key: parents are placed by their row in the source. */
	keyless: boolean;
	/** The rows this sync has to read, by rowid (what a keyless load allocates for). */
	total: number;
	/** Nodes kept in the recent map before it is emptied (0 keeps none). */
	recentLimit: number;
}

export function createNodePlaces(opts: NodePlacesOptions) {
	const {store, sourceId} = opts;
	let recent = new Map<string, MessagePlace>();
	const placements = opts.keyless ? createPlacements(opts.total) : null;
	const rowidOf = opts.source.rowidOf;
	const stored = placements && rowidOf
		? (hash: string) => {
			const rowid = rowidOf(hash);
			return rowid === undefined ? undefined : placements.find(rowid);
		}
		: (hash: string) => store.messages.place(sourceId, hash);
	// The last message of each session this sync touched (the index has the rest).
	const sessionEnds = new Map<string, number>();
	// A root's session ID is namespaced only when another kind of source already holds it (see file-apply.ts).
	const tapesIds = new Set(store.sources.list().filter((s) => s.kind === 'tapes').map((s) => s.id));
	const ownSession = (hash: string) => {
		const id = sessionIdFor(hash);
		const owner = store.sessions.ownerOf(id);
		return owner !== undefined && !tapesIds.has(owner) ? `${id}@tapes` : id;
	};
	return {
		parentOf(hash: string): MessagePlace | undefined {
			return recent.get(hash) ?? stored(hash);
		},
		/**
		 * The session a node joins: its parent's, unless it comes more than an hour after that session's last
		 * message; otherwise one whose ID is its own hash.
		 */
		sessionFor(hash: string, ts: number, parent: MessagePlace | undefined): string {
			if (parent) {
				const end = sessionEnds.get(parent.sessionId) ?? store.sessions.endOf(parent.sessionId) ?? parent.ts;
				if (ts - end <= SESSION_GAP_MS) return parent.sessionId;
			}
			return ownSession(hash);
		},
		/** A node stored at its row. */
		add(hash: string, rowid: number, place: MessagePlace): void {
			if (opts.recentLimit > 0) recent.set(hash, place);
			placements?.add(rowid, place);
			sessionEnds.set(place.sessionId, Math.max(sessionEnds.get(place.sessionId) ?? -Infinity, place.ts));
		},
		/** The rows this sync placed in each of these sessions, or null when it places none by row (not a keyless load). */
		placedRows: (sessionIds: Iterable<string>): Map<string, number[]> | null => placements?.rowsOf(sessionIds) ?? null,
		/** How many nodes are placed by row: where a transaction run again rewinds to. */
		mark: () => placements?.size ?? 0,
		rewind(mark: number): void {
			placements?.rewind(mark);
		},
		/** After a chunk: a recent map past its limit starts again. */
		chunkDone(): void {
			if (recent.size > opts.recentLimit) recent = new Map();
		},
	};
}

export type NodePlaces = ReturnType<typeof createNodePlaces>;
