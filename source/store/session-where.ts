// Builds the SQL WHERE and ORDER BY of a session query from Filters. Values are always bound, never spliced.
import type {Filters, SortKey} from '../core/types.js';
import {normalizeModel} from '../core/models.js';
import {parseSearchQuery} from '../core/search-query.js';
import {sessionsMatching} from './search-where.js';
import {pushAll} from '../core/numbers.js';

export interface WhereClause {
	sql: string;
	params: Array<string | number>;
}

const SORT_COLUMNS: Record<SortKey, string> = {
	date: 's.start_ms',
	label: 's.label COLLATE NOCASE',
	project: 's.project COLLATE NOCASE',
	agent: 's.agent COLLATE NOCASE',
	model: 's.model',
	status: 's.status',
	duration: 's.duration_ms',
	messages: 's.message_count',
	tools: 's.tool_calls',
	tokens: 's.total_tokens',
	cost: 's.total_cost',
};

/** The rowids of sessions whose label, project, model or ID contains the text (the list's search, before the words). */
export function sessionLabelRows(text: string): WhereClause {
	const like = `%${escapeLike(text)}%`;
	return {sql: `SELECT rowid FROM sessions WHERE label LIKE ? ESCAPE '\\' OR project LIKE ? ESCAPE '\\' OR model LIKE ? ESCAPE '\\' OR id LIKE ? ESCAPE '\\'`,
		params: [like, like, like, like]};
}

function escapeLike(text: string): string {
	return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `scope` limits the query to the sources in use this run: one index can remember sources that are not
 * given now (another --sqlite), and those must not leak into the figures.
 */
export function sessionWhere(
	f: Filters,
	window: {fromMs: number | null; toMs: number | null} = f,
	scope: readonly number[] | null = null,
): WhereClause {
	const parts: string[] = [];
	const params: Array<string | number> = [];
	if (scope) {
		parts.push(scope.length ? `s.source_id IN (${scope.map(() => '?').join(', ')})` : '0');
		pushAll(params, scope);
	}
	// Overlap semantics: a session counts in a window when any part of it falls inside.
	if (window.fromMs !== null) {
		parts.push('s.end_ms >= ?');
		params.push(window.fromMs);
	}
	if (window.toMs !== null) {
		parts.push('s.start_ms < ?');
		params.push(window.toMs);
	}
	if (f.model) {
		parts.push('s.model = ?');
		params.push(normalizeModel(f.model));
	}
	for (const [column, value] of [['status', f.status], ['project', f.project], ['agent', f.agent], ['source', f.source]] as const) {
		if (value) {
			parts.push(`s.${column} = ?`);
			params.push(value);
		}
	}
	if (f.topLevel) parts.push('(s.parent_id IS NULL OR NOT EXISTS (SELECT 1 FROM sessions p WHERE p.id = s.parent_id))');
	if (f.search) {
		const like = `%${escapeLike(f.search)}%`;
		if (f.searchSessions !== undefined) {
			// Every matching session found ahead (labels and content, sessionLabelRows and session-matches.ts):
			// the label scan (long labels, four LIKEs a session) is not run again by each of the list's queries.
			parts.push(`s.rowid IN (SELECT value FROM json_each(?))`);
			params.push(f.searchSessions);
		} else {
			// Labels and IDs as typed, or any message matching it as a search query (words, phrases, fields).
			// A query that does not parse (a quote still open while typing) matches the labels alone.
			const query = parseSearchQuery(f.search);
			const content = query.ok ? sessionsMatching(query.value) : null;
			parts.push(`(s.label LIKE ? ESCAPE '\\' OR s.project LIKE ? ESCAPE '\\' OR s.model LIKE ? ESCAPE '\\' OR s.id LIKE ? ESCAPE '\\'${content ? ` OR ${content.sql}` : ''})`);
			params.push(like, like, like, like);
			if (content) pushAll(params, content.params);
		}
	}
	return {sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params};
}

/**
 * ORDER BY with a stable tie-break (newest first, then ID, for ascending keys) that reverses with the
 * direction, so a descending list is exactly the ascending one backwards and both walk one index
 * (key, start_ms DESC, id) — forwards or backwards — instead of sorting every session.
 */
export function sessionOrder(f: Filters): string {
	const asc = f.sortDir === 'asc';
	const dir = asc ? 'ASC' : 'DESC';
	const tie = asc ? 's.start_ms DESC, s.id ASC' : 's.start_ms ASC, s.id DESC';
	if (f.sort === 'date') return `ORDER BY s.start_ms ${dir}, s.id ${dir}`;
	// Unpriced sessions (NULL cost) go last in both directions: they are not the cheapest.
	return `ORDER BY ${SORT_COLUMNS[f.sort]} ${dir} NULLS LAST, ${tie}`;
}
