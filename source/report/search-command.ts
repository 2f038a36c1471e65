// `tapedeck search`: flags checked, the query run, the report written; exit status 1 when nothing matched.
import type {Filters} from '../core/types.js';
import type {Result} from '../core/time.js';
import {createSearchResults, stillFilling, type SearchPage} from '../workspace/search-results.js';
import type {Workspace} from '../workspace/open-workspace.js';
import {searchReport, type SearchFormat} from './search-report.js';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 10_000;
const SNIPPET_WIDTH = 100;

export interface SearchFlags {
	limit?: number;
	order?: string;
	format: SearchFormat;
	/** The table form (search-table.ts, with the time zone bound): given only when that is the format. */
	table?: (page: SearchPage) => string;
}

export function runSearch(ws: Workspace, query: string, filters: Filters, flags: SearchFlags): Result<string> & {exitCode?: number; notices?: string[]} {
	if (query.trim() === '') return {ok: false, error: 'search needs a query, e.g. tapedeck search \'tool:Bash "terraform destroy"\' (see --help)'};
	const limit = flags.limit ?? DEFAULT_LIMIT;
	if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return {ok: false, error: `invalid --limit "${flags.limit}": expected a whole number from 1 to ${MAX_LIMIT.toLocaleString('en-US')}`};
	const order = (flags.order ?? 'rank').trim().toLowerCase();
	if (order !== 'rank' && order !== 'time') return {ok: false, error: `invalid --order "${flags.order}": expected rank or time`};
	// One query in a short-lived process: a small page cache and a memory map (see readOnce), ~20 ms less than
	// allocating the sync's 64 MB cache page by page while bm25 reads a common word's lists.
	const restoreCache = ws.queries.readOnce();
	let page: Result<SearchPage>;
	try {
		page = createSearchResults(ws).search(query, filters, {order, limit, width: SNIPPET_WIDTH});
	} finally {
		restoreCache();
	}
	if (!page.ok) return {ok: false, error: `invalid search "${oneLine(query)}": ${page.error}`};
	const notices = page.value.unindexed.map((p) => `${p}: not searched (its search index is off; run once with --search-index to build it)`);
	// Never silently partial: messages the index has not reached yet cannot match (the exit status stays the results').
	if (page.value.waiting > 0) notices.push(`${stillFilling(page.value.waiting)}, not searched yet (the next sync goes on with it)`);
	return {ok: true, value: searchReport(page.value, flags.format, flags.table), exitCode: page.value.hits.length === 0 ? 1 : 0, notices};
}

/** A query quoted in an error: one line, and short (it may be 10,000 characters). */
function oneLine(text: string): string {
	const line = text.replace(/\s+/g, ' ');
	return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}
