// Stored session costs depend on the pricing table; when it changes, every session is summarized again.
import type {IndexStore} from '../store/index-store.js';
import type {PricingTable, SourceKind} from '../core/types.js';
import {resummarize} from './apply-batch.js';
import {writeTransaction} from '../store/write-transaction.js';
import {pricingFingerprint} from './pricing-fingerprint.js';

/** Re-summarizes every session if the stored costs were computed with other prices. Returns how many. */
export function repriceIfChanged(store: IndexStore, pricing: PricingTable, now: number): number {
	const fingerprint = pricingFingerprint(pricing);
	if (store.meta.get('pricing') === fingerprint) return 0;
	const sessions = store.db.prepare(`SELECT id, source, source_id AS sourceId, parent_id AS parentId,
		sub_session_count AS subs, label FROM sessions`).all() as Array<{id: string; source: SourceKind; sourceId: number; parentId: string | null; subs: number; label: string}>;
	const byId = new Map(sessions.map((s) => [s.id, s]));
	writeTransaction(store.db, () => {
		for (const s of sessions) {
			resummarize({
				store, sourceId: s.sourceId, kind: s.source, pricing, now,
				// Keep what the source told us about the session; only the money changes with the prices.
				sessionExtras: (id) => ({label: byId.get(id)?.label, parentId: byId.get(id)?.parentId ?? null, subSessionCount: byId.get(id)?.subs ?? 0}),
			}, s.id);
		}
		store.meta.set('pricing', fingerprint);
	})();
	return sessions.length;
}
