// `tapedeck analytics`: the figures the Analytics screen draws, for the same filters, as text, JSON or CSV.
import {pricingLine} from './sessions-report.js';
import {toJson} from './json.js';
import type {AnalyticsModel, SeriesStats} from '../core/analytics-model.js';
import {formatCost, formatDuration, formatTokens, plural} from '../core/format.js';
import {sanitizeLine} from '../core/sanitize.js';
import {loadAnalytics} from '../workspace/analytics-data.js';
import type {ReportContext} from './sessions-report.js';
import {pricingJson} from './sessions-report.js';
import {renderTable} from './text-table.js';
import {toCsv} from './csv.js';

const ns = (ms: number) => Math.round(ms * 1e6);
const seriesJson = (s: SeriesStats) => ({total: s.total, peak_day: s.peakDay, peak_value: s.peakValue, change: s.change});

export function analyticsJson(a: AnalyticsModel) {
	return {
		time_zone: a.timeZone,
		total_sessions: a.sessions,
		avg_session_cost: a.avgCost,
		avg_duration_ns: ns(a.avgDurationMs),
		// The reference's field names and shapes (date, count, error_count, objects keyed by name); more beside them.
		activity_by_day: a.days.map((d) => ({date: d.day, sessions: d.sessions, cost: d.cost, tokens: d.tokens})),
		series: {sessions: seriesJson(a.series.sessions), cost: seriesJson(a.series.cost), tokens: seriesJson(a.series.tokens)},
		hour_of_week: a.heatmap,
		duration_buckets: a.durationBuckets,
		cost_buckets: a.costBuckets,
		most_common_duration: a.mostCommonDuration?.label ?? null,
		most_common_cost: a.mostCommonCost?.label ?? null,
		top_tools: a.tools.map((t) => ({name: t.name, count: t.calls, error_count: t.errors, sessions: t.sessions, error_rate: t.errorRate})),
		model_performance: a.models.map((m) => ({
			model: m.model, provider: m.provider, sessions: m.sessions, total_cost: m.totalCost, avg_cost: m.avgCost,
			avg_duration_ns: ns(m.avgDurationMs), avg_tokens: m.avgTokens, completed_count: m.completed, success_rate: m.successRate,
		})),
		provider_breakdown: Object.fromEntries(a.providers.map((p) => [p.provider, p.sessions])),
		provider_shares: a.providers,
		cache: {input_tokens: a.cache.inputTokens, read_tokens: a.cache.readTokens, hit_rate: a.cache.hitRate, saved_usd: a.cache.savedUsd},
	};
}

/** Long-format CSV (section, key, metric, value): every figure of the report, one per row, easy to pivot. */
function analyticsCsv(a: AnalyticsModel): string {
	const rows: Array<[string, string, string, number | null]> = [
		['summary', 'all', 'sessions', a.sessions],
		['summary', 'all', 'avg_session_cost', a.avgCost],
		['summary', 'all', 'avg_duration_ns', ns(a.avgDurationMs)],
		['cache', 'all', 'hit_rate', a.cache.hitRate],
		['cache', 'all', 'saved_usd', a.cache.savedUsd],
	];
	for (const d of a.days) rows.push(['day', d.day, 'sessions', d.sessions], ['day', d.day, 'cost', d.cost], ['day', d.day, 'tokens', d.tokens]);
	a.heatmap.forEach((hours, wd) => hours.forEach((n, h) => rows.push(['hour_of_week', `${wd}-${h}`, 'sessions', n])));
	for (const b of a.durationBuckets) rows.push(['duration_bucket', b.label, 'sessions', b.count]);
	for (const b of a.costBuckets) rows.push(['cost_bucket', b.label, 'sessions', b.count]);
	for (const t of a.tools) rows.push(['tool', t.name, 'calls', t.calls], ['tool', t.name, 'sessions', t.sessions], ['tool', t.name, 'errors', t.errors]);
	for (const m of a.models) {
		rows.push(['model', m.model, 'sessions', m.sessions], ['model', m.model, 'total_cost', m.totalCost],
			['model', m.model, 'avg_duration_ns', ns(m.avgDurationMs)], ['model', m.model, 'avg_tokens', m.avgTokens],
			['model', m.model, 'success_rate', m.successRate]);
	}
	for (const p of a.providers) rows.push(['provider', p.provider, 'sessions', p.sessions]);
	return toCsv(['section', 'key', 'metric', 'value'], rows);
}

const change = (c: number | null) => (c === null ? '' : ` (${c >= 0 ? '▲' : '▼'}${Math.abs(c * 100).toFixed(0)}% vs previous)`);

function analyticsText(a: AnalyticsModel, ctx: ReportContext): string {
	const out: string[] = [];
	out.push(`${plural(a.sessions, 'session')} · ${formatCost(a.avgCost)} avg cost · ${formatDuration(a.avgDurationMs)} avg duration`, '');
	const active = a.days.filter((d) => d.sessions > 0);
	out.push(`activity: ${active.length} of ${a.days.length} days active (${a.timeZone})`);
	out.push(`  sessions ${a.series.sessions.total}${change(a.series.sessions.change)} · cost ${formatCost(a.series.cost.total)}${change(a.series.cost.change)}` +
		` · tokens ${formatTokens(a.series.tokens.total)}${change(a.series.tokens.change)}`);
	out.push(renderTable(active, [
		{header: 'day', cell: (d) => d.day},
		{header: 'sessions', align: 'right', cell: (d) => String(d.sessions)},
		{header: 'cost', align: 'right', cell: (d) => formatCost(d.cost)},
		{header: 'tokens', align: 'right', cell: (d) => formatTokens(d.tokens)},
	]), '');
	out.push(`duration: ${a.durationBuckets.map((b) => `${b.label} ${b.count}`).join(' · ')}${a.mostCommonDuration ? ` (most common: ${a.mostCommonDuration.label})` : ''}`);
	out.push(`cost: ${a.costBuckets.map((b) => `${b.label} ${b.count}`).join(' · ')}${a.mostCommonCost ? ` (most common: ${a.mostCommonCost.label})` : ''}`);
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
	out.push(`cache: ${(a.cache.hitRate * 100).toFixed(1)}% of input read from cache, saved ${formatCost(a.cache.savedUsd)}`);
	out.push(pricingLine(ctx.pricing));
	return out.join('\n') + '\n';
}

export function analyticsReport(ctx: ReportContext, format: 'table' | 'json' | 'csv'): string {
	const all = loadAnalytics(ctx.queries, ctx.pricing, ctx.filters, ctx.now, ctx.timeZone);
	const n = ctx.limit ?? null;
	const a = n === null ? all : {...all, tools: all.tools.slice(0, n), models: all.models.slice(0, n)};
	if (format === 'csv') return analyticsCsv(a);
	if (format === 'json') return toJson({...analyticsJson(a), pricing: pricingJson(ctx.pricing)}) + '\n';
	return analyticsText(a, ctx);
}
