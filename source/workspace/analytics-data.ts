// Gathers the index rows the analytics model needs, for the screen and for `analytics` alike.
import type {Filters, PricingTable} from '../core/types.js';
import {buildAnalytics, type AnalyticsModel} from '../core/analytics-model.js';
import {previousWindow} from '../core/time.js';
import type {SessionQueries} from '../store/session-queries.js';

export function loadAnalytics(queries: SessionQueries, pricing: PricingTable, filters: Filters, now: number, timeZone: string): AnalyticsModel {
	const models = queries.costByModel(filters);
	const prev = previousWindow(filters, now);
	return buildAnalytics({
		sessions: queries.list(filters),
		tools: queries.tools(filters),
		cache: {
			inputTokens: models.reduce((a, m) => a + m.inputTokens, 0),
			readTokens: models.reduce((a, m) => a + m.cacheReadTokens, 0),
			savedUsd: models.reduce((a, m) => a + (m.cacheSaving ?? 0), 0),
		},
		previous: prev ? queries.totals(filters, prev) : null,
		usage: queries.usageBuckets(filters),
		window: filters,
		now,
		timeZone,
	});
}
