// v9 of the index: covering indexes for the reports' default shape (the sources in use, a period), so the
// totals, the per-model costs and the JSON list read no sessions row. Those rows carry the labels (a
// kilobyte or more each): 20,000 sessions are 30 MB of table against a few MB of these indexes.
// - sessions_report_by_date: every column the totals sum and the list reads, in the list's date order.
// - sessions_report_by_cost: what the list reads, in its default order (cost, then start, then ID, as
//   sessions_by_cost, which the explorer's pages keep using).
// - sessions_scope: which source and period a session is in, by ID, for the join of session_models.
// The warm `sessions --json` of a 1M-node tapes index (20,000 sessions): 372 → 306 ms with the first and the
// last, 267 → 250 ms with the second too (alternating runs, the same output). Filters on other columns
// (model, project, status, a search) still read rows, as before.
export const REPORT_INDEXES: ReadonlyArray<[name: string, create: string]> = [
	['sessions_report_by_date', `CREATE INDEX IF NOT EXISTS sessions_report_by_date ON sessions (start_ms, id, source_id, end_ms, parent_id,
		total_tokens, total_cost, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, duration_ms, tool_calls, status);`],
	['sessions_report_by_cost', `CREATE INDEX IF NOT EXISTS sessions_report_by_cost ON sessions (total_cost, start_ms DESC, id, source_id, end_ms,
		parent_id, total_tokens);`],
	['sessions_scope', 'CREATE INDEX IF NOT EXISTS sessions_scope ON sessions (id, source_id, start_ms, end_ms);'],
];

export const REPORT_INDEXES_MIGRATION = REPORT_INDEXES.map(([, create]) => create).join('\n');

/**
 * v13: what costByModel sums, in model order, so the per-model costs of the whole index are one pass over a
 * few MB with no sort (the GROUP BY sorted 20,000 rows of session_models: 9 → 5 ms of a warm report).
 */
export const MODEL_SUMS_INDEX: [name: string, create: string] = ['session_models_by_model',
	`CREATE INDEX IF NOT EXISTS session_models_by_model ON session_models (model, input, output, cache_write, cache_write_1h, cache_read,
		cost, cache_saving);`];
