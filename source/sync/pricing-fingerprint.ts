// What stored session costs were computed with: a fingerprint of the prices, kept in the index's meta. Apart
// from the repricer (reprice.ts) so that checking it, on every run, loads nothing of the sync.
import type {IndexStore} from '../store/index-store.js';
import type {PricingTable} from '../core/types.js';

/** What stored costs depend on: the tables' entries, which of them the user overrode, and the catalog's version. */
export function pricingFingerprint(pricing: PricingTable): string {
	const keys = Object.keys(pricing.models).sort();
	return JSON.stringify([keys.map((k) => [k, pricing.models[k]]), [...(pricing.overridden ?? [])].sort(), pricing.catalog?.version ?? '']);
}

/** Whether the stored costs were computed with other prices (or none were stored yet). */
export function pricesChanged(store: IndexStore, pricing: PricingTable): boolean {
	return store.meta.get('pricing') !== pricingFingerprint(pricing);
}
