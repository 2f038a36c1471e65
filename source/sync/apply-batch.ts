// The part of every sync that is the same for all sources: store new messages, then re-summarize the
// sessions they touched, in one transaction so a crash leaves either all of a batch or none of it.
import type {IndexStore} from '../store/index-store.js';
import type {PricingTable, SourceKind} from '../core/types.js';
import type {MessageFacts} from '../core/message-facts.js';
import {summarizeSession} from '../core/summarize.js';
import {toolUses} from './tool-uses.js';
import type {LazyDoc} from '../store/search-rows.js';
import {writeTransaction} from '../store/write-transaction.js';
import {ensureMessageKey} from '../store/bulk-load.js';

export interface PlacedMessage {
	sessionId: string;
	/** Order within the source (tapes rowid, line number...), the tie-break after the timestamp. */
	seq: number;
	facts: MessageFacts;
	/** Canonical body JSON to keep in the index, or null when the source can be re-read by ID. */
	body: string | null;
	/** The message's words for the search index (core/search-text.ts searchDoc), null when not indexed. */
	search?: LazyDoc;
}

export interface ApplyContext {
	store: IndexStore;
	sourceId: number;
	kind: SourceKind;
	pricing: PricingTable;
	now: number;
	/** Per-session extras a source knows (a title, a parent session); applied over the computed summary. */
	sessionExtras?: (sessionId: string) => {label?: string; parentId?: string | null; subSessionCount?: number} | undefined;
	/** A session's facts when the index keeps them slim (a tapes session's are in its file: sync/tapes-facts.ts). */
	factsOf?: (sessionId: string) => MessageFacts[];
	/** false: the sessions' JSON rows for the reports are left for the fill (SessionWrite.json). */
	renderJson?: boolean;
}

/** Inserts the messages (duplicates are ignored) and rewrites the touched sessions. Returns their IDs. */
export function applyBatch(ctx: ApplyContext, placed: readonly PlacedMessage[], alsoTouched: Iterable<string> = []): Set<string> {
	const {store} = ctx;
	const touched = new Set<string>(alsoTouched);
	writeTransaction(store.db, () => {
		ensureMessageKey(store.db);
		for (const p of placed) {
			if (store.messages.insert(ctx.sourceId, p.sessionId, p.seq, p.facts, p.body, p.search ?? null)) touched.add(p.sessionId);
		}
		for (const sessionId of touched) resummarize(ctx, sessionId);
	})();
	return touched;
}

/** Recomputes one session's summary rows from its stored message facts. Call inside a transaction. */
export function resummarize(ctx: ApplyContext, sessionId: string, messages?: MessageFacts[]): void {
	const facts = messages ?? ctx.store.messages.factsForSession(sessionId) ?? ctx.factsOf?.(sessionId);
	if (!facts) throw new Error(`session ${sessionId}: its messages' facts are in its tapes file, which was not opened to summarize it`);
	if (facts.length === 0) return;
	const extras = ctx.sessionExtras?.(sessionId);
	const {summary, modelUsage, buckets, priceSource, statusReason, rejections} = summarizeSession({
		id: sessionId, source: ctx.kind, messages: facts, pricing: ctx.pricing,
		parentId: extras?.parentId ?? null, subSessionCount: extras?.subSessionCount ?? 0,
	});
	if (extras?.label) summary.label = extras.label;
	const leaf = facts.reduce((a, b) => (b.timestamp >= a.timestamp ? b : a));
	ctx.store.sessions.write({summary, sourceId: ctx.sourceId, leafId: leaf.id, modelUsage, tools: toolUses(facts),
		buckets, notes: {priceSource, statusReason, rejections}, json: ctx.renderJson !== false}, ctx.now);
}
