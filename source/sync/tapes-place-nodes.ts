// A piece of a tapes load placed: each node joins its parent's session or starts its own (tapes-node-places.ts)
// and is stored slim, with its words indexed as it is stored only where the search fill has passed already.
import type {IndexStore} from '../store/index-store.js';
import type {TapesSource} from '../sources/tapes/reader.js';
import type {MessageFacts} from '../core/message-facts.js';
import {normalizeModel} from '../core/models.js';
import {searchDoc} from '../core/search-text.js';
import type {NodePlaces} from './tapes-node-places.js';
import type {NodesRead} from './tapes-node-reads.js';
import type {Orphan} from './tapes-late-parents.js';

export interface NodePlacing {
	store: IndexStore;
	source: TapesSource;
	sourceId: number;
	places: NodePlaces;
	/** Children whose parents have not come yet (they may later in the table). */
	orphans: Orphan[];
	/** Whether the source keeps a search index, and where its fill has passed (it does not move within a transaction). */
	indexed: boolean;
	indexedTo: number;
}

/** Places a piece's nodes, adding the facts of each one stored to its session's in `touched`; returns how many were stored. */
export function placeNodes(run: NodePlacing, nodes: NodesRead['nodes'], touched: Map<string, MessageFacts[]>): number {
	const {store, sourceId, places} = run;
	let stored = 0;
	for (const {rowid, facts, parentHash, message} of nodes) {
		const parent = parentHash ? places.parentOf(parentHash) : undefined;
		// Its parent may come later in the table: it waits, and is counted as dangling only if it never does.
		if (parentHash && !parent) run.orphans.push([facts.id, parentHash, facts.timestamp]);
		const sessionId = places.sessionFor(facts.id, facts.timestamp, parent);
		// A node without a model carries its parent's (messageFacts' carriedModel).
		if (facts.model === '' && parent) facts.model = normalizeModel(parent.model);
		// The parent link, the body and most facts stay in the source (re-read when a session is opened or
		// summarized again: tapes-facts.ts); the index keeps what listing and search read.
		facts.parentId = null;
		// A node read on the reading thread comes without its message: its words are read again here, wanted only
		// where the search fill has passed already (rare: a bulk load's rows come after what the fill has indexed).
		const doc = !run.indexed ? null : message ? () => searchDoc(message) : () => docAt(run.source, rowid);
		if (!store.messages.insert(sourceId, sessionId, rowid, facts, null, doc, run.indexedTo, true)) continue;
		places.add(facts.id, rowid, {sessionId, ts: facts.timestamp, model: facts.model});
		const list = touched.get(sessionId);
		if (list) list.push(facts);
		else touched.set(sessionId, [facts]);
		stored++;
	}
	return stored;
}

function docAt(source: TapesSource, rowid: number) {
	const m = source.readRowids([rowid]).messages[0]?.message;
	return m ? searchDoc(m) : null;
}
