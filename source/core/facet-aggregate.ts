// The Insights figures, shaped from grouped counts: distributions with labels and descriptions in a
// stable order (count, then vocabulary order, so ties never shuffle), coverage, providers, failures.
import {
	FRICTION_LABELS,
	FRICTION_TYPES,
	GOAL_CATEGORIES,
	GOAL_LABELS,
	OUTCOMES,
	OUTCOME_LABELS,
	SESSION_TYPES,
	SESSION_TYPE_LABELS,
	type VocabularyEntry,
} from './facet-vocabulary.js';

export interface DistributionEntry {
	key: string;
	label: string;
	description: string;
	count: number;
	/** count ÷ facets counted in this distribution (0 when there are none). */
	share: number;
}

export interface RecentSummary {
	sessionId: string;
	label: string;
	startMs: number;
	underlyingGoal: string;
	briefSummary: string;
	goalCategory: string;
	outcome: string;
	provider: string;
	model: string;
	heuristic: boolean;
	current: boolean;
}

export interface Coverage {
	/** Sessions in the filter. */
	sessions: number;
	/** With a facet of any age. */
	withFacet: number;
	/** With a current facet: as many messages as the session has now, and the prompt version in use. */
	current: number;
	/** current ÷ sessions (0 when the filter holds no sessions). */
	ratio: number;
	/** Current facets made by the heuristic. */
	heuristic: number;
	/** Facets that no longer match their session (it grew, or the prompt changed). */
	stale: number;
	/** Sessions whose last extraction failed and that have no current facet. */
	failed: number;
	/** Sessions with no facet at all. */
	missing: number;
}

export interface ProviderShare {
	provider: string;
	model: string;
	heuristic: boolean;
	facets: number;
	current: number;
	inputTokens: number;
	outputTokens: number;
	/** null when some of these facets' calls had no price. */
	costUsd: number | null;
}

export interface FailureEntry {
	sessionId: string;
	label: string;
	reason: string;
	provider: string;
	model: string;
	attempts: number;
	failedMs: number;
}

export interface InsightsAggregate {
	goals: DistributionEntry[];
	outcomes: DistributionEntry[];
	sessionTypes: DistributionEntry[];
	/** The ten most frequent friction types; shares are of the sessions with facets. */
	friction: DistributionEntry[];
	recent: RecentSummary[];
	coverage: Coverage;
	providers: ProviderShare[];
	failures: FailureEntry[];
}

export const TOP_FRICTION = 10;

export function toDistribution(
	rows: ReadonlyArray<{key: string; count: number}>,
	order: readonly string[],
	labels: Readonly<Record<string, VocabularyEntry>>,
	denominator?: number,
): DistributionEntry[] {
	const total = denominator ?? rows.reduce((a, r) => a + r.count, 0);
	const rank = (key: string) => {
		const i = order.indexOf(key);
		return i < 0 ? order.length : i;
	};
	return rows
		.filter((r) => r.key !== '' && r.count > 0)
		.map((r) => ({
			key: r.key,
			// A value from an older vocabulary still shows, under its own name.
			label: labels[r.key]?.label ?? r.key,
			description: labels[r.key]?.description ?? '',
			count: r.count,
			share: total > 0 ? r.count / total : 0,
		}))
		.sort((a, b) => b.count - a.count || rank(a.key) - rank(b.key) || (a.key < b.key ? -1 : 1));
}

export const distributions = {
	goals: (rows: ReadonlyArray<{key: string; count: number}>) => toDistribution(rows, GOAL_CATEGORIES, GOAL_LABELS),
	outcomes: (rows: ReadonlyArray<{key: string; count: number}>) => toDistribution(rows, OUTCOMES, OUTCOME_LABELS),
	sessionTypes: (rows: ReadonlyArray<{key: string; count: number}>) => toDistribution(rows, SESSION_TYPES, SESSION_TYPE_LABELS),
	friction: (rows: ReadonlyArray<{key: string; count: number}>, sessionsWithFacets: number) =>
		toDistribution(rows, FRICTION_TYPES, FRICTION_LABELS, sessionsWithFacets).slice(0, TOP_FRICTION),
};

export function coverageOf(c: {sessions: number; withFacet: number; current: number; heuristic: number; failed: number}): Coverage {
	return {
		...c,
		ratio: c.sessions > 0 ? c.current / c.sessions : 0,
		stale: c.withFacet - c.current,
		missing: c.sessions - c.withFacet,
	};
}
