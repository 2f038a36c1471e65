// Runs the incremental sync over every source in use; a source that cannot be read is reported, not fatal.
// Each kind's sync loads on first use, so a run over transcripts alone never loads the tapes reader.
import type {SyncProgress, SyncSummary} from '../sync/tapes-sync.js';
import {syncFileSource} from '../sync/file-sync.js';
import {sourceWarnings} from '../sync/source-warnings.js';
import type {FileSourceAdapter} from '../sources/jsonl/file-source.js';
import {claudeAdapter} from '../sources/claude-code/discover.js';
import {codexAdapter} from '../sources/codex/discover.js';
import {promptkitAdapter} from '../sources/promptkit/discover.js';
import type {SourceKind} from '../core/types.js';
import type {SourceInUse, Workspace} from './open-workspace.js';

export interface WorkspaceSync {
	summaries: SyncSummary[];
	/** One line per source that could not be read at all. */
	errors: string[];
}

/** Progress of one source; `unit` says what is counted (tapes rows, or transcript files). */
export type WorkspaceProgress = SyncProgress & {unit?: 'rows' | 'files'};

const FILE_ADAPTERS: Record<Exclude<SourceKind, 'tapes'>, FileSourceAdapter> = {
	'claude-code': claudeAdapter,
	codex: codexAdapter,
	promptkit: promptkitAdapter,
};

async function syncTapesSource(ws: Workspace, s: SourceInUse, now: () => number, onProgress?: (p: WorkspaceProgress) => void, signal?: AbortSignal): Promise<SyncSummary | string> {
	const [{openTapesSource}, {syncTapes}] = await Promise.all([import('../sources/tapes/reader.js'), import('../sync/tapes-sync.js')]);
	const opened = openTapesSource(s.path);
	if (!opened.ok) return opened.error;
	try {
		const summary = await syncTapes({store: ws.store, source: opened.source, sourceId: s.id, pricing: ws.pricing, now}, onProgress, signal);
		ws.store.sources.recordSync(s.id, now(), null, summary.warnings);
		return summary;
	} finally {
		opened.source.close();
	}
}

async function syncTranscripts(ws: Workspace, s: SourceInUse, now: () => number, onProgress?: (p: WorkspaceProgress) => void, signal?: AbortSignal): Promise<SyncSummary | string> {
	const adapter = FILE_ADAPTERS[s.kind as Exclude<SourceKind, 'tapes'>];
	const summary = await syncFileSource({store: ws.store, sourceId: s.id, root: s.path, adapter, pricing: ws.pricing, now}, onProgress, signal);
	// A transcript source remembers every problem still in its files, not only this run's.
	ws.store.sources.recordSync(s.id, now(), null, sourceWarnings(ws.store, s.id));
	return summary;
}

export async function syncWorkspace(
	ws: Workspace,
	onProgress?: (p: WorkspaceProgress) => void,
	signal?: AbortSignal,
	now: () => number = Date.now,
): Promise<WorkspaceSync> {
	const result: WorkspaceSync = {summaries: [], errors: []};
	for (const s of ws.sources) {
		if (signal?.aborted) break;
		try {
			const outcome = s.kind === 'tapes' ? await syncTapesSource(ws, s, now, onProgress, signal) : await syncTranscripts(ws, s, now, onProgress, signal);
			if (typeof outcome === 'string') {
				result.errors.push(outcome);
				ws.store.sources.recordSync(s.id, now(), outcome, []);
			} else result.summaries.push(outcome);
		} catch (error) {
			const message = `${s.path}: sync failed: ${(error as Error).message}`;
			result.errors.push(message);
			ws.store.sources.recordSync(s.id, now(), message, []);
		}
	}
	return result;
}
