// `tapedeck search` as a table: its own module so the JSON and CSV forms load no display-width code
// (string-width builds its emoji tables on import) and never ask for the time zone.
import type {SearchPage, SearchResult} from '../workspace/search-results.js';
import {sanitizeLine} from '../core/sanitize.js';
import {renderTable} from './text-table.js';
import {localTime} from './sessions-report.js';

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

export function searchTable(page: SearchPage, timeZone: string): string {
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
