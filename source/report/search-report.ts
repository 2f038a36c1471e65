// `tapedeck search QUERY`: the matching messages, best first (or newest first), with a snippet each.
import type {SearchPage, SearchResult} from '../workspace/search-results.js';
import {sanitizeLine} from '../core/sanitize.js';
import {renderTable} from './text-table.js';
import {toCsv} from './csv.js';
import {toJson} from './json.js';
import {iso} from './session-json.js';
import {localTime} from './sessions-report.js';

export type SearchFormat = 'table' | 'json' | 'csv';

/** The snippet with its matches in [brackets]: a table is plain text, so the marks must survive as text. */
export function markedSnippet(r: SearchResult): string {
	const {text, marks} = r.snippet;
	let out = '';
	let at = 0;
	for (const [s, e] of marks) {
		out += `${text.slice(at, s)}[${text.slice(s, e)}]`;
		at = e;
	}
	return sanitizeLine(out + text.slice(at));
}

function jsonHit(r: SearchResult) {
	return {
		session_id: r.sessionId, session_label: r.sessionLabel, project: r.project, source: r.source, message_id: r.messageId,
		time: iso(r.timestamp), role: r.role, model: r.model, tools: r.toolNames, rank: r.rank,
		match_in: r.snippet.column, snippet: r.snippet.text, marks: r.snippet.marks,
	};
}

export function searchReport(page: SearchPage, format: SearchFormat, timeZone: string): string {
	if (format === 'json') return `${toJson(page.hits.map(jsonHit), 2)}\n`;
	if (format === 'csv') {
		return toCsv(['session_id', 'session_label', 'project', 'source', 'message_id', 'time', 'role', 'model', 'tools', 'rank', 'match_in', 'snippet'],
			page.hits.map((r) => [r.sessionId, r.sessionLabel, r.project, r.source, r.messageId, iso(r.timestamp), r.role, r.model,
				r.toolNames.join(' '), r.rank, r.snippet.column, r.snippet.text]));
	}
	if (page.hits.length === 0) return 'no messages match\n';
	return `${renderTable(page.hits, [
		{header: 'time', cell: (r) => localTime(r.timestamp, timeZone)},
		{header: 'session', cell: (r) => r.sessionId.slice(0, 16)},
		{header: 'label', max: 28, cell: (r) => sanitizeLine(r.sessionLabel)},
		{header: 'role', cell: (r) => r.role},
		{header: 'in', cell: (r) => r.snippet.column},
		{header: 'snippet', max: 100, cell: markedSnippet},
	])}\n`;
}
