// One transaction of the transcript sync: store (or merge) the batch's messages, apply session notes,
// save the files' cursors and states, and re-summarize what changed, so a crash keeps all of a batch or none.
import type {IndexStore} from '../store/index-store.js';
import type {Cursor} from '../store/cursors-repo.js';
import type {FileMessagesRepo} from '../store/file-messages-repo.js';
import type {SessionMetaRepo} from '../store/session-meta-repo.js';
import type {FileState, FileStateRepo} from '../store/file-state-repo.js';
import type {FileSessionsRepo} from '../store/file-sessions-repo.js';
import type {SummaryLeavesRepo} from '../store/summary-leaves-repo.js';
import type {PricingTable, SourceKind} from '../core/types.js';
import type {CanonicalMessage} from '../core/types.js';
import type {MessageFacts} from '../core/message-facts.js';
import type {PreparedMessage} from './remote-prepare.js';
import {unpack, type MessageRow} from '../store/messages-repo.js';
import type {LeafTitle, SessionNote, TitleLeaf} from '../sources/jsonl/file-source.js';
import type {ParsedMessage} from './file-parse.js';
import {messageFacts} from '../core/message-facts.js';
import {mergeMessages} from '../sources/jsonl/merge-message.js';
import {decodeBody, encodeBody} from '../store/message-body.js';
import {searchDoc} from '../core/search-text.js';
import {createFileMessagesRepo, storedMessage} from '../store/file-messages-repo.js';
import {createSessionMetaRepo} from '../store/session-meta-repo.js';
import {createFileStateRepo} from '../store/file-state-repo.js';
import {createFileSessionsRepo} from '../store/file-sessions-repo.js';
import {createSummaryLeavesRepo} from '../store/summary-leaves-repo.js';
import {resummarize} from './apply-batch.js';
import {saveDue} from './summaries-due.js';
import {resolveLeafTitles} from './summary-titles.js';
import {writeTransaction} from '../store/write-transaction.js';
import {ensureMessageKey} from '../store/bulk-load.js';
import {namespaceBatch} from './file-namespace.js';

export interface FileSyncContext {
	store: IndexStore;
	repo: FileMessagesRepo;
	meta: SessionMetaRepo;
	states: FileStateRepo;
	sessions: FileSessionsRepo;
	leaves: SummaryLeavesRepo;
	sourceId: number;
	kind: SourceKind;
	pricing: PricingTable;
	now: () => number;
	/** Only one source of this kind: an insert that hits an existing ID needs no lookup first. */
	singleSource: boolean;
	/** The source keeps a search index (it does unless the user asked otherwise). */
	search?: boolean;
	/** The sources of this kind (they share session IDs: the same session copied into two folders is one). */
	kindIds?: readonly number[];
}

/** The write path of every source that keeps its messages in the index (transcripts, tapes' server). */
export function createFileSyncContext(store: IndexStore, sourceId: number, kind: SourceKind, pricing: PricingTable, now: () => number): FileSyncContext {
	const kindIds = store.sources.list().filter((s) => s.kind === kind).map((s) => s.id);
	return {
		store, sourceId, kind, pricing, now, singleSource: kindIds.length <= 1, kindIds, search: store.search.state(sourceId).on,
		repo: createFileMessagesRepo(store.db, kindIds), meta: createSessionMetaRepo(store.db),
		states: createFileStateRepo(store.db), sessions: createFileSessionsRepo(store.db), leaves: createSummaryLeavesRepo(store.db),
	};
}

export interface FileBatch {
	/** Sessions whose messages from this source are dropped first (their file was replaced). */
	resets: string[];
	/** Messages dropped first by ID prefix within a session (a remote source replacing one turn of a session). */
	drops: Array<{sessionId: string; idPrefix: string}>;
	/** Messages as parsed (file-parse.ts): facts packed and bodies encoded already. */
	messages: ParsedMessage[];
	/** Messages whose facts and body were worked out already (a tapes server's, on its reader's thread): new ones only. */
	prepared: PreparedRow[];
	notes: SessionNote[];
	/** Possible leaves and the titles that name theirs, resolved across files and syncs (summary-titles.ts). */
	leaves: TitleLeaf[];
	leafTitles: LeafTitle[];
	files: Map<string, {cursor: Cursor; state: FileState}>;
	lines: number;
}

/** A prepared message and its place: stored when its ID is new, else left as it is (a server's message is immutable). */
export interface PreparedRow {
	sessionId: string;
	seq: number;
	message: PreparedMessage;
}

