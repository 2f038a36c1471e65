// Stored session costs depend on the pricing table; when it changes, every session is summarized again.
import type {IndexStore} from '../store/index-store.js';
import type {PricingTable, SourceKind} from '../core/types.js';
import {resummarize} from './apply-batch.js';
import {writeTransaction} from '../store/write-transaction.js';
import {pricingFingerprint} from './pricing-fingerprint.js';
import {createTapesFiles, TapesFactsError} from './tapes-facts.js';

/**
 * Re-summarizes every session if the stored costs were computed with other prices. Returns how many: a session
 * whose tapes file cannot be read keeps its costs.
 */
export function repriceIfChanged(store: IndexStore, pricing: PricingTable, now: number): number {
	const fingerprint = pricingFingerprint(pricing);
	if (store.meta.get('pricing') === fingerprint) return 0;
	const sessions = store.db.prepare(`SELECT id, source, source_id AS sourceId, parent_id AS parentId,
		sub_session_count AS subs, label FROM sessions`).all() as Array<{id: string; source: SourceKind; sourceId: number; parentId: string | null; subs: number; label: string}>;
	const byId = new Map(sessions.map((s) => [s.id, s]));
	// A tapes session's facts are in its file (the index keeps its nodes slim).
	const files = createTapesFiles(store);
	let repriced = 0;
	try {
		writeTransaction(store.db, () => {
			// Counted again should the transaction be retried.
			repriced = 0;
			for (const s of sessions) {
				try {
					resummarize({
						store, sourceId: s.sourceId, kind: s.source, pricing, now, factsOf: files.factsOf,
						// Keep what the source told us about the session; only the money changes with the prices.
						sessionExtras: (id) => ({label: byId.get(id)?.label, parentId: byId.get(id)?.parentId ?? null, subSessionCount: byId.get(id)?.subs ?? 0}),
					}, s.id);
					repriced++;
				} catch (error) {
					// A tapes file gone or unreadable: its sessions keep the costs they had, the others move on.
					if (!(error instanceof TapesFactsError)) throw error;
				}
			}
			store.meta.set('pricing', fingerprint);
		})();
	} finally {
		files.close();
	}
	return repriced;
}
