// Message-level search: the hits of a parsed query under the usual filters, ranked by bm25 or newest first.
import type {IndexDb} from './open-index.js';
import {statementCache} from './statement-cache.js';
import type {Filters, SourceKind} from '../core/types.js';
import type {SearchQuery} from '../core/search-query.js';
import {roleAndTools, type MessageRow} from './messages-repo.js';
import {sessionWhere} from './session-where.js';
import {searchConditions} from './search-where.js';

export type SearchOrder = 'rank' | 'time';

export interface SearchHit {
	sourceId: number;
	source: SourceKind;
	sessionId: string;
	sessionLabel: string;
	project: string;
	messageId: string;
	timestamp: number;
	role: string;
	model: string;
	toolNames: string[];
	/** bm25 score: lower is better (0 when the query has no words, only fields). */
	rank: number;
	/** The stored body (transcript sources); null for tapes, whose bodies are read from the source. */
	body: string | null;
}

interface HitRow extends MessageRow {
	source_id: number;
	source: SourceKind;
	session_id: string;
	label: string;
	project: string;
	body: string | null;
	score: number;
}

// bm25 with the column weights the index is configured with (migrations-search.ts): FTS5's own `rank`,
// which it orders by without a separate sort when a LIMIT is given.
const RANK = 'message_search.rank';

function toHit(r: HitRow): SearchHit {
	const facts = roleAndTools(r.facts);
	return {
		sourceId: r.source_id, source: r.source, sessionId: r.session_id, sessionLabel: r.label, project: r.project,
		messageId: r.id, timestamp: r.ts, role: facts.role, model: r.model, toolNames: facts.toolNames, rank: r.score, body: r.body,
	};
}

