// Read-side queries over the index: every list, total and breakdown is SQL over per-session rows.
import type {UsageBucket} from '../core/usage-buckets.js';
import type {IndexDb} from './open-index.js';
import {statementCache} from './statement-cache.js';
import type {Filters, SessionSummary} from '../core/types.js';
import {EMPTY_TOTALS, comparePeriods, type OverviewTotals, type PeriodComparison} from '../core/overview.js';
import {previousWindow, type Window} from '../core/time.js';
import {SESSION_COLUMNS, rawToSummary} from './session-row.js';
import {sessionOrder, sessionWhere} from './session-where.js';
import type {ColumnMaxima} from '../core/screens/session-columns.js';
import {createRowDetails} from './session-row-details.js';
import type {RowDetails} from '../report/transcript-json.js';

/** The page cache of a report that reads once (readOnce), in KiB: SQLite's default. */
const ONE_PASS_CACHE_KIB = -2000;
const ONE_PASS_MMAP_BYTES = 1 << 30;

/** Each model's sums over session_models rows (costByModel). */
const MODEL_SUMS = `m.model AS model, count(*) AS sessions, sum(m.input) AS input, sum(m.output) AS output,
	sum(m.cache_write) + sum(m.cache_write_1h) AS cacheWrite, sum(m.cache_read) AS cacheRead, sum(m.cost) AS cost,
	sum(m.cache_saving) AS saving`;

type ModelSums = {model: string; sessions: number; input: number; output: number; cacheWrite: number; cacheRead: number; cost: number | null; saving: number | null};

const prefixed = SESSION_COLUMNS.split(',').map((c) => `s.${c.trim()}`).join(', ');

export interface Overview {
	totals: OverviewTotals;
	previous: OverviewTotals | null;
	comparison: PeriodComparison | null;
}

export interface ModelCostRow {
	model: string;
	sessions: number;
	inputTokens: number;
	outputTokens: number;
	cacheReadTokens: number;
	cacheWriteTokens: number;
	/** null when the model has no price. */
	cost: number | null;
	/** What the cache reads would have cost at the full input price, minus what they cost (null: unpriced). */
	cacheSaving: number | null;
}

/**
 * [json | null, id, parent_id, total_tokens, total_cost, cwd, git_branch, then the subagents' roll-up:
 * sessions, input, output, total tokens, cost, unpriced sessions (null when it has none)].
 */
export type SessionJsonRow = [string | null, string, string | null, number, number | null, string | null, string | null,
	number | null, number | null, number | null, number | null, number | null, number | null];

