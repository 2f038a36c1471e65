// Runs the incremental sync over every source in use; a source that cannot be read is reported, not fatal.
import {openTapesSource} from '../sources/tapes/reader.js';
import {syncTapes, type SyncProgress, type SyncSummary} from '../sync/tapes-sync.js';
import type {Workspace} from './open-workspace.js';

export interface WorkspaceSync {
	summaries: SyncSummary[];
	/** One line per source that could not be read at all. */
	errors: string[];
}

export async function syncWorkspace(
	ws: Workspace,
	onProgress?: (p: SyncProgress) => void,
	signal?: AbortSignal,
	now: () => number = Date.now,
): Promise<WorkspaceSync> {
	const result: WorkspaceSync = {summaries: [], errors: []};
	for (const s of ws.sources) {
		const opened = openTapesSource(s.path);
		if (!opened.ok) {
			result.errors.push(opened.error);
			ws.store.sources.recordSync(s.id, now(), opened.error, []);
			continue;
		}
		try {
			const summary = await syncTapes({store: ws.store, source: opened.source, sourceId: s.id, pricing: ws.pricing, now}, onProgress, signal);
			result.summaries.push(summary);
			ws.store.sources.recordSync(s.id, now(), null, summary.warnings);
		} catch (error) {
			const message = `${s.path}: sync failed: ${(error as Error).message}`;
			result.errors.push(message);
			ws.store.sources.recordSync(s.id, now(), message, []);
		} finally {
			opened.source.close();
		}
	}
	return result;
}
