// Stored session costs depend on the pricing table; when it changes, every session is summarized again.
import type {IndexStore} from '../store/index-store.js';
import type {PricingTable, SourceKind} from '../core/types.js';
import {summarizeSession} from '../core/summarize.js';
import {toolUses} from './tool-uses.js';

export function pricingFingerprint(pricing: PricingTable): string {
	const keys = Object.keys(pricing.models).sort();
	return JSON.stringify(keys.map((k) => [k, pricing.models[k]]));
}

/** Re-summarizes every session if the stored costs were computed with other prices. Returns how many. */
export function repriceIfChanged(store: IndexStore, pricing: PricingTable, now: number): number {
	const fingerprint = pricingFingerprint(pricing);
	if (store.meta.get('pricing') === fingerprint) return 0;
	const sessions = store.db.prepare(`SELECT id, source, source_id AS sourceId, parent_id AS parentId,
		sub_session_count AS subs FROM sessions`).all() as Array<{id: string; source: SourceKind; sourceId: number; parentId: string | null; subs: number}>;
	store.db.transaction(() => {
		for (const s of sessions) {
			const messages = store.messages.factsForSession(s.id);
			if (messages.length === 0) continue;
			const {summary, modelUsage} = summarizeSession({
				id: s.id, source: s.source, messages, pricing, parentId: s.parentId, subSessionCount: s.subs,
			});
			const leaf = messages.reduce((a, b) => (b.timestamp >= a.timestamp ? b : a));
			store.sessions.write({summary, sourceId: s.sourceId, leafId: leaf.id, modelUsage, tools: toolUses(messages)}, now);
		}
		store.meta.set('pricing', fingerprint);
	})();
	return sessions.length;
}
