// The human-readable session table with its totals line, filters and price provenance.
import type {SessionSummary} from '../core/types.js';
import type {OverviewTotals} from '../core/overview.js';
import {describeFilters} from '../core/filters.js';
import {formatCost, formatDuration, formatTokens} from '../core/format.js';
import {sanitizeLine} from '../core/sanitize.js';
import {renderTable, type Column} from './text-table.js';
import {localTime, type ReportContext} from './sessions-report.js';

function costCell(s: SessionSummary): string {
	if (s.totalCost === null) return 'unpriced';
	return s.costSource === 'partial' ? `${formatCost(s.totalCost)}+` : formatCost(s.totalCost);
}

export function sessionsTable(ctx: ReportContext, sessions: SessionSummary[], totals: OverviewTotals): string {
	const columns: Array<Column<SessionSummary>> = [
		{header: 'date', cell: (s) => localTime(s.startMs, ctx.timeZone)},
		{header: 'label', max: 40, cell: (s) => sanitizeLine(s.label)},
		{header: 'project', max: 18, cell: (s) => sanitizeLine(s.project) || '—'},
		{header: 'agent', max: 10, cell: (s) => sanitizeLine(s.agent) || '—'},
		{header: 'model', max: 22, cell: (s) => sanitizeLine(s.model) || '—'},
		{header: 'status', cell: (s) => s.status},
		{header: 'duration', align: 'right', cell: (s) => formatDuration(s.durationMs)},
		{header: 'msgs', align: 'right', cell: (s) => String(s.messageCount)},
		{header: 'tools', align: 'right', cell: (s) => String(s.toolCalls)},
		{header: 'tokens', align: 'right', cell: (s) => formatTokens(s.totalTokens)},
		{header: 'cost', align: 'right', cell: costCell},
		{header: 'id', cell: (s) => s.id.slice(0, 12)},
	];
	const t = totals;
	const lines = [renderTable(sessions, columns), ''];
	const unpriced = t.unpricedSessions ? ` (+${t.unpricedSessions} unpriced)` : '';
	lines.push(`${t.sessions} sessions · ${formatCost(t.totalCost)}${unpriced} · ${formatTokens(t.inputTokens)} in / ${formatTokens(t.outputTokens)} out · ` +
		`${formatDuration(t.durationMs)} agent time · ${t.toolCalls} tool calls · ${Math.round(t.successRate * 100)}% success`);
	const chips = describeFilters(ctx.filters);
	if (chips.length) lines.push(`filters: ${chips.join(' ')}`);
	lines.push(`prices: ${ctx.pricing.source}, verified ${ctx.pricing.verified}`);
	for (const w of ctx.warnings) lines.push(`warning: ${w.where}: ${w.message} (${w.count})`);
	return lines.join('\n') + '\n';
}