export function createSessionQueries(db: IndexDb, scope: readonly number[] | null = null) {
	const prepare = statementCache(db);
	let details: ReturnType<typeof createRowDetails> | undefined;
	/**
	 * Every session's models, without the join to sessions, when nothing but the scope filters them and no
	 * session is outside it (the join cost a warm 20,000-session report 11 ms of 240). One statement, so its
	 * check and its sums see the same index; null when a session is outside the scope or there is nothing
	 * to sum, and the joined query answers.
	 */
	const everyModel = (): ModelSums[] | null => {
		const outside = scope ? `WHERE s.source_id NOT IN (${scope.map(() => '?').join(', ')})` : 'WHERE 0';
		const rows = prepare(`SELECT ${MODEL_SUMS} FROM session_models m
			WHERE NOT EXISTS (SELECT 1 FROM sessions s ${outside}) GROUP BY m.model`).all(...(scope ?? [])) as ModelSums[];
		return rows.length > 0 ? rows : null;
	};
	return {
		list(f: Filters, offset = 0, limit = -1): SessionSummary[] {
			const w = sessionWhere(f, f, scope);
			const order = sessionOrder(f);
			// A page picks its rowids first and reads whole rows only for them: sorting 100,000 full rows to
			// show 35 made a sort change on the explorer take 60-150 ms; choosing rowids first takes 30-50.
			const sql = limit >= 0
				? `SELECT ${prefixed} FROM sessions s WHERE s.rowid IN (SELECT s.rowid FROM sessions s ${w.sql} ${order} LIMIT ? OFFSET ?) ${order}`
				: `SELECT ${prefixed} FROM sessions s ${w.sql} ${order} LIMIT ? OFFSET ?`;
			const rows = prepare(sql).raw().all(...w.params, limit, offset) as unknown[][];
			return rows.map(rawToSummary);
		},
		/**
		 * The list for the JSON report where sessions have details (see rowDetails), streamed: each session's stored row (null when not rendered yet)
		 * with what its transcript and parent fields need. Rows come one at a time (20,000 sessions with long
		 * labels are 40 MB of JSON: read whole, they took twice as long, most of it the garbage collector's),
		 * so the connection is busy until the last: what is not rendered is read before (unrendered).
		 * The transcript details and subagent roll-up (what session-info.ts looks up a page at a time) are
		 * joined here: one query instead of three a page.
		 */
		*listJson(f: Filters, offset = 0, limit = -1): Generator<SessionJsonRow> {
			const w = sessionWhere(f, f, scope);
			const rows = prepare(`SELECT j.json, s.id, s.parent_id, s.total_tokens, s.total_cost, m.cwd, m.git_branch,
				c.sessions, c.input, c.output, c.total, c.cost, c.unpriced FROM sessions s
				LEFT JOIN session_json j ON j.session_id = s.id LEFT JOIN session_meta m ON m.session_id = s.id
				LEFT JOIN (SELECT parent_id, count(*) AS sessions, sum(input_tokens) AS input, sum(output_tokens) AS output,
					sum(total_tokens) AS total, sum(total_cost) AS cost, sum(total_cost IS NULL AND total_tokens > 0) AS unpriced
					FROM sessions WHERE parent_id IS NOT NULL GROUP BY parent_id) c ON c.parent_id = s.id
				${w.sql} ${sessionOrder(f)} LIMIT ? OFFSET ?`).raw();
			yield* rows.iterate(...w.params, limit, offset) as IterableIterator<SessionJsonRow>;
		},
		/** The filtered sessions' IDs in the list's order (what storedRows reads a chunk of at a time). */
		listIds(f: Filters, offset = 0, limit = -1): string[] {
			const w = sessionWhere(f, f, scope);
			return prepare(`SELECT s.id FROM sessions s ${w.sql} ${sessionOrder(f)} LIMIT ? OFFSET ?`).pluck().all(...w.params, limit, offset) as string[];
		},
		/**
		 * The stored rows of these sessions in this order, joined by commas after `lead`, as bytes: a blob is
		 * copied out as it is, where text is decoded into a string and encoded again for stdout (a 20,000-session
		 * report spent 12 ms encoding, and more collecting the strings). `count`: how many had a stored row.
		 * In the IDs' order: CROSS JOIN makes SQLite visit them in it, and group_concat joins rows in the order
		 * they come (its ORDER BY, which sorts them again, took the query from 24 to 42 ms).
		 */
		storedRows(ids: readonly string[], lead: string): {bytes: Buffer | null; count: number} {
			const [bytes, count] = prepare(`SELECT CAST(? || group_concat(j.json, ',') AS BLOB), count(*)
				FROM json_each(?) e CROSS JOIN session_json j ON j.session_id = e.value`).raw().get(lead, JSON.stringify(ids)) as [Buffer | null, number];
			return {bytes, count};
		},
		/** What one session's JSON row adds to its own fields (for rendering a row the index has not stored). */
		detailsOf(id: string, parentId: string | null): RowDetails {
			details ??= createRowDetails(db);
			return details(id, parentId);
		},
		/** One session's stored row, if it has one. */
		storedRow(id: string): string | undefined {
			return prepare(`SELECT json FROM session_json WHERE session_id = ?`).pluck().get(id) as string | undefined;
		},
		/**
		 * Whether any session has what a JSON row adds to its own fields (transcript details, a parent or
		 * subagents); within readOnce's snapshot, the answer holds for the whole report.
		 */
		rowDetails(): boolean {
			return prepare(`SELECT EXISTS (SELECT 1 FROM session_meta) OR EXISTS (SELECT 1 FROM sessions WHERE parent_id IS NOT NULL)`).pluck().get() === 1;
		},
		/**
		 * For a report that reads each table once (the JSON list): a small page cache until the returned
		 * function puts the kept one back. Each page of the sync's 64 MB cache is allocated when first filled,
		 * which made the 40 MB read of 20,000 stored rows 60% slower than through SQLite's default 2 MB,
		 * whose pages are reused. The file is read through a memory map meanwhile: pages the totals read are
		 * not copied in again for the list (a warm 20,000-session report 433 → 378 ms).
		 * `snapshot`: every read until then sees the index as it was at the first (a read transaction), so a
		 * report's totals, its list and what chose the list's shape agree while another process syncs.
		 */
		readOnce(snapshot = false): () => void {
			const kept = db.pragma('cache_size', {simple: true}) as number;
			const keptMap = db.pragma('mmap_size', {simple: true}) as number;
			db.pragma(`cache_size = ${ONE_PASS_CACHE_KIB}`);
			db.pragma(`mmap_size = ${ONE_PASS_MMAP_BYTES}`);
			const own = snapshot && !db.inTransaction;
			if (own) db.exec('BEGIN');
			return () => {
				if (own && db.inTransaction) db.exec('COMMIT');
				db.pragma(`cache_size = ${kept}`);
				db.pragma(`mmap_size = ${keptMap}`);
			};
		},
		/**
		 * Whether every session has its JSON stored, by counting both tables (their smallest indexes, not the long
		 * rows): a session_json row exists only beside its session (its triggers drop it), so equal counts say so.
		 */
		allRendered(): boolean {
			return prepare(`SELECT (SELECT count(*) FROM sessions) = (SELECT count(*) FROM session_json)`).pluck().get() === 1;
		},
		/** The filtered sessions whose JSON is not stored (an index from before v8, a row updated in place). */
		unrendered(f: Filters): SessionSummary[] {
			const w = sessionWhere(f, f, scope);
			return (prepare(`SELECT ${prefixed} FROM sessions s ${w.sql ? `${w.sql} AND` : 'WHERE'}
				NOT EXISTS (SELECT 1 FROM session_json j WHERE j.session_id = s.id)`).raw().all(...w.params) as unknown[][]).map(rawToSummary);
		},
		count(f: Filters): number {
			const w = sessionWhere(f, f, scope);
			return prepare(`SELECT count(*) FROM sessions s ${w.sql}`).pluck().get(...w.params) as number;
		},
		/** Whether any session matches: stops at the first, where count(*) reads them all. */
		any(f: Filters): boolean {
			const w = sessionWhere(f, f, scope);
			return prepare(`SELECT EXISTS (SELECT 1 FROM sessions s ${w.sql})`).pluck().get(...w.params) === 1;
		},
		totals(f: Filters, window: Window = f): OverviewTotals {
			const w = sessionWhere(f, window, scope);
			const r = prepare(`SELECT count(*) AS sessions, coalesce(sum(total_cost), 0) AS totalCost,
				coalesce(sum(total_cost IS NULL AND total_tokens > 0), 0) AS unpricedSessions,
				coalesce(sum(input_tokens), 0) AS inputTokens, coalesce(sum(output_tokens), 0) AS outputTokens,
				coalesce(sum(total_tokens), 0) AS totalTokens, coalesce(sum(cache_read_tokens), 0) AS cacheReadTokens,
				coalesce(sum(cache_write_tokens), 0) AS cacheWriteTokens, coalesce(sum(duration_ms), 0) AS durationMs,
				coalesce(sum(tool_calls), 0) AS toolCalls, coalesce(sum(status = 'completed'), 0) AS completed,
				coalesce(sum(status = 'failed'), 0) AS failed, coalesce(sum(status = 'abandoned'), 0) AS abandoned,
				coalesce(sum(status = 'unknown'), 0) AS unknown FROM sessions s ${w.sql}`).get(...w.params) as OverviewTotals;
			return {...EMPTY_TOTALS, ...r, successRate: r.sessions ? r.completed / r.sessions : 0};
		},
		/** Totals of the filtered sessions and of the same filters over the equally long period just before. */
		overview(f: Filters, now: number): Overview {
			const totals = this.totals(f);
			const prevWindow = previousWindow(f, now);
			if (!prevWindow) return {totals, previous: null, comparison: null};
			const previous = this.totals(f, prevWindow);
			return {totals, previous, comparison: comparePeriods(totals, previous)};
		},
		/** Tokens and cost per model; costs were priced at sync (session_models.cost), so no price is looked up here. */
		costByModel(f: Filters): ModelCostRow[] {
			const w = sessionWhere(f, f, scope);
			const rows = (sessionWhere(f, f, null).sql === '' ? everyModel() : null) ?? prepare(`SELECT ${MODEL_SUMS}
				FROM session_models m JOIN sessions s ON s.id = m.session_id ${w.sql} GROUP BY m.model`).all(...w.params) as ModelSums[];
			return rows
				.map((r) => ({
					model: r.model,
					sessions: r.sessions,
					inputTokens: r.input,
					outputTokens: r.output,
					cacheReadTokens: r.cacheRead,
					cacheWriteTokens: r.cacheWrite,
					// sum() of no priced row is NULL: a model no session could price stays unpriced (one without tokens costs nothing).
					cost: r.cost ?? (r.input + r.output === 0 ? 0 : null),
					cacheSaving: r.cost === null ? null : r.saving,
				}))
				.sort((a, b) => (b.cost ?? -1) - (a.cost ?? -1) || (a.model < b.model ? -1 : 1));
		},
		/** Parents its subagents name that have no session of their own (sessions known only from their subagents). */
		parentsNotIndexed(): string[] {
			return prepare(`SELECT DISTINCT s.parent_id FROM sessions s WHERE s.parent_id IS NOT NULL
				AND NOT EXISTS (SELECT 1 FROM sessions p WHERE p.id = s.parent_id)`).pluck().all() as string[];
		},
		/** Every model the index has usage for (what `pricing` lists). */
		modelNames(): string[] {
			return prepare(`SELECT DISTINCT model FROM session_models ORDER BY model`).pluck().all() as string[];
		},
		/** The filtered sessions' usage by quarter hour of the messages' own timestamps, per model. */
		usageBuckets(f: Filters): UsageBucket[] {
			const w = sessionWhere(f, f, scope);
			return prepare(`SELECT b.start_ms AS startMs, b.model AS model, sum(b.input) AS input, sum(b.output) AS output,
				sum(b.cache_read) AS cacheRead, sum(b.cache_write) AS cacheWrite, sum(b.cost) AS cost, sum(b.cache_saving) AS cacheSaving,
				sum(b.messages) AS messages FROM usage_buckets b JOIN sessions s ON s.id = b.session_id ${w.sql}
				GROUP BY b.start_ms, b.model ORDER BY b.start_ms`).all(...w.params) as UsageBucket[];
		},
		tools(f: Filters): Array<{tool: string; calls: number; errors: number; sessions: number}> {
			const w = sessionWhere(f, f, scope);
			return prepare(`SELECT t.tool AS tool, sum(t.calls) AS calls, sum(t.errors) AS errors, count(*) AS sessions
				FROM session_tools t JOIN sessions s ON s.id = t.session_id ${w.sql} GROUP BY t.tool`)
				.all(...w.params) as Array<{tool: string; calls: number; errors: number; sessions: number}>;
		},
		/** The longest names and largest figures among the filtered sessions: how wide the table's columns need to be. */
		columnMaxima(f: Filters): ColumnMaxima {
			const w = sessionWhere(f, f, scope);
			const r = prepare(`SELECT coalesce(max(length(project)), 0) AS project, coalesce(max(length(agent)), 0) AS agent,
				coalesce(max(length(model)), 0) AS model, max(total_cost) AS cost, coalesce(max(total_cost IS NULL), 0) AS unpriced,
				coalesce(max(cost_source = 'partial'), 0) AS partial, coalesce(max(duration_ms), 0) AS durationMs,
				coalesce(max(message_count), 0) AS messages, coalesce(max(tool_calls), 0) AS tools,
				coalesce(max(total_tokens), 0) AS tokens FROM sessions s ${w.sql}`).get(...w.params) as Omit<ColumnMaxima, 'unpriced' | 'partial'> & {unpriced: number; partial: number};
			return {...r, unpriced: r.unpriced === 1, partial: r.partial === 1};
		},
		/** Distinct values of a column among the filtered sessions, most used first: what a picker offers. */
		distinct(column: 'model' | 'project' | 'agent' | 'source', f: Filters): Array<{value: string; sessions: number}> {
			const w = sessionWhere({...f, [column]: ''}, f, scope);
			return prepare(`SELECT s.${column} AS value, count(*) AS sessions FROM sessions s ${w.sql}
				GROUP BY s.${column} HAVING s.${column} <> '' ORDER BY sessions DESC, value`)
				.all(...w.params) as Array<{value: string; sessions: number}>;
		},
	};
}

export type SessionQueries = ReturnType<typeof createSessionQueries>;
