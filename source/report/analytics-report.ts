// `tapedeck analytics`: the figures the Analytics screen draws, for the same filters.
import {activityByDay, costBuckets, durationBuckets, mostCommonBucket, modelPerformance, providerBreakdown, topTools} from '../core/analytics.js';
import {formatCost, formatDuration, formatTokens} from '../core/format.js';
import {sanitizeLine} from '../core/sanitize.js';
import type {ReportContext} from './sessions-report.js';
import {pricingJson} from './sessions-report.js';
import {renderTable} from './text-table.js';
import {toCsv} from './csv.js';

export function computeAnalytics(ctx: ReportContext) {
	const sessions = ctx.queries.list(ctx.filters);
	const models = ctx.queries.costByModel(ctx.filters, ctx.pricing);
	const priced = sessions.filter((s) => s.totalCost !== null);
	const input = models.reduce((a, m) => a + m.inputTokens, 0);
	const cacheRead = models.reduce((a, m) => a + m.cacheReadTokens, 0);
	return {
		totalSessions: sessions.length,
		avgSessionCost: priced.length ? priced.reduce((a, s) => a + (s.totalCost ?? 0), 0) / priced.length : 0,
		avgDurationMs: sessions.length ? sessions.reduce((a, s) => a + s.durationMs, 0) / sessions.length : 0,
		days: activityByDay(sessions, ctx.filters, ctx.now, ctx.timeZone),
		durationBuckets: durationBuckets(sessions.map((s) => s.durationMs)),
		costBuckets: costBuckets(sessions.map((s) => s.totalCost)),
		tools: topTools(ctx.queries.tools(ctx.filters)),
		models: modelPerformance(sessions),
		providers: providerBreakdown(sessions),
		cache: {
			hitRate: input ? cacheRead / input : 0,
			saved: models.reduce((a, m) => a + (m.cacheSaving ?? 0), 0),
		},
	};
}

/** Long-format CSV (section, key, metric, value): every figure of the report, one per row, easy to pivot. */
function analyticsCsv(a: ReturnType<typeof computeAnalytics>): string {
	const rows: Array<[string, string, string, number | null]> = [
		['summary', 'all', 'sessions', a.totalSessions],
		['summary', 'all', 'avg_session_cost', a.avgSessionCost],
		['summary', 'all', 'avg_duration_ns', Math.round(a.avgDurationMs * 1e6)],
		['cache', 'all', 'hit_rate', a.cache.hitRate],
		['cache', 'all', 'saved_usd', a.cache.saved],
	];
	for (const d of a.days) rows.push(['day', d.day, 'sessions', d.sessions], ['day', d.day, 'cost', d.cost], ['day', d.day, 'tokens', d.tokens]);
	for (const b of a.durationBuckets) rows.push(['duration_bucket', b.label, 'sessions', b.count]);
	for (const b of a.costBuckets) rows.push(['cost_bucket', b.label, 'sessions', b.count]);
	for (const t of a.tools) rows.push(['tool', t.name, 'calls', t.calls], ['tool', t.name, 'sessions', t.sessions], ['tool', t.name, 'errors', t.errors]);
	for (const m of a.models) {
		rows.push(['model', m.model, 'sessions', m.sessions], ['model', m.model, 'total_cost', m.totalCost],
			['model', m.model, 'avg_duration_ns', Math.round(m.avgDurationMs * 1e6)], ['model', m.model, 'avg_tokens', m.avgTokens],
			['model', m.model, 'success_rate', m.successRate]);
	}
	for (const p of a.providers) rows.push(['provider', p.provider, 'sessions', p.sessions]);
	return toCsv(['section', 'key', 'metric', 'value'], rows);
}

