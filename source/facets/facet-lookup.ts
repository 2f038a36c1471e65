// Reading stored facets: the Insights figures and one session's facet. Kept apart from the worker and the
// providers so the timeline can show a facet without loading the SDKs and zod before its first frame.
import type {Filters} from '../core/types.js';
import type {InsightsAggregate} from '../core/facet-aggregate.js';
import {createFacetQueries, type FacetQueries} from '../store/facets-queries.js';
import {createFacetsRepo, type FacetRecord, type FacetsRepo} from '../store/facets-repo.js';
import {FACET_PROMPT_VERSION, HEURISTIC_VERSION} from '../core/facet-prompt.js';
import type {Workspace} from '../workspace/open-workspace.js';

// Statements are prepared once per workspace, not once per screen refresh.
const prepared = new WeakMap<Workspace, {queries: FacetQueries; repo: FacetsRepo}>();
function forWorkspace(ws: Workspace) {
	let p = prepared.get(ws);
	if (!p) {
		p = {queries: createFacetQueries(ws.store.db, ws.sources.map((s) => s.id)), repo: createFacetsRepo(ws.store.db)};
		prepared.set(ws, p);
	}
	return p;
}

/** The Insights figures for the sessions these filters select, in the workspace's sources. */
export function insightsAggregate(ws: Workspace, filters: Filters): InsightsAggregate {
	return forWorkspace(ws).queries.aggregate(filters);
}

/** A stored facet, with whether it still matches the session and whether the heuristic (no model) made it. */
export type StoredFacet = FacetRecord & {current: boolean; heuristic: boolean};

/** A session's facet with whether it is current, or null when it has none. */
export function sessionFacet(ws: Workspace, sessionId: string): StoredFacet | null {
	const record = forWorkspace(ws).repo.get(sessionId);
	if (!record) return null;
	const session = ws.store.sessions.get(sessionId);
	const version = record.provider === 'heuristic' ? HEURISTIC_VERSION : FACET_PROMPT_VERSION;
	const current = session !== undefined && session.messageCount === record.messagesSeen && record.promptVersion === version;
	return {...record, current, heuristic: record.provider === 'heuristic'};
}
