// Queries only the explorer needs, beside session-queries: where a session sits in a sorted, filtered list
// (so a refresh keeps it selected) and cost in 15-minute buckets (the sparkline's days, in any zone).
import type {IndexDb} from './open-index.js';
import {statementCache} from './statement-cache.js';
import type {Filters} from '../core/types.js';
import {sessionOrder, sessionWhere} from './session-where.js';

export function createExplorerQueries(db: IndexDb, scope: readonly number[] | null = null) {
	const prepare = statementCache(db);
	return {
		/** Position of a session in the list the filters select, in their order; null when it is not in it. */
		indexOf(f: Filters, id: string): number | null {
			const w = sessionWhere(f, f, scope);
			const row = prepare(`SELECT rn FROM (SELECT s.id AS id, row_number() OVER (${sessionOrder(f)}) - 1 AS rn
				FROM sessions s ${w.sql}) WHERE id = ?`).pluck().get(...w.params, id) as number | undefined;
			return row ?? null;
		},
		/** Cost of the filtered sessions by the 15-minute bucket each message falls in (message days, as ccusage counts). */
		costBuckets(f: Filters): Array<{startMs: number; cost: number}> {
			const w = sessionWhere(f, f, scope);
			return prepare(`SELECT b.start_ms AS startMs, sum(coalesce(b.cost, 0)) AS cost
				FROM usage_buckets b JOIN sessions s ON s.id = b.session_id ${w.sql} GROUP BY 1`).all(...w.params) as Array<{startMs: number; cost: number}>;
		},
	};
}

export type ExplorerQueries = ReturnType<typeof createExplorerQueries>;