export function analyticsReport(ctx: ReportContext, format: 'table' | 'json' | 'csv'): string {
	const a = computeAnalytics(ctx);
	if (format === 'csv') return analyticsCsv(a);
	if (format === 'json') {
		return JSON.stringify({
			total_sessions: a.totalSessions,
			avg_session_cost: a.avgSessionCost,
			avg_duration_ns: Math.round(a.avgDurationMs * 1e6),
			time_zone: ctx.timeZone,
			activity_by_day: a.days,
			duration_buckets: a.durationBuckets,
			cost_buckets: a.costBuckets,
			top_tools: a.tools.map((t) => ({name: t.name, calls: t.calls, sessions: t.sessions, errors: t.errors, error_rate: t.errorRate})),
			model_performance: a.models.map((m) => ({
				model: m.model, provider: m.provider, sessions: m.sessions, total_cost: m.totalCost, avg_cost: m.avgCost,
				avg_duration_ns: Math.round(m.avgDurationMs * 1e6), avg_tokens: m.avgTokens, completed_count: m.completed, success_rate: m.successRate,
			})),
			provider_breakdown: a.providers,
			cache: {hit_rate: a.cache.hitRate, saved_usd: a.cache.saved},
			pricing: pricingJson(ctx.pricing),
		}, null, 2) + '\n';
	}
	const out: string[] = [];
	out.push(`${a.totalSessions} sessions · ${formatCost(a.avgSessionCost)} avg cost · ${formatDuration(a.avgDurationMs)} avg duration`, '');
	const active = a.days.filter((d) => d.sessions > 0);
	out.push(`activity: ${active.length} of ${a.days.length} days active (${ctx.timeZone})`);
	out.push(renderTable(active, [
		{header: 'day', cell: (d) => d.day},
		{header: 'sessions', align: 'right', cell: (d) => String(d.sessions)},
		{header: 'cost', align: 'right', cell: (d) => formatCost(d.cost)},
		{header: 'tokens', align: 'right', cell: (d) => formatTokens(d.tokens)},
	]), '');
	for (const [title, buckets] of [['duration', a.durationBuckets], ['cost', a.costBuckets]] as const) {
		const top = mostCommonBucket(buckets);
		out.push(`${title}: ${buckets.map((b) => `${b.label} ${b.count}`).join(' · ')}${top ? ` (most common: ${top.label})` : ''}`);
	}
	out.push('', renderTable(a.tools.slice(0, 15), [
		{header: 'tool', max: 24, cell: (t) => sanitizeLine(t.name)},
		{header: 'calls', align: 'right', cell: (t) => String(t.calls)},
		{header: 'sessions', align: 'right', cell: (t) => String(t.sessions)},
		{header: 'errors', align: 'right', cell: (t) => String(t.errors)},
		{header: 'error rate', align: 'right', cell: (t) => `${(t.errorRate * 100).toFixed(1)}%`},
	]), '');
	out.push(renderTable(a.models, [
		{header: 'model', max: 28, cell: (m) => sanitizeLine(m.model)},
		{header: 'sessions', align: 'right', cell: (m) => String(m.sessions)},
		{header: 'total', align: 'right', cell: (m) => formatCost(m.totalCost)},
		{header: 'avg', align: 'right', cell: (m) => formatCost(m.avgCost)},
		{header: 'avg dur', align: 'right', cell: (m) => formatDuration(m.avgDurationMs)},
		{header: 'avg tokens', align: 'right', cell: (m) => formatTokens(m.avgTokens)},
		{header: 'success', align: 'right', cell: (m) => `${Math.round(m.successRate * 100)}%`},
	]), '');
	out.push(`providers: ${a.providers.map((p) => `${p.provider} ${p.sessions} (${Math.round(p.share * 100)}%)`).join(' · ')}`);
	out.push(`cache: ${(a.cache.hitRate * 100).toFixed(1)}% of input read from cache, saved ${formatCost(a.cache.saved)}`);
	out.push(`prices: ${ctx.pricing.source}, verified ${ctx.pricing.verified}`);
	return out.join('\n') + '\n';
}
