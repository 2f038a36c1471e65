// Incremental sync of a remote source (tapes' PostgreSQL or HTTP API): each session the source says changed is
// replaced through the transcript sources' write path, in chunked transactions: whole (its old messages and
// thread sessions dropped, its new ones written), or, when the source read only some of its turns, those turns
// and the ones the session no longer has; every few minutes the session IDs are reconciled, so sessions
// deleted or pruned on the server disappear. The checkpoint is saved only once a poll is fully applied, so a
// server that goes away mid-sync leaves the next sync to read the same changes again (replacing is idempotent).
import type {IndexStore} from '../store/index-store.js';
import type {PricingTable, SourceKind} from '../core/types.js';
import type {SessionNote} from '../sources/jsonl/file-source.js';
import type {RemoteSessionSource} from '../sources/remote-source.js';
import {inProcessReader, isServerReader, type PreparedSession, type ServerReader} from './remote-prepare.js';
import {createRemoteSessionsRepo} from '../store/remote-sessions-repo.js';
import {applyFileBatch, createFileSyncContext, emptyBatch, type FileBatch} from './file-apply.js';
import type {SyncProgress, SyncSummary} from './sync-summary.js';
import {addProblem} from './file-problems.js';
import {yieldToLoop} from './slicer.js';
import {unsynced} from '../store/bulk-load.js';
import {createFileStateRepo} from '../store/file-state-repo.js';

export const RECONCILE_EVERY_MS = 5 * 60_000;
/** Messages per transaction: with a reader thread filling the next chunks meanwhile, 10,000 kept peak RSS lower than 20,000 at the same speed. */
const BATCH_MESSAGES = 10_000;
/**
 * The index's page cache during a first import (KiB): its pages are written once, in order, so a large cache
 * buys nothing (16 MB and 64 MB took the same time), and the 48 MB saved keeps the reader thread's heap within
 * the peak RSS goal.
 */
const FIRST_IMPORT_CACHE_KIB = 16_384;
const STATE_KEY = 'remote';

export interface RemoteSyncDeps {
	store: IndexStore;
	/** A source (read and prepared on this thread) or a reader that prepares elsewhere (its own thread). */
	source: RemoteSessionSource | ServerReader;
	sourceId: number;
	kind: SourceKind;
	pricing: PricingTable;
	now: () => number;
	/** How often session IDs are reconciled with the server (default 5 minutes). */
	reconcileEveryMs?: number;
}

interface SavedState {
	checkpoint: unknown;
	reconciledMs: number;
}

/** Whether the source's first import is done (its checkpoint is saved): later syncs read little. */
export function remoteImported(store: IndexStore, sourceId: number): boolean {
	return Boolean(createFileStateRepo(store.db).get(sourceId, STATE_KEY)?.state);
}

export async function syncRemote(deps: RemoteSyncDeps, onProgress: (p: SyncProgress) => void = () => {}, signal?: AbortSignal): Promise<SyncSummary> {
	const {store} = deps;
	const first = !remoteImported(store, deps.sourceId);
	// A first import writes a whole server (a million messages) and its checkpoints would wait on the disk
	// each time: they do not, until it is done. A killed import is still whole up to its last commit (WAL keeps
	// that from a process crash) and starts again from the beginning, as its checkpoint was not saved; only a
	// machine that loses power mid-import may leave the index damaged, which is then deleted and rebuilt.
	if (!first) return syncOnce(deps, onProgress, signal);
	const cache = store.db.pragma('cache_size', {simple: true}) as number;
	store.db.pragma(`cache_size = -${FIRST_IMPORT_CACHE_KIB}`);
	try {
		return await unsynced(store.db, () => syncOnce(deps, onProgress, signal));
	} finally {
		store.db.pragma(`cache_size = ${Number(cache)}`);
	}
}

