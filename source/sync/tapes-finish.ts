// The end of a tapes sync, after its last chunk: a bulk load's indexes are built, children read before their
// parents join them, and every session left due is summarized from the facts its file gives again (the index
// keeps a tapes node slim: tapes-facts.ts). One transaction, so a sync killed here redoes all of it.
import type {IndexStore} from '../store/index-store.js';
import type {TapesSource} from '../sources/tapes/reader.js';
import type {PricingTable} from '../core/types.js';
import type {WarningTally} from '../core/warning-tally.js';
import {resummarize, type ApplyContext} from './apply-batch.js';
import {writeTransaction} from '../store/write-transaction.js';
import {endBulkLoad, ensureMessageKey, type LeftForLater} from '../store/bulk-load.js';
import {saveDue} from './summaries-due.js';
import {adoptOrphans, type Orphan} from './tapes-late-parents.js';
import {createTapesFiles, TapesFactsError} from './tapes-facts.js';

export interface TapesFinish {
	store: IndexStore;
	source: TapesSource;
	sourceId: number;
	pricing: PricingTable;
	now: number;
	bulk: boolean;
	/** A bulk load's messages' indexes and JSON rows are left to the caller, once the session list is final (TapesSyncDeps.listFirst). */
	listFirst?: boolean;
	/** The rows this sync placed in each session, where it places them by row (a keyless first load). */
	placedRows?: (sessionIds: Iterable<string>) => Map<string, number[]> | null;
}

/** What the chunks left: children waiting for parents (those before `earlierOrphans` from earlier syncs), sessions due. */
export interface TapesLeftovers {
	orphans: Orphan[];
	earlierOrphans: number;
	deferred: Set<string>;
	/** Grows by the sessions that adopted children. */
	allTouched: Set<string>;
	tally: WarningTally;
	/** Sessions left due by an earlier sync (their rows may be older than this one's placements). */
	earlierDue: number;
}

/**
 * The rows of each due session, from the sync's placements, when they are all a session has: a first load of
 * the only tapes source, nothing left due before it, no child to move. Then the sessions are summarized without
 * messages_session, which is built after the list is out with the key.
 */
function placedOnly(run: TapesFinish, left: TapesLeftovers): Map<string, number[]> | null {
	if (!run.bulk || !run.listFirst || !run.placedRows || left.orphans.length > 0 || left.earlierDue > 0) return null;
	if (run.store.sources.list().filter((s) => s.kind === 'tapes').length !== 1) return null;
	return run.placedRows(left.deferred);
}

export function finishTapesSync(run: TapesFinish, left: TapesLeftovers): void {
	const {store, source, sourceId} = run;
	const {orphans, deferred, tally} = left;
	const files = createTapesFiles(store, {sourceId, source});
	try {
		writeTransaction(store.db, () => {
			const placed = placedOnly(run, left);
			// A bulk load's indexes first: the pass below reads and moves sessions by their messages (unless placed).
			const later: LeftForLater = !run.listFirst ? 'nothing' : placed ? 'messages' : 'key';
			if (run.bulk) endBulkLoad(store.db, store.meta, sourceId, later);
			// Children are matched to their parents by hash, through the key.
			if (orphans.length > 0) ensureMessageKey(store.db);
			const adopted = adoptOrphans(store, sourceId, orphans);
			for (const id of adopted.grew) {
				deferred.add(id);
				left.allTouched.add(id);
			}
			const ctx: ApplyContext = {store, sourceId, kind: 'tapes', pricing: run.pricing, now: run.now, factsOf: files.factsOf,
				renderJson: !(run.bulk && run.listFirst)};
			for (const id of deferred) {
				try {
					const rows = placed?.get(id);
					resummarize(ctx, id, rows ? files.factsOfRows(rows) : undefined);
				} catch (error) {
					// Only a session shared with another tapes file that cannot be read now: it keeps its summary.
					if (!(error instanceof TapesFactsError)) throw error;
					tally.add({where: source.path, message: `session ${id} not summarized again: ${error.message}`, count: 1});
				}
			}
			saveDue(store, sourceId, new Set());
			// Those from earlier syncs were counted then (a source's warnings add up across syncs).
			const fresh = new Set(orphans.slice(left.earlierOrphans).map((o) => o[0]));
			const dangling = adopted.waiting.filter((o) => fresh.has(o[0])).length;
			if (dangling > 0) tally.add({where: `${source.path}: nodes`, message: 'parent node not found (dangling parent); it starts its own session', count: dangling});
		})();
	} finally {
		files.close();
	}
}
