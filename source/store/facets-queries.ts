// Read-side facet queries over the same filters as every other view: which sessions need a facet (the
// worker's queue, newest first) and the Insights aggregate. "Current" is decided in SQL: the facet saw
// as many messages as the session has now, under the prompt version (or heuristic version) in use.
import type {IndexDb} from './open-index.js';
import {statementCache} from './statement-cache.js';
import type {Filters} from '../core/types.js';
import {FACET_PROMPT_VERSION, HEURISTIC_VERSION} from '../core/facet-prompt.js';
import {coverageOf, distributions, type FailureEntry, type InsightsAggregate, type ProviderShare, type RecentSummary} from '../core/facet-aggregate.js';
import {sessionWhere} from './session-where.js';
import {createFacetsRepo} from './facets-repo.js';

export interface FacetVersions {
	promptVersion: string;
	heuristicVersion: string;
}

export const CURRENT_VERSIONS: FacetVersions = {promptVersion: FACET_PROMPT_VERSION, heuristicVersion: HEURISTIC_VERSION};

const CURRENT = `(f.messages_seen = s.message_count AND f.prompt_version =
	CASE WHEN f.provider = 'heuristic' THEN @hv ELSE @pv END)`;

/** What the worker still has to do: for an LLM, anything not current or only heuristic; for the heuristic, never an LLM facet. */
const PENDING_LLM = `(f.session_id IS NULL OR f.provider = 'heuristic' OR NOT ${CURRENT})`;
const PENDING_HEURISTIC = `(f.session_id IS NULL OR (f.provider = 'heuristic' AND NOT ${CURRENT}))`;

const RECENT = 10;
const FAILURES = 50;

export function createFacetQueries(db: IndexDb, scope: readonly number[] | null = null, versions: FacetVersions = CURRENT_VERSIONS) {
	createFacetsRepo(db); // makes sure the tables exist on an index from before they did
	const prepare = statementCache(db);
	const named = {pv: versions.promptVersion, hv: versions.heuristicVersion};
	const where = (f: Filters, extra?: string) => {
		const w = sessionWhere(f, f, scope);
		const sql = extra ? (w.sql ? `${w.sql} AND ${extra}` : `WHERE ${extra}`) : w.sql;
		return {sql, params: w.params};
	};
	const grouped = (column: string, f: Filters) => {
		const w = where(f);
		return prepare(`SELECT f.${column} AS key, count(*) AS count FROM sessions s JOIN facets f ON f.session_id = s.id
			${w.sql} GROUP BY f.${column}`).all(...w.params) as Array<{key: string; count: number}>;
	};

	return {
		/** Sessions in the filter that need extracting, newest first. */
		pending(f: Filters, heuristic: boolean): string[] {
			const w = where(f, heuristic ? PENDING_HEURISTIC : PENDING_LLM);
			return prepare(`SELECT s.id FROM sessions s LEFT JOIN facets f ON f.session_id = s.id ${w.sql}
				ORDER BY s.start_ms DESC, s.id`).pluck().all(...w.params, named) as string[];
		},
		/** Sessions in the filter. */
		count(f: Filters): number {
			const w = where(f);
			return prepare(`SELECT count(*) FROM sessions s ${w.sql}`).pluck().get(...w.params) as number;
		},
		/** `allSummaries`: every summary in the filter, not only the newest ten. */
		aggregate(f: Filters, allSummaries = false): InsightsAggregate {
			const w = where(f);
			const c = prepare(`SELECT count(*) AS sessions, count(f.session_id) AS withFacet,
				coalesce(sum(${CURRENT}), 0) AS current, coalesce(sum(f.provider = 'heuristic' AND ${CURRENT}), 0) AS heuristic,
				coalesce(sum(ff.session_id IS NOT NULL AND NOT coalesce(${CURRENT}, 0)), 0) AS failed
				FROM sessions s LEFT JOIN facets f ON f.session_id = s.id LEFT JOIN facet_failures ff ON ff.session_id = s.id
				${w.sql}`).get(...w.params, named) as {sessions: number; withFacet: number; current: number; heuristic: number; failed: number};
			const friction = prepare(`SELECT j.value AS key, count(*) AS count FROM sessions s JOIN facets f ON f.session_id = s.id,
				json_each(f.friction_types) j ${w.sql} GROUP BY j.value`).all(...w.params) as Array<{key: string; count: number}>;
			const recent = (prepare(`SELECT s.id AS sessionId, s.label AS label, s.start_ms AS startMs, f.underlying_goal AS underlyingGoal,
				f.brief_summary AS briefSummary, f.goal_category AS goalCategory, f.outcome AS outcome, f.provider AS provider,
				f.model AS model, f.provider = 'heuristic' AS heuristic, ${CURRENT} AS current
				FROM sessions s JOIN facets f ON f.session_id = s.id ${w.sql} ORDER BY s.start_ms DESC, s.id${allSummaries ? '' : ` LIMIT ${RECENT}`}`)
				.all(...w.params, named) as Array<Omit<RecentSummary, 'heuristic' | 'current'> & {heuristic: number; current: number}>)
				.map((r) => ({...r, heuristic: r.heuristic === 1, current: r.current === 1}));
			const providers = (prepare(`SELECT f.provider AS provider, f.model AS model, count(*) AS facets,
				coalesce(sum(${CURRENT}), 0) AS current, sum(f.input_tokens) AS inputTokens, sum(f.output_tokens) AS outputTokens,
				CASE WHEN sum(f.cost_usd IS NULL) > 0 THEN NULL ELSE sum(f.cost_usd) END AS costUsd
				FROM sessions s JOIN facets f ON f.session_id = s.id ${w.sql} GROUP BY f.provider, f.model
				ORDER BY facets DESC, f.provider, f.model`).all(...w.params, named) as Array<Omit<ProviderShare, 'heuristic'>>)
				.map((p) => ({...p, heuristic: p.provider === 'heuristic'}));
			const fw = where(f, `NOT coalesce(${CURRENT}, 0)`);
			const failures = prepare(`SELECT s.id AS sessionId, s.label AS label, ff.reason AS reason, ff.provider AS provider,
				ff.model AS model, ff.attempts AS attempts, ff.failed_ms AS failedMs
				FROM sessions s JOIN facet_failures ff ON ff.session_id = s.id LEFT JOIN facets f ON f.session_id = s.id
				${fw.sql} ORDER BY ff.failed_ms DESC, s.id LIMIT ${FAILURES}`).all(...fw.params, named) as FailureEntry[];
			return {
				goals: distributions.goals(grouped('goal_category', f)),
				outcomes: distributions.outcomes(grouped('outcome', f)),
				sessionTypes: distributions.sessionTypes(grouped('session_type', f)),
				friction: distributions.friction(friction, c.withFacet),
				recent,
				coverage: coverageOf(c),
				providers,
				failures,
			};
		},
	};
}

export type FacetQueries = ReturnType<typeof createFacetQueries>;
