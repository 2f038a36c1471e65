// v4 of the index: one index per sortable column, ending in the list's tie-break (start_ms DESC, id), so a
// page of 100,000 sessions sorted by any column, either way, is an index walk rather than a full sort.
// (No index on source_id: without statistics the planner would pick it for the scope and sort everything.)
const SORTED = [
	['label', 'label COLLATE NOCASE'], ['project', 'project COLLATE NOCASE'], ['agent', 'agent COLLATE NOCASE'],
	['model', 'model'], ['status', 'status'], ['duration', 'duration_ms'], ['messages', 'message_count'],
	['tools', 'tool_calls'], ['tokens', 'total_tokens'], ['cost', 'total_cost'],
] as const;

export const SORT_INDEXES_MIGRATION = [
	...SORTED.map(([name, column]) => `CREATE INDEX IF NOT EXISTS sessions_by_${name} ON sessions (${column}, start_ms DESC, id);`),
	'CREATE INDEX IF NOT EXISTS sessions_by_date ON sessions (start_ms, id);',
].join('\n');
