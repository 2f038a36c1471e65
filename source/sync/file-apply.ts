// One transaction of the transcript sync: store (or merge) the batch's messages, apply session notes,
// save the files' cursors and states, and re-summarize what changed, so a crash keeps all of a batch or none.
import type {IndexStore} from '../store/index-store.js';
import type {Cursor} from '../store/cursors-repo.js';
import type {FileMessagesRepo} from '../store/file-messages-repo.js';
import type {SessionMetaRepo} from '../store/session-meta-repo.js';
import type {FileState, FileStateRepo} from '../store/file-state-repo.js';
import type {FileSessionsRepo} from '../store/file-sessions-repo.js';
import type {PricingTable, SourceKind} from '../core/types.js';
import type {CanonicalMessage} from '../core/types.js';
import type {FileMessage, SessionNote} from '../sources/jsonl/file-source.js';
import {messageFacts} from '../core/message-facts.js';
import {truncate} from '../core/labels.js';
import {mergeMessages} from '../sources/jsonl/merge-message.js';
import {encodeBody} from '../store/message-body.js';
import {resummarize} from './apply-batch.js';

export interface FileSyncContext {
	store: IndexStore;
	repo: FileMessagesRepo;
	meta: SessionMetaRepo;
	states: FileStateRepo;
	sessions: FileSessionsRepo;
	sourceId: number;
	kind: SourceKind;
	pricing: PricingTable;
	now: () => number;
	/** Only one source of this kind: an insert that hits an existing ID needs no lookup first. */
	singleSource: boolean;
}

export interface FileBatch {
	/** Sessions whose messages from this source are dropped first (their file was replaced). */
	resets: string[];
	messages: FileMessage[];
	notes: SessionNote[];
	files: Map<string, {cursor: Cursor; state: FileState}>;
	lines: number;
}

export const emptyBatch = (): FileBatch => ({resets: [], messages: [], notes: [], files: new Map(), lines: 0});

/** Longest first-prompt label, in characters. */
const PROMPT_LABEL = 80;

const sameMessage = (a: CanonicalMessage, b: CanonicalMessage) =>
	a.timestamp === b.timestamp && a.stopReason === b.stopReason && a.model === b.model &&
	JSON.stringify(a.usage) === JSON.stringify(b.usage) && encodeBody(a) === encodeBody(b);

function store(ctx: FileSyncContext, fm: FileMessage, touched: Set<string>): boolean {
	const m = fm.message;
	if (fm.replayOf && ctx.repo.hasSibling(fm.replayOf, m.id)) return false;
	if (!fm.merge && ctx.singleSource) {
		const added = ctx.repo.insert(ctx.sourceId, fm.sessionId, fm.seq, messageFacts(m, ''), encodeBody(m));
		if (added) touched.add(fm.sessionId);
		return added;
	}
	const existing = ctx.repo.find(m.id);
	if (!existing) {
		ctx.repo.insert(ctx.sourceId, fm.sessionId, fm.seq, messageFacts(m, ''), encodeBody(m));
		touched.add(fm.sessionId);
		return true;
	}
	if (!fm.merge) return false;
	// The copy seen first keeps its session: a response repeated in a resumed transcript is spend once.
	const merged = mergeMessages(existing.message, m);
	if (sameMessage(existing.message, merged)) return false;
	ctx.repo.update(existing.sourceId, messageFacts(merged, ''), encodeBody(merged));
	touched.add(existing.sessionId);
	return false;
}

/** Re-summarizes one session with its title (custom > ai > summary > first prompt), parent and children. */
export function resummarizeFileSession(ctx: FileSyncContext, sessionId: string): void {
	const facts = ctx.repo.factsForSession(sessionId);
	if (facts.length === 0) {
		ctx.sessions.drop(sessionId);
		return;
	}
	const meta = ctx.meta.get(sessionId);
	const prompt = facts.find((f) => f.role === 'user' && f.labelLine !== '')?.labelLine ?? '';
	const label = meta?.customTitle || meta?.aiTitle || meta?.summaryTitle || truncate(prompt, PROMPT_LABEL);
	const sourceId = ctx.sessions.ownerOf(sessionId) ?? ctx.sourceId;
	resummarize({
		store: ctx.store, sourceId, kind: ctx.kind, pricing: ctx.pricing, now: ctx.now(),
		sessionExtras: () => ({label: label || undefined, parentId: meta?.parentId ?? null, subSessionCount: ctx.meta.childCount(sessionId)}),
	}, sessionId, facts);
}

/** Applies a batch in one transaction; returns how many messages were new and which sessions changed. */
export function applyFileBatch(ctx: FileSyncContext, batch: FileBatch): {newMessages: number; touched: Set<string>} {
	const touched = new Set<string>();
	let newMessages = 0;
	ctx.store.db.transaction(() => {
		for (const sessionId of batch.resets) {
			ctx.repo.deleteSession(ctx.sourceId, sessionId);
			touched.add(sessionId);
		}
		for (const fm of batch.messages) if (store(ctx, fm, touched)) newMessages++;
		for (const note of batch.notes) if (ctx.meta.apply(note)) touched.add(note.sessionId);
		for (const [file, f] of batch.files) {
			ctx.store.cursors.put(f.cursor);
			ctx.states.put(ctx.sourceId, file, f.state);
		}
		// Children first: a parent's summary counts its subagents.
		const parents = new Set<string>();
		for (const id of touched) {
			const parent = ctx.meta.get(id)?.parentId;
			if (parent) parents.add(parent);
		}
		for (const id of touched) if (!parents.has(id)) resummarizeFileSession(ctx, id);
		for (const id of parents) resummarizeFileSession(ctx, id);
		for (const id of parents) touched.add(id);
	})();
	return {newMessages, touched};
}
