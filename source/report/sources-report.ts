// `tapedeck sources`: every source in use with its path, sessions, messages, problems and last sync.
import {toJson} from './json.js';
import type {Workspace} from '../workspace/open-workspace.js';
import type {Warning} from '../core/types.js';
import {renderTable} from './text-table.js';
import {localTime} from './sessions-report.js';
import {sanitizeLine} from '../core/sanitize.js';

export interface SourceRow {
	kind: string;
	path: string;
	sessions: number;
	/** Parent sessions its subagents name that have no messages in it (their file is gone or empty). */
	parentsOnly: number;
	messages: number;
	lastSyncMs: number | null;
	error: string | null;
	warnings: Warning[];
	/** Whether its messages are in the full-text index (off only on `--no-search-index`), and how many wait for it. */
	searchIndex: boolean;
	searchWaiting: number;
}

/** Problems listed per source in the table output; --json has them all. */
const WARNINGS_SHOWN = 10;

export function sourceRows(ws: Workspace): SourceRow[] {
	const records = new Map(ws.store.sources.list().map((r) => [r.id, r]));
	const sessions = ws.store.db.prepare(`SELECT count(*) FROM sessions WHERE source_id = ?`).pluck();
	const parentsOnly = ws.store.db.prepare(`SELECT count(DISTINCT s.parent_id) FROM sessions s WHERE s.source_id = ? AND s.parent_id IS NOT NULL
		AND NOT EXISTS (SELECT 1 FROM sessions p WHERE p.id = s.parent_id)`).pluck();
	return ws.sources.map((s) => {
		const r = records.get(s.id);
		// Read-only: a source the index has no search row for yet counts as on, with nothing waiting.
		const search = ws.store.search.status(s.id);
		return {
			searchIndex: search.on, searchWaiting: search.waiting,
			kind: s.kind, path: s.path, sessions: sessions.get(s.id) as number, parentsOnly: parentsOnly.get(s.id) as number, messages: ws.store.messages.count(s.id),
			lastSyncMs: r?.lastSyncMs ?? null, error: r?.lastError ?? null, warnings: r?.warnings ?? [],
		};
	});
}

export function sourcesReport(ws: Workspace, format: 'table' | 'json', timeZone: string): string {
	const rows = sourceRows(ws);
	if (format === 'json') {
		return toJson({
			index: ws.indexPath,
			sources: rows.map((r) => ({
				kind: r.kind, path: r.path, sessions: r.sessions, parents_known_only_from_subagents: r.parentsOnly, messages: r.messages,
				warnings: r.warnings.reduce((a, w) => a + w.count, 0), warning_details: r.warnings,
				last_sync: r.lastSyncMs === null ? null : new Date(r.lastSyncMs).toISOString(), error: r.error,
				search_index: r.searchIndex ? 'on' : 'off', search_index_waiting: r.searchWaiting,
			})),
		}, 2) + '\n';
	}
	const lines = [renderTable(rows, [
		{header: 'source', cell: (r) => r.kind},
		{header: 'path', max: 60, cell: (r) => r.path},
		{header: 'sessions', align: 'right', cell: (r) => r.sessions.toLocaleString('en-US')},
		{header: 'messages', align: 'right', cell: (r) => r.messages.toLocaleString('en-US')},
		{header: 'warnings', align: 'right', cell: (r) => r.warnings.reduce((a, w) => a + w.count, 0).toLocaleString('en-US')},
		{header: 'last sync', cell: (r) => (r.lastSyncMs === null ? 'never' : localTime(r.lastSyncMs, timeZone))},
		{header: 'search', cell: (r) => (!r.searchIndex ? 'off' : r.searchWaiting ? `filling, ${r.searchWaiting.toLocaleString('en-US')} left` : 'on')},
	])];
	for (const r of rows) {
		if (r.parentsOnly) lines.push(`note: ${r.kind} subagents name ${r.parentsOnly.toLocaleString('en-US')} more parent sessions with no messages of their own (their files are gone or empty); they are not counted above`);
		if (!r.searchIndex) lines.push(`note: ${sanitizeLine(r.path)} is not in the search index (--no-search-index); run once with --search-index to build it`);
		if (r.error) lines.push(`error: ${r.error}`);
		for (const w of r.warnings.slice(0, WARNINGS_SHOWN)) lines.push(`warning: ${w.where}: ${w.message}`);
		if (r.warnings.length > WARNINGS_SHOWN) lines.push(`warning: … ${r.warnings.length - WARNINGS_SHOWN} more in ${r.path} (see --json)`);
	}
	lines.push(`index: ${ws.indexPath}`);
	return lines.join('\n') + '\n';
}
