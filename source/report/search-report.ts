// `tapedeck search QUERY`: the matching messages, best first (or newest first), with a snippet each.
import type {SearchPage, SearchResult} from '../workspace/search-results.js';
import {toCsv} from './csv.js';
import {toJson} from './json.js';
import {iso} from './session-json.js';

export type SearchFormat = 'table' | 'json' | 'csv';

function jsonHit(r: SearchResult) {
	return {
		session_id: r.sessionId, session_label: r.sessionLabel, project: r.project, source: r.source, message_id: r.messageId,
		time: iso(r.timestamp), role: r.role, model: r.model, tools: r.toolNames, rank: r.rank,
		match_in: r.snippet.column, snippet: r.snippet.text, marks: r.snippet.marks,
	};
}

/** JSON and CSV here; the table from search-table.ts, which the caller loads only for that format. */
export function searchReport(page: SearchPage, format: SearchFormat, table?: (page: SearchPage) => string): string {
	if (format === 'json') return `${toJson(page.hits.map(jsonHit), 2)}\n`;
	if (format === 'csv') {
		return toCsv(['session_id', 'session_label', 'project', 'source', 'message_id', 'time', 'role', 'model', 'tools', 'rank', 'match_in', 'snippet'],
			page.hits.map((r) => [r.sessionId, r.sessionLabel, r.project, r.source, r.messageId, iso(r.timestamp), r.role, r.model,
				r.toolNames.join(' '), r.rank, r.snippet.column, r.snippet.text]));
	}
	if (!table) throw new Error('searchReport: the table form needs search-table.ts');
	return table(page);
}