export function createSearchQueries(db: IndexDb, scope: readonly number[] | null = null) {
	const prepare = statementCache(db);

	/** FROM and WHERE of a query; the session filters apply (the period, model, status...), the list's own search does not. */
	function clause(q: SearchQuery, f: Filters): {from: string; where: string; params: Array<string | number>; ranked: boolean} {
		const sw = sessionWhere({...f, search: ''}, f, scope);
		const sc = searchConditions(q, false);
		const ranked = q.match !== null;
		const parts = [ranked ? 'message_search MATCH ?' : '', sw.sql.replace(/^WHERE /, ''), sc.sql].filter((p) => p !== '');
		const from = ranked
			? 'message_search JOIN messages m ON m.rowid = message_search.rowid JOIN sessions s ON s.id = m.session_id'
			: 'messages m JOIN sessions s ON s.id = m.session_id';
		return {from, where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params: [...(ranked ? [q.match!] : []), ...sw.params, ...sc.params], ranked};
	}

	/**
	 * The rowids a session's messages lie between. FTS5 seeks a rowid range in its lists, so a query about one
	 * session reads that stretch of the index, not every match of a common word across a million messages.
	 */
	function rowidRange(sessionId: string): [number, number] {
		const r = prepare(`SELECT coalesce(min(rowid), 0), coalesce(max(rowid), -1) FROM messages WHERE session_id = ?`).raw().get(sessionId) as [number, number];
		return r;
	}

	const COLUMNS = 'm.source_id, s.source, m.session_id, s.label, s.project, m.id, m.parent_id, m.ts, m.model, m.facts, m.body';

	function newest(q: SearchQuery, f: Filters, limit: number, offset: number): HitRow[] {
		const c = clause(q, f);
		const sql = `SELECT ${COLUMNS}, ${c.ranked ? RANK : '0'} AS score FROM ${c.from} ${c.where} ORDER BY m.ts DESC, m.rowid DESC LIMIT ? OFFSET ?`;
		return prepare(sql).all(...c.params, limit, offset) as HitRow[];
	}

	/**
	 * The best-ranked hits. FTS5 ranks its own matches fast (`ORDER BY rank LIMIT k` keeps only k), but joining
	 * every match of a common word to its message and session first takes seconds over a million messages.
	 * So the k best matches are taken first and then filtered; when the filters leave fewer than asked and
	 * there were more matches, k grows eightfold and the query runs again, up to all matches. Each run ranks
	 * every match again (bm25 over 100,000 matches of a common word is ~110 ms, nearly the same for k = 200 or
	 * 1,600), so a query with filters that drop hits starts at the larger k: one run instead of two.
	 */
	function bestRanked(q: SearchQuery, f: Filters, limit: number, offset: number): HitRow[] {
		const sw = sessionWhere({...f, search: ''}, f, scope);
		const sc = searchConditions(q, false);
		const where = [sw.sql.replace(/^WHERE /, ''), sc.sql].filter((p) => p !== '').join(' AND ');
		const sql = `SELECT ${COLUMNS}, top.score AS score
			FROM (SELECT rowid, rank AS score FROM message_search WHERE message_search MATCH ? ORDER BY rank LIMIT ?) top
			JOIN messages m ON m.rowid = top.rowid JOIN sessions s ON s.id = m.session_id
			${where ? `WHERE ${where}` : ''} ORDER BY top.score, m.ts DESC LIMIT ? OFFSET ?`;
		const want = limit + offset;
		const narrowed = sc.sql !== '' || sessionWhere({...f, search: ''}, f, null).sql !== '';
		for (let k = Math.max(want * (narrowed ? 32 : 4), narrowed ? 1_600 : 200); ; k *= 8) {
			const rows = prepare(sql).all(q.match, k, ...sw.params, ...sc.params, limit, offset) as HitRow[];
			if (rows.length >= limit) return rows;
			const matched = prepare(`SELECT count(*) FROM (SELECT 1 FROM message_search WHERE message_search MATCH ? LIMIT ?)`).pluck().get(q.match, k + 1) as number;
			if (matched <= k) return rows;
		}
	}

	return {
		hits(q: SearchQuery, f: Filters, opts: {order: SearchOrder; limit: number; offset?: number}): SearchHit[] {
			const rows = opts.order === 'rank' && q.match !== null ? bestRanked(q, f, opts.limit, opts.offset ?? 0) : newest(q, f, opts.limit, opts.offset ?? 0);
			return rows.map(toHit);
		},
		/** How many messages match, counted up to `cap` (a word in every message should not scan a million to say so). */
		count(q: SearchQuery, f: Filters, cap = 10_000): number {
			const c = clause(q, f);
			return prepare(`SELECT count(*) FROM (SELECT 1 FROM ${c.from} ${c.where} LIMIT ?)`).pluck().get(...c.params, cap) as number;
		},
		/** IDs of one session's matching messages, in time order. */
		inSession(q: SearchQuery, sessionId: string): string[] {
			const sc = searchConditions(q, false);
			const join = q.fields.some((f) => f.field === 'project') ? ' JOIN sessions s ON s.id = m.session_id' : '';
			const extra = sc.sql ? ` AND ${sc.sql}` : '';
			if (q.match === null) {
				return prepare(`SELECT m.id FROM messages m${join} WHERE m.session_id = ?${extra} ORDER BY m.ts, m.seq`).pluck().all(sessionId, ...sc.params) as string[];
			}
			const [lo, hi] = rowidRange(sessionId);
			return prepare(`SELECT m.id FROM message_search JOIN messages m ON m.rowid = message_search.rowid${join}
				WHERE message_search MATCH ? AND message_search.rowid BETWEEN ? AND ? AND m.session_id = ?${extra} ORDER BY m.ts, m.seq`)
				.pluck().all(q.match, lo, hi, sessionId, ...sc.params) as string[];
		},
		/**
		 * The first matching message of each of these sessions (for the session list's snippet line). Not the
		 * best-ranked: bm25 needs how many messages hold each word, which for a common word means reading its
		 * whole list, where the session's own stretch of the index is a few pages.
		 */
		firstPerSession(q: SearchQuery, sessionIds: readonly string[]): Map<string, SearchHit> {
			const out = new Map<string, SearchHit>();
			if (q.match === null) return out;
			const sc = searchConditions(q, false);
			const sql = `SELECT ${COLUMNS}, 0 AS score
				FROM message_search JOIN messages m ON m.rowid = message_search.rowid JOIN sessions s ON s.id = m.session_id
				WHERE message_search MATCH ? AND message_search.rowid BETWEEN ? AND ? AND m.session_id = ?${sc.sql ? ` AND ${sc.sql}` : ''} ORDER BY m.ts, m.seq LIMIT 1`;
			for (const id of sessionIds) {
				const [lo, hi] = rowidRange(id);
				const r = prepare(sql).get(q.match, lo, hi, id, ...sc.params) as HitRow | undefined;
				if (r) out.set(id, toHit(r));
			}
			return out;
		},
	};
}

export type SearchQueries = ReturnType<typeof createSearchQueries>;
