// `tapedeck sync`: what the sync read from each source and what it could not read.
import {plural} from '../core/format.js';
import {toJson} from './json.js';
import type {Workspace} from '../workspace/open-workspace.js';
import type {WorkspaceSync} from '../workspace/sync-workspace.js';

export function syncReport(ws: Workspace, synced: WorkspaceSync, format: 'table' | 'json'): string {
	if (format === 'json') {
		return toJson({
			index: ws.indexPath,
			sources: synced.summaries.map((s) => ({
				path: s.source, new_messages: s.newMessages, sessions_touched: s.sessionsTouched, parents_known_only_from_subagents: s.parentsOnly ?? 0,
				warnings: s.warnings,
				...(s.readMode ? {read_mode: s.readMode} : {}),
			})),
			errors: synced.errors,
		}, 2) + '\n';
	}
	const lines = synced.summaries.map((s) =>
		`${s.source}: ${plural(s.newMessages, 'new message')}, ${plural(s.sessionsTouched, 'session')} updated` +
		(s.parentsOnly ? ` (and ${s.parentsOnly} parent sessions known only from their subagents)` : '') +
		(s.warnings.length ? `, ${s.warnings.reduce((a, w) => a + w.count, 0)} rows with problems` : '') +
		(s.readMode === 'immutable' ? ' (read as immutable: no writer had it open, or its folder is read-only; nothing written beside it)' : ''));
	for (const s of synced.summaries) for (const w of s.warnings) lines.push(`  warning: ${w.where}: ${w.message} (${w.count})`);
	for (const e of synced.errors) lines.push(`error: ${e}`);
	lines.push(`index: ${ws.indexPath}`);
	return lines.join('\n') + '\n';
}