export const emptyBatch = (): FileBatch => ({resets: [], drops: [], messages: [], prepared: [], notes: [], leaves: [], leafTitles: [], files: new Map(), lines: 0});

const sameMessage = (a: CanonicalMessage, b: CanonicalMessage) =>
	a.timestamp === b.timestamp && a.stopReason === b.stopReason && a.model === b.model &&
	JSON.stringify(a.usage) === JSON.stringify(b.usage) && encodeBody(a) === encodeBody(b);

/** What a batch did to sessions: the facts it inserted per session, and the sessions changed otherwise. */
interface BatchEffects {
	touched: Set<string>;
	inserted: Map<string, Array<{seq: number; facts: MessageFacts}>>;
	rewritten: Set<string>;
	/** The source's search `doneTo`, read once per batch (it does not move inside the transaction). */
	indexedTo: number;
}

/** Stores a message unless its ID is there already; its words, when written with it, come from its stored body, as the fill's do. */
function insert(ctx: FileSyncContext, sessionId: string, seq: number, row: MessageRow, body: string, fx: BatchEffects, facts?: MessageFacts): boolean {
	// Lazy: the words are worked out only if the row is indexed as it is stored (the fill does the rest).
	const doc = ctx.search === false ? null : () => searchDoc(decodeBody(body));
	if (!ctx.repo.insertPacked(ctx.sourceId, sessionId, seq, row, body, doc, fx.indexedTo)) return false;
	inserted(fx, sessionId, seq, facts ?? unpack(row));
	return true;
}

function inserted(fx: BatchEffects, sessionId: string, seq: number, facts: MessageFacts): void {
	fx.touched.add(sessionId);
	const list = fx.inserted.get(sessionId);
	if (list) list.push({seq, facts});
	else fx.inserted.set(sessionId, [{seq, facts}]);
}

/** A prepared message, stored unless a source of its kind has its ID already (as store() does without merging). */
function insertPrepared(ctx: FileSyncContext, {sessionId, seq, message}: PreparedRow, fx: BatchEffects): boolean {
	if (!ctx.singleSource && ctx.repo.find(message.id)) return false;
	return insert(ctx, sessionId, seq, message, message.body, fx);
}

function store(ctx: FileSyncContext, pm: ParsedMessage, fx: BatchEffects): boolean {
	if (pm.replayOf && ctx.repo.hasSibling(pm.replayOf, pm.row.id)) return false;
	// With one source of the kind, the unique index tells whether the ID is new: no lookup first.
	if (ctx.singleSource) {
		if (insert(ctx, pm.sessionId, pm.seq, pm.row, pm.body, fx, pm.facts)) return true;
		if (!pm.merge && !pm.overwrite) return false;
	}
	const existing = ctx.repo.find(pm.row.id);
	if (!existing) return insert(ctx, pm.sessionId, pm.seq, pm.row, pm.body, fx, pm.facts);
	// Met a stored copy (rare): compared and merged as the stored one reads, facts and body.
	if (pm.overwrite && existing.sessionId === pm.sessionId) {
		const m = storedMessage(pm.row, pm.body);
		if (sameMessage(existing.message, m)) return false;
		// Its words go with it: update() drops the old ones, and without a doc the message left the index.
		ctx.repo.update(existing.sourceId, pm.facts ?? unpack(pm.row), pm.body, ctx.search === false ? null : () => searchDoc(m));
		fx.touched.add(existing.sessionId);
		fx.rewritten.add(existing.sessionId);
		return false;
	}
	if (!pm.merge) return false;
	// The copy seen first keeps its session: a response repeated in a resumed transcript is spend once.
	const merged = mergeMessages(existing.message, storedMessage(pm.row, pm.body));
	if (sameMessage(existing.message, merged)) return false;
	ctx.repo.update(existing.sourceId, messageFacts(merged, pm.carriedModel ?? ''), encodeBody(merged), ctx.search === false ? null : () => searchDoc(merged));
	fx.touched.add(existing.sessionId);
	fx.rewritten.add(existing.sessionId);
	return false;
}

/**
 * Re-summarizes one session with its title (custom > ai > the parent's Task description > summary > first prompt), parent and children.
 * `fresh`: the facts this batch inserted, used as they are when they are all the session has (a cold
 * import then never reads back what it just wrote).
 */
