// Writes facets and extraction failures; reads one session's back. Every write is one transaction:
// a facet replaces the session's previous one and clears its failure together, so a crash leaves
// either the old state or the new one, and a session never has two facets (the key is its ID).
import type {IndexDb} from './open-index.js';
import type {SessionFacet} from '../core/facet-vocabulary.js';
import {FACETS_MIGRATION} from './migrations-facets.js';
import {writeTransaction} from './write-transaction.js';

export interface FacetRecord {
	sessionId: string;
	provider: string;
	model: string;
	promptVersion: string;
	messagesSeen: number;
	facet: SessionFacet;
	inputTokens: number;
	outputTokens: number;
	costUsd: number | null;
	attempts: number;
	retries: number;
	durationMs: number;
	extractedMs: number;
}

export interface FacetFailureRecord {
	sessionId: string;
	provider: string;
	model: string;
	promptVersion: string;
	messagesSeen: number;
	reason: string;
	attempts: number;
	retries: number;
	inputTokens: number;
	outputTokens: number;
	costUsd: number | null;
	failedMs: number;
}

interface FacetRow {
	session_id: string;
	provider: string;
	model: string;
	prompt_version: string;
	messages_seen: number;
	underlying_goal: string;
	goal_category: string;
	outcome: string;
	session_type: string;
	friction_types: string;
	friction_detail: string;
	brief_summary: string;
	input_tokens: number;
	output_tokens: number;
	cost_usd: number | null;
	attempts: number;
	retries: number;
	duration_ms: number;
	extracted_ms: number;
}

/** Row → record. Values were validated when written, so they are trusted back as the vocabulary types. */
export function toFacetRecord(r: FacetRow): FacetRecord {
	return {
		sessionId: r.session_id, provider: r.provider, model: r.model, promptVersion: r.prompt_version, messagesSeen: r.messages_seen,
		facet: {
			underlyingGoal: r.underlying_goal, goalCategory: r.goal_category as SessionFacet['goalCategory'],
			outcome: r.outcome as SessionFacet['outcome'], sessionType: r.session_type as SessionFacet['sessionType'],
			frictionTypes: JSON.parse(r.friction_types) as SessionFacet['frictionTypes'], frictionDetail: r.friction_detail,
			briefSummary: r.brief_summary,
		},
		inputTokens: r.input_tokens, outputTokens: r.output_tokens, costUsd: r.cost_usd, attempts: r.attempts, retries: r.retries,
		durationMs: r.duration_ms, extractedMs: r.extracted_ms,
	};
}

export function createFacetsRepo(db: IndexDb) {
	// An index created before the v3 slot held these tables is at user_version 3 without them; the
	// statements are idempotent, so creating them here keeps such an index working.
	if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'facets'`).get()) db.exec(FACETS_MIGRATION);
	// An LLM facet is never replaced by a heuristic one: the guard is in the statement itself.
	const upsert = db.prepare(`INSERT INTO facets (session_id, provider, model, prompt_version, messages_seen, underlying_goal,
		goal_category, outcome, session_type, friction_types, friction_detail, brief_summary, input_tokens, output_tokens, cost_usd,
		attempts, retries, duration_ms, extracted_ms)
		VALUES (@sessionId, @provider, @model, @promptVersion, @messagesSeen, @underlyingGoal, @goalCategory, @outcome, @sessionType,
		@frictionTypes, @frictionDetail, @briefSummary, @inputTokens, @outputTokens, @costUsd, @attempts, @retries, @durationMs, @extractedMs)
		ON CONFLICT (session_id) DO UPDATE SET provider = excluded.provider, model = excluded.model,
		prompt_version = excluded.prompt_version, messages_seen = excluded.messages_seen, underlying_goal = excluded.underlying_goal,
		goal_category = excluded.goal_category, outcome = excluded.outcome, session_type = excluded.session_type,
		friction_types = excluded.friction_types, friction_detail = excluded.friction_detail, brief_summary = excluded.brief_summary,
		input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens, cost_usd = excluded.cost_usd,
		attempts = excluded.attempts, retries = excluded.retries, duration_ms = excluded.duration_ms, extracted_ms = excluded.extracted_ms
		WHERE NOT (excluded.provider = 'heuristic' AND facets.provider <> 'heuristic')`);
	const clearFailure = db.prepare(`DELETE FROM facet_failures WHERE session_id = ?`);
	const upsertFailure = db.prepare(`INSERT OR REPLACE INTO facet_failures (session_id, provider, model, prompt_version,
		messages_seen, reason, attempts, retries, input_tokens, output_tokens, cost_usd, failed_ms)
		VALUES (@sessionId, @provider, @model, @promptVersion, @messagesSeen, @reason, @attempts, @retries, @inputTokens,
		@outputTokens, @costUsd, @failedMs)`);
	const byId = db.prepare(`SELECT * FROM facets WHERE session_id = ?`);
	const failureById = db.prepare(`SELECT session_id AS sessionId, provider, model, prompt_version AS promptVersion,
		messages_seen AS messagesSeen, reason, attempts, retries, input_tokens AS inputTokens, output_tokens AS outputTokens,
		cost_usd AS costUsd, failed_ms AS failedMs FROM facet_failures WHERE session_id = ?`);

	const save = writeTransaction(db, (r: FacetRecord): boolean => {
		const {facet, ...rest} = r;
		const changed = upsert.run({...rest, ...facet, frictionTypes: JSON.stringify(facet.frictionTypes)}).changes > 0;
		if (changed) clearFailure.run(r.sessionId);
		return changed;
	});
	const recordFailure = writeTransaction(db, (f: FacetFailureRecord): void => {
		upsertFailure.run(f);
	});

	return {
		/** Writes the facet and clears the session's failure; false when an LLM facet kept its place. */
		save(r: FacetRecord): boolean {
			return save(r);
		},
		recordFailure(f: FacetFailureRecord): void {
			recordFailure(f);
		},
		get(sessionId: string): FacetRecord | undefined {
			const row = byId.get(sessionId) as FacetRow | undefined;
			return row ? toFacetRecord(row) : undefined;
		},
		failure(sessionId: string): FacetFailureRecord | undefined {
			return failureById.get(sessionId) as FacetFailureRecord | undefined;
		},
	};
}

export type FacetsRepo = ReturnType<typeof createFacetsRepo>;
