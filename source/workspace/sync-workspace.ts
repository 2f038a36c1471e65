// Runs the incremental sync over every source in use; a source that cannot be read is reported, not fatal.
// Every kind has one entry in SYNCS, the one contract all sources meet: (workspace, source, clock, progress,
// signal) → a summary, or one line saying why the source could not be read. Each kind's sync loads on
// first use, so a run over transcripts alone never loads the tapes reader or a database driver.
import type {SyncProgress, SyncSummary} from '../sync/sync-summary.js';
import {syncTapesSource} from './sync-tapes-source.js';
import {describeSqliteError, isSqliteError} from '../store/open-index.js';
import {isBusy} from '../store/write-transaction.js';
import {FILE_ADAPTERS, type TranscriptKind} from '../sources/jsonl/file-adapters.js';
import type {SourceKind} from '../core/types.js';
import type {SourceInUse, Workspace} from './open-workspace.js';
import {backfillSearch} from '../sync/search-backfill.js';
import {fillSessionJson} from './session-json-fill.js';
import type {ServerConnections} from './server-sources.js';

/** What a sync needs of a workspace (a sync thread has only these); `servers`: readers kept open across syncs. */
export type SyncTarget = Pick<Workspace, 'store' | 'sources' | 'pricing' | 'indexPath'> & {servers?: ServerConnections};

export interface WorkspaceSync {
	summaries: SyncSummary[];
	/** One line per source that could not be read at all (and the index error, when there is one). */
	errors: string[];
	/** Set when the index itself failed (damaged, locked, disk full): the sync stopped there. */
	indexError?: string;
	/** The failure was only that another process held the write lock past every retry: what is committed still reads. */
	indexBusy?: boolean;
}

/** Progress of one source; `unit` says what is counted (tapes rows, or transcript files). */
export type WorkspaceProgress = SyncProgress & {unit?: 'rows' | 'files' | 'sessions' | 'messages'};

type SyncOne = (ws: SyncTarget, s: SourceInUse, now: () => number, onProgress?: (p: WorkspaceProgress) => void, signal?: AbortSignal) => Promise<SyncSummary | string>;

async function syncTranscripts(ws: SyncTarget, s: SourceInUse, now: () => number, onProgress?: (p: WorkspaceProgress) => void, signal?: AbortSignal): Promise<SyncSummary | string> {
	const [adapter, {syncFileSource}, {sourceWarnings}] = await Promise.all([FILE_ADAPTERS[s.kind as TranscriptKind](),
		import('../sync/file-sync.js'), import('../sync/source-warnings.js')]);
	await backfillSearch(ws.store, s.id, s.path, null, onProgress, signal, true);
	// TAPEDECK_READER_THREAD=off keeps a large import's parsing on this thread too, as it does a server's reading.
	const parseThread = process.env['TAPEDECK_READER_THREAD'] === 'off' ? {parseThread: false} : {};
	const summary = await syncFileSource({store: ws.store, sourceId: s.id, root: s.path, adapter, pricing: ws.pricing, now, ...parseThread}, onProgress, signal);
	await backfillSearch(ws.store, s.id, s.path, null, onProgress, signal);
	// A transcript source remembers every problem still in its files, not only this run's; a file it could not
	// read has no stored state, and is checked again every run, so this run's word on it is the current one.
	ws.store.sources.recordSync(s.id, now(), null, [...(summary.unread ?? []), ...sourceWarnings(ws.store, s.id)]);
	return summary;
}

/** A tapes server (PostgreSQL or the HTTP API): connects for this sync (or reuses `ws.servers`), and says why when it cannot. */
async function syncServer(ws: SyncTarget, s: SourceInUse, now: () => number, onProgress?: (p: WorkspaceProgress) => void, signal?: AbortSignal): Promise<SyncSummary | string> {
	const [{openServerReader}, {syncRemote, remoteImported}] = await Promise.all([import('./server-sources.js'), import('../sync/remote-sync.js')]);
	const kept = ws.servers;
	const first = !remoteImported(ws.store, s.id);
	const source = kept ? await kept.open(s, ws, first) : await openServerReader(s, ws, first);
	let synced = false;
	try {
		const progress = onProgress ? (p: SyncProgress) => onProgress({...p, unit: 'sessions'}) : undefined;
		// Server sources keep their bodies in the index, as transcripts do: the search index is filled from there.
		await backfillSearch(ws.store, s.id, s.path, null, onProgress, signal, true);
		const summary = await syncRemote({store: ws.store, source, sourceId: s.id, kind: s.kind, pricing: ws.pricing, now}, progress, signal);
		await backfillSearch(ws.store, s.id, s.path, null, onProgress, signal);
		ws.store.sources.recordSync(s.id, now(), null, summary.warnings);
		synced = true;
		return summary;
	} finally {
		// A kept reader that failed may hold a broken connection: the next sync starts from a new one.
		if (!kept) await source.close();
		else if (!synced) await kept.drop(s);
	}
}

const SYNCS: Record<SourceKind, SyncOne> = {
	tapes: syncTapesSource,
	'claude-code': syncTranscripts,
	codex: syncTranscripts,
	promptkit: syncTranscripts,
	'tapes-postgres': syncServer,
	'tapes-api': syncServer,
};

export async function syncWorkspace(
	ws: SyncTarget,
	onProgress?: (p: WorkspaceProgress) => void,
	signal?: AbortSignal,
	now: () => number = Date.now,
): Promise<WorkspaceSync> {
	const result: WorkspaceSync = {summaries: [], errors: []};
	for (const s of ws.sources) {
		if (signal?.aborted) break;
		try {
			let outcome: SyncSummary | string;
			try {
				outcome = await SYNCS[s.kind](ws, s, now, onProgress, signal);
			} catch (error) {
				if (isSqliteError(error)) throw error;
				outcome = sourceFailure(s.path, error);
			}
			if (typeof outcome === 'string') {
				result.errors.push(outcome);
				ws.store.sources.recordSync(s.id, now(), outcome, []);
			} else result.summaries.push(outcome);
		} catch (error) {
			// The readers turn their own SQLite failures into one-line messages, so this one came from the
			// index: the source is fine, and every later source would fail the same way.
			result.indexError = describeSqliteError(ws.indexPath, error);
			if (isBusy(error)) result.indexBusy = true;
			result.errors.push(result.indexError);
			break;
		}
	}
	if (!result.indexError && !signal?.aborted) fillSessionJson(ws.store);
	return result;
}

/** One line naming the source; the tapes reader's messages already start with its path. */
function sourceFailure(where: string, error: unknown): string {
	const text = (error instanceof Error ? error.message : String(error)).split('\n', 1)[0] ?? '';
	return text.startsWith(`${where}: `) ? text : `${where}: sync failed: ${text}`;
}
