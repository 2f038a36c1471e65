// What a session's JSON row says besides its own fields, read for one session: its transcript details
// (cwd, git branch), its subagents' roll-up and whether its parent is in the index. Stored rows (v11) are
// rendered with these, so a report copies every row as it is; the sessions repository and the triggers of
// migrations-session-json.ts drop a row whenever one of these changes under it.
import type {IndexDb} from './open-index.js';
import {infoFromColumns, type RowDetails} from '../report/transcript-json.js';

export function createRowDetails(db: IndexDb): (id: string, parentId: string | null) => RowDetails {
	// One query: the roll-up is an aggregate, so it is one row even for a session without subagents or meta.
	const details = db.prepare(`SELECT m.cwd, m.git_branch, c.sessions, c.input, c.output, c.total, c.cost, c.unpriced,
		EXISTS (SELECT 1 FROM sessions p WHERE p.id = @parent)
		FROM (SELECT count(*) AS sessions, sum(input_tokens) AS input, sum(output_tokens) AS output, sum(total_tokens) AS total,
			sum(total_cost) AS cost, sum(total_cost IS NULL AND total_tokens > 0) AS unpriced FROM sessions WHERE parent_id = @id) c
		LEFT JOIN session_meta m ON m.session_id = @id`).raw();
	return (id, parentId) => {
		const [cwd, gitBranch, sessions, input, output, total, cost, unpriced, parentThere] = details.get({id, parent: parentId}) as
			[string | null, string | null, number, number | null, number | null, number | null, number | null, number | null, number];
		return {
			info: infoFromColumns(cwd, gitBranch, sessions === 0 ? null : sessions, input, output, total, cost, unpriced),
			parentInIndex: parentId === null ? null : parentThere === 1,
		};
	};
}
