// tapes rows whose parent was not in the index when they were read (stored before it, in this sync or an
// earlier one) start a session of their own; once the parent is read, that session joins the parent's.
// The children still waiting are kept in the index's meta table, so a parent in a later sync finds them.
import type {IndexStore} from '../store/index-store.js';
import {SESSION_GAP_MS, sessionIdFor} from './tapes-sync.js';

/** A child whose parent was missing: its hash, its parent's, and its time. */
export type Orphan = [id: string, parentId: string, ts: number];

/** Children kept waiting for their parents at most (a database full of true orphans must not grow meta forever). */
const MAX_KEPT = 100_000;
const key = (sourceId: number) => `tapes-orphans:${Math.trunc(sourceId)}`;

export function loadOrphans(store: IndexStore, sourceId: number): Orphan[] {
	try {
		const saved = JSON.parse(store.meta.get(key(sourceId)) ?? '[]') as unknown;
		return Array.isArray(saved) ? saved.filter((o): o is Orphan => Array.isArray(o) && o.length === 3) : [];
	} catch {
		return [];
	}
}

/**
 * Moves each orphan's session into its parent's, when the parent is now in the index and within the
 * session gap; returns the sessions that grew (to re-summarize) and the orphans still waiting, which are
 * saved. Call inside a transaction.
 */
export function adoptOrphans(store: IndexStore, sourceId: number, orphans: readonly Orphan[]): {grew: Set<string>; waiting: Orphan[]} {
	const grew = new Set<string>();
	const waiting: Orphan[] = [];
	for (const orphan of orphans) {
		const [id, parentId, ts] = orphan;
		const parent = store.messages.place(sourceId, parentId);
		const child = store.messages.place(sourceId, id);
		if (!child) continue;
		if (!parent) {
			waiting.push(orphan);
			continue;
		}
		const own = child.sessionId;
		// Only a session the orphan started itself (its hash, namespaced or not) moves; one it joined some other way stays.
		const started = own === sessionIdFor(id) || own === `${sessionIdFor(id)}@tapes`;
		if (!started || parent.sessionId === own || ts - parent.ts > SESSION_GAP_MS) continue;
		store.messages.moveSession(sourceId, own, parent.sessionId);
		store.sessions.drop(own);
		grew.delete(own);
		grew.add(parent.sessionId);
	}
	return {grew, waiting: saveOrphans(store, sourceId, waiting)};
}

/** Keeps the children still waiting (the newest MAX_KEPT) for a later sync; returns those kept. */
export function saveOrphans(store: IndexStore, sourceId: number, waiting: readonly Orphan[]): Orphan[] {
	const kept = waiting.slice(-MAX_KEPT);
	if (kept.length > 0 || store.meta.get(key(sourceId)) !== undefined) store.meta.set(key(sourceId), JSON.stringify(kept));
	return kept;
}