async function syncOnce(deps: RemoteSyncDeps, onProgress: (p: SyncProgress) => void, signal?: AbortSignal): Promise<SyncSummary> {
	const {store, sourceId} = deps;
	const source = isServerReader(deps.source) ? deps.source : inProcessReader(deps.source, deps.pricing);
	const ctx = createFileSyncContext(store, sourceId, deps.kind, deps.pricing, deps.now);
	const remote = createRemoteSessionsRepo(store.db);
	const saved = ctx.states.get(sourceId, STATE_KEY)?.state as SavedState | null | undefined;
	const fromStart = !saved;
	const summary: SyncSummary = {source: source.where, newMessages: 0, sessionsTouched: 0, warnings: [], fromStart};
	// A cold read sees every session; later ones ask the server for its IDs every few minutes.
	const every = deps.reconcileEveryMs ?? RECONCILE_EVERY_MS;
	const due = fromStart || deps.now() - (saved?.reconciledMs ?? 0) >= every;
	const poll = await source.poll(saved?.checkpoint ?? null, {signatureOf: (id) => remote.signature(sourceId, id), signal, thorough: due});
	const seen = new Set<string>();
	const signatures = new Map<string, string | null>();
	let batch: FileBatch = emptyBatch();
	let read = 0;

	// Into an index with nothing of this source yet (a first sync), there are no thread sessions to look up.
	const empty = !remote.holdsAny(sourceId);
	const replace = (id: string) => {
		batch.resets.push(id);
		if (!empty) for (const thread of remote.threadSessions(sourceId, id)) batch.resets.push(thread);
	};
	/** One turn re-read: its messages, and those of turns the session no longer has, go from every session it spans. */
	const dropTraces = (id: string, mappedIds: string[], current: string[], changed: ReadonlySet<string>) => {
		const sessions = new Set([id, ...mappedIds, ...(empty ? [] : remote.threadSessions(sourceId, id))]);
		const keep = new Set(current);
		for (const sessionId of sessions) {
			const stale = new Set(changed);
			for (const t of remote.storedTraces(sourceId, sessionId)) if (!keep.has(t)) stale.add(t);
			for (const t of stale) batch.drops.push({sessionId, idPrefix: `${t}/`});
		}
	};
	const flush = async () => {
		if (batch.resets.length === 0 && batch.drops.length === 0 && signatures.size === 0) return;
		const pending = batch;
		const sigs = [...signatures];
		batch = emptyBatch();
		signatures.clear();
		store.db.transaction(() => {
			// A session the server has without any turn yet is read, and stays out of the index: not "updated".
			const held = (id: string) => ctx.sessions.ownerOf(id) !== undefined;
			const before = new Set(pending.resets.filter(held));
			const applied = applyFileBatch(ctx, pending);
			summary.newMessages += applied.newMessages;
			for (const id of applied.touched) if (before.has(id) || held(id)) summary.sessionsTouched++;
			for (const [id, sig] of sigs) remote.setSignature(sourceId, id, sig);
		})();
		onProgress({source: source.where, read, total: Math.max(poll.total, read)});
		await yieldToLoop();
	};

	for await (const chunk of poll.chunks) {
		if (signal?.aborted) return summary;
		for (const change of chunk) {
			read++;
			if ('gone' in change) {
				replace(change.gone);
				signatures.set(change.gone, null);
				continue;
			}
			const {id} = change;
			seen.add(id);
			if (change.signature !== undefined) signatures.set(id, change.signature);
			if (change.changedTraces) dropTraces(id, change.sessions.map((m) => m.id), change.traceIds, new Set(change.changedTraces));
			else replace(id);
			addSession(batch, change.sessions);
		}
		if (batch.prepared.length >= BATCH_MESSAGES) await flush();
	}
	await flush();

	const live = due ? (fromStart ? seen : await source.keys(signal)) : null;
	if (live) {
		for (const id of remote.rootIds(sourceId)) {
			if (live.has(id)) continue;
			replace(id);
			signatures.set(id, null);
		}
		await flush();
	}
	const state: SavedState = {checkpoint: poll.checkpoint, reconciledMs: live ? deps.now() : (saved?.reconciledMs ?? 0)};
	// A bad row is read once, so its problem is kept until a read from the start finds it gone.
	const problems = fromStart ? [] : (ctx.states.get(sourceId, STATE_KEY)?.problems ?? []);
	for (const problem of poll.problems) addProblem(problems, 0, problem);
	ctx.states.put(sourceId, STATE_KEY, {head: '', state, problems});
	summary.warnings = problems.map((p) => ({where: source.where, message: p.problem, count: p.count}));
	return summary;
}

/** Adds one read session (and its thread sessions) to the batch, with the notes that name and place them. */
function addSession(batch: FileBatch, sessions: readonly PreparedSession[]): void {
	for (const s of sessions) {
		s.messages.forEach((message, seq) => batch.prepared.push({sessionId: s.id, seq, message}));
		// A thread's title comes from its spawning tool, which a read of one turn may not hold: left as it is then.
		const note: SessionNote = {sessionId: s.id, ...(s.title ? {customTitle: s.title} : {}), cwd: s.cwd, parentId: s.parentId};
		batch.notes.push(note);
	}
}