export function resummarizeFileSession(ctx: FileSyncContext, sessionId: string, fresh?: Array<{seq: number; facts: MessageFacts}>): void {
	const owner = ctx.sessions.ownerOf(sessionId);
	// Only when this batch holds every message of the session (a crash may have left earlier ones unsummarized).
	const facts = fresh && ctx.repo.countSession(sessionId) === fresh.length
		? [...fresh].sort((a, b) => a.facts.timestamp - b.facts.timestamp || a.seq - b.seq).map((f) => f.facts)
		: ctx.repo.factsForSession(sessionId);
	if (facts.length === 0) {
		ctx.sessions.drop(sessionId);
		return;
	}
	const meta = ctx.meta.get(sessionId);
	const prompt = facts.find((f) => f.role === 'user' && f.labelLine !== '')?.labelLine ?? '';
	const label = meta?.customTitle || meta?.aiTitle || meta?.taskTitle || meta?.summaryTitle || prompt;
	const sourceId = owner ?? ctx.sourceId;
	resummarize({
		store: ctx.store, sourceId, kind: ctx.kind, pricing: ctx.pricing, now: ctx.now(),
		sessionExtras: () => ({label: label || undefined, parentId: meta?.parentId ?? null, subSessionCount: ctx.meta.childCount(sessionId)}),
	}, sessionId, facts);
}

/**
 * Applies a batch in one transaction; returns how many messages were new, which sessions changed and
 * which summaries were put off. `pending`: sessions changed by earlier batches whose summaries were put
 * off. `defer`: sessions of the file still being read, summarized when it is done (a session growing over
 * many batches is summarized once, not once per batch); every other session is summarized now, and the
 * ones put off are saved as due, so a crash before the file is done cannot leave them unsummarized.
 */
export function applyFileBatch(ctx: FileSyncContext, batch: FileBatch, pending: ReadonlySet<string> = new Set(), defer: ReadonlySet<string> = new Set()):
	{newMessages: number; touched: Set<string>; deferred: Set<string>} {
	const fx: BatchEffects = {touched: new Set(), inserted: new Map(), rewritten: new Set(pending), indexedTo: -1};
	const {touched} = fx;
	const deferred = new Set<string>();
	let newMessages = 0;
	writeTransaction(ctx.store.db, () => {
		// A message is stored once by its ID only with the key there (a tapes bulk load may have left it out).
		ensureMessageKey(ctx.store.db);
		fx.indexedTo = ctx.search === false ? -1 : ctx.repo.searchDoneTo(ctx.sourceId);
		batch = namespaceBatch(ctx, batch);
		for (const sessionId of batch.resets) {
			// What the batch inserts for a reset session is then all it has from here: the count check in
			// resummarizeFileSession (another source's messages in it) decides whether it is used as it is.
			ctx.repo.deleteSession(ctx.sourceId, sessionId);
			touched.add(sessionId);
		}
		for (const {sessionId, idPrefix} of batch.drops) {
			if (ctx.repo.deletePrefix(ctx.sourceId, sessionId, idPrefix) > 0) touched.add(sessionId);
		}
		for (const fm of batch.messages) if (store(ctx, fm, fx)) newMessages++;
		for (const row of batch.prepared) if (insertPrepared(ctx, row, fx)) newMessages++;
		for (const note of batch.notes) if (ctx.meta.apply(note)) touched.add(note.sessionId);
		for (const note of resolveLeafTitles(ctx.leaves, ctx.sourceId, batch.leaves, batch.leafTitles)) if (ctx.meta.apply(note)) touched.add(note.sessionId);
		for (const [file, f] of batch.files) {
			ctx.store.cursors.put(f.cursor);
			ctx.states.put(ctx.sourceId, file, f.state);
		}
		for (const id of pending) touched.add(id);
		for (const id of touched) if (defer.has(id)) deferred.add(id);
		// Children first: a parent's summary counts its subagents.
		const parents = new Set<string>();
		for (const id of touched) {
			const parent = deferred.has(id) ? undefined : ctx.meta.get(id)?.parentId;
			if (parent) (defer.has(parent) ? deferred : parents).add(parent);
		}
		const fresh = (id: string) => (fx.rewritten.has(id) ? undefined : fx.inserted.get(id));
		for (const id of touched) if (!parents.has(id) && !deferred.has(id)) resummarizeFileSession(ctx, id, fresh(id));
		for (const id of parents) resummarizeFileSession(ctx, id, fresh(id));
		for (const id of parents) touched.add(id);
		saveDue(ctx.store, ctx.sourceId, deferred);
	})();
	return {newMessages, touched, deferred};
}
