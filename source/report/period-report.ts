// `tapedeck daily | weekly | monthly`: tokens and cost per calendar period in --tz, by each message's own
// time (as ccusage's reports of the same names), with the sessions that started in it.
import {toJson} from './json.js';
import {formatCost, formatTokens} from '../core/format.js';
import {usageByPeriod, type PeriodUsage, type UsagePeriod} from '../core/usage-periods.js';
import {filtersJson, pricingJson, pricingLine, warningsJson, type ReportContext, type ReportFormat} from './sessions-report.js';
import {renderTable, type Column} from './text-table.js';
import {toCsv} from './csv.js';

const KEY_NAME: Record<UsagePeriod, string> = {daily: 'date', weekly: 'week', monthly: 'month'};
const uncached = (r: PeriodUsage) => Math.max(0, r.input - r.cacheRead - r.cacheWrite);

export function periodRows(ctx: ReportContext, period: UsagePeriod): PeriodUsage[] {
	const {fromMs, toMs} = ctx.filters;
	// Sessions overlapping the window are selected; only their messages inside it count here.
	const buckets = ctx.queries.usageBuckets(ctx.filters).filter((b) => (fromMs === null || b.startMs >= fromMs) && (toMs === null || b.startMs < toMs));
	const starts = ctx.queries.list(ctx.filters).map((s) => s.startMs).filter((ms) => fromMs === null || ms >= fromMs);
	return usageByPeriod(buckets, starts, period, ctx.timeZone);
}

function rowJson(r: PeriodUsage, period: UsagePeriod) {
	return {
		[KEY_NAME[period]]: r.key, sessions: r.sessions, input_tokens: r.input, uncached_input_tokens: uncached(r), output_tokens: r.output,
		cache_write_tokens: r.cacheWrite, cache_read_tokens: r.cacheRead, total_tokens: r.input + r.output, cost: r.cost,
		unpriced_tokens: r.unpricedTokens, models: Object.keys(r.models),
		model_breakdown: Object.fromEntries(Object.entries(r.models).map(([m, s]) => [m, {total_tokens: s.tokens, cost: s.cost}])),
	};
}

function totalsOf(rows: readonly PeriodUsage[]) {
	const sum = (pick: (r: PeriodUsage) => number) => rows.reduce((a, r) => a + pick(r), 0);
	const input = sum((r) => r.input), output = sum((r) => r.output);
	return {sessions: sum((r) => r.sessions), input_tokens: input, uncached_input_tokens: sum(uncached), output_tokens: output,
		cache_write_tokens: sum((r) => r.cacheWrite), cache_read_tokens: sum((r) => r.cacheRead), total_tokens: input + output,
		cost: sum((r) => r.cost), unpriced_tokens: sum((r) => r.unpricedTokens)};
}

export function periodReport(ctx: ReportContext, period: UsagePeriod, format: ReportFormat): string {
	const rows = periodRows(ctx, period);
	const key = KEY_NAME[period];
	if (format === 'json') {
		return toJson({period, time_zone: ctx.timeZone, [period]: rows.map((r) => rowJson(r, period)), totals: totalsOf(rows),
			pricing: pricingJson(ctx.pricing), filters: filtersJson(ctx.filters), warnings: warningsJson(ctx.warnings)}) + '\n';
	}
	if (format === 'csv') {
		return toCsv([key, 'sessions', 'input_tokens', 'uncached_input_tokens', 'output_tokens', 'cache_write_tokens', 'cache_read_tokens', 'total_tokens', 'cost', 'unpriced_tokens', 'models'],
			rows.map((r) => [r.key, r.sessions, r.input, uncached(r), r.output, r.cacheWrite, r.cacheRead, r.input + r.output, r.cost, r.unpricedTokens, Object.keys(r.models).join(' ')]));
	}
	if (rows.length === 0) return `No usage for these filters (${ctx.timeZone}).\n`;
	const t = totalsOf(rows);
	const total: PeriodUsage = {key: 'Total', sessions: t.sessions, input: t.input_tokens, output: t.output_tokens, cacheRead: t.cache_read_tokens,
		cacheWrite: t.cache_write_tokens, cost: t.cost, unpricedTokens: t.unpriced_tokens, models: {}};
	const columns: Array<Column<PeriodUsage>> = [
		{header: key[0]!.toUpperCase() + key.slice(1), cell: (r) => r.key},
		{header: 'Sessions', align: 'right', cell: (r) => String(r.sessions)},
		{header: 'Input', align: 'right', cell: (r) => formatTokens(uncached(r))},
		{header: 'Output', align: 'right', cell: (r) => formatTokens(r.output)},
		{header: 'Cache write', align: 'right', cell: (r) => formatTokens(r.cacheWrite)},
		{header: 'Cache read', align: 'right', cell: (r) => formatTokens(r.cacheRead)},
		{header: 'Total', align: 'right', cell: (r) => formatTokens(r.input + r.output)},
		{header: 'Cost', align: 'right', cell: (r) => formatCost(r.cost) + (r.unpricedTokens > 0 ? '*' : '')},
		{header: 'Models', max: 48, cell: (r) => Object.keys(r.models).join(', ')},
	];
	const lines = [renderTable([...rows, total], columns),
		`${period} by each message's time in ${ctx.timeZone}; a session counts in the ${period === 'daily' ? 'day' : period === 'weekly' ? 'week (Monday first)' : 'month'} it starts in. Input is uncached input.`];
	if (t.unpriced_tokens > 0) lines.push(`* ${formatTokens(t.unpriced_tokens)} tokens on models without a price are left out of the cost`);
	lines.push(pricingLine(ctx.pricing));
	return lines.join('\n') + '\n';
}
