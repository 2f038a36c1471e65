// SQL for a parsed search (core/search-query.ts) over `messages m` joined to `sessions s`. Every value is
// bound: the FTS5 expression is one parameter built from quoted phrases, field values are parameters.
import type {SearchQuery} from '../core/search-query.js';

export interface SearchClause {
	/** Conditions over m and s, joined with AND ('' when none). */
	sql: string;
	params: Array<string | number>;
}

// The packed facts' positions (messages-repo.ts PackedFacts): 0 role, 11 tool names.
const ROLE = `json_extract(m.facts, '$[0]')`;
const TOOLS = `json_each(m.facts, '$[11]')`;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The field filters (tool:, role:, project:, model:) and, with `matchInline`, the FTS match as a rowid IN. */
export function searchConditions(q: SearchQuery, matchInline: boolean): SearchClause {
	const parts: string[] = [];
	const params: Array<string | number> = [];
	if (matchInline && q.match !== null) {
		parts.push('m.rowid IN (SELECT rowid FROM message_search WHERE message_search MATCH ?)');
		params.push(q.match);
	}
	if (q.exclude !== null) {
		parts.push('m.rowid NOT IN (SELECT rowid FROM message_search WHERE message_search MATCH ?)');
		params.push(q.exclude);
	}
	for (const f of q.fields) {
		const not = f.negate ? 'NOT ' : '';
		switch (f.field) {
			case 'tool':
				parts.push(`${not}EXISTS (SELECT 1 FROM ${TOOLS} WHERE value = ? COLLATE NOCASE)`);
				params.push(f.value);
				break;
			case 'role':
				parts.push(`${not}(${ROLE} = ? COLLATE NOCASE)`);
				params.push(f.value);
				break;
			case 'project':
				parts.push(`${not}(s.project LIKE ? ESCAPE '\\')`);
				params.push(`%${escapeLike(f.value)}%`);
				break;
			case 'model':
				parts.push(`${not}(m.model LIKE ? ESCAPE '\\')`);
				params.push(`%${escapeLike(f.value)}%`);
				break;
			default: {
				const never: never = f.field;
				throw new Error(`unknown search field ${String(never)}`);
			}
		}
	}
	return {sql: parts.join(' AND '), params};
}

/**
 * The session of every matching message whose rowid is in [?, ?] (the last two parameters), one row each:
 * read range by range, so a query that matches little still gives the event loop a turn between ranges.
 */
export function matchingSessionRows(q: SearchQuery): SearchClause {
	const c = searchConditions(q, false);
	const join = q.fields.some((f) => f.field === 'project') ? ' JOIN sessions s ON s.id = m.session_id' : '';
	const range = q.match !== null ? 'message_search.rowid BETWEEN ? AND ?' : 'm.rowid BETWEEN ? AND ?';
	const where = [q.match !== null ? 'message_search MATCH ?' : '', c.sql, range].filter((p) => p !== '').join(' AND ');
	const from = q.match !== null ? 'message_search JOIN messages m ON m.rowid = message_search.rowid' : 'messages m';
	return {sql: `SELECT m.session_id FROM ${from}${join} WHERE ${where}`, params: [...(q.match !== null ? [q.match] : []), ...c.params]};
}

/** `s.id IN (sessions with a matching message)`, for the session list's search. */
export function sessionsMatching(q: SearchQuery): SearchClause {
	const c = searchConditions(q, true);
	const join = q.fields.some((f) => f.field === 'project') ? ' JOIN sessions s ON s.id = m.session_id' : '';
	return {
		sql: `s.id IN (SELECT m.session_id FROM messages m${join} WHERE ${c.sql || '1'})`,
		params: c.params,
	};
}
