// The human-readable session table with its totals line, filters and price provenance.
import {pricingLine} from './sessions-report.js';
import type {SessionSummary} from '../core/types.js';
import type {OverviewTotals} from '../core/overview.js';
import {describeFilters} from '../core/filters.js';
import {formatCost, formatDuration, formatTokens, plural} from '../core/format.js';
import {sanitizeLine} from '../core/sanitize.js';
import {renderTable, type Column} from './text-table.js';
import {localTime, type ReportContext} from './sessions-report.js';
import {costWithSubagents} from '../workspace/session-info.js';

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
	// Sessions with subagents get their "incl. subagents" cost next to their own; a subagent row is marked.
	const info = ctx.sessionInfo?.(sessions.map((s) => s.id));
	if (info && [...info.values()].some((i) => i.subagents)) {
		columns.splice(columns.length - 1, 0, {header: 'incl. subagents', align: 'right', cell: (s) => {
			const subs = info.get(s.id)?.subagents ?? null;
			if (!subs) return '';
			const total = costWithSubagents(s.totalCost, subs);
			return `${total === null ? 'unpriced' : formatCost(total)} (${subs.sessions})`;
		}});
	}
	columns[1] = {header: 'label', max: 40, cell: (s) => `${s.parentId ? '↳ ' : ''}${sanitizeLine(s.label)}`};
	const t = totals;
	const lines = [renderTable(sessions, columns), ''];
	const unpriced = t.unpricedSessions ? ` (+${t.unpricedSessions} unpriced)` : '';
	lines.push(`${plural(t.sessions, 'session')} · ${formatCost(t.totalCost)}${unpriced} · ${formatTokens(t.inputTokens)} in / ${formatTokens(t.outputTokens)} out · ` +
		`${formatDuration(t.durationMs)} agent time · ${t.toolCalls} tool calls · ${Math.round(t.successRate * 100)}% success`);
	const chips = describeFilters(ctx.filters);
	if (chips.length) lines.push(`filters: ${chips.join(' ')}`);
	lines.push(pricingLine(ctx.pricing));
	for (const w of ctx.warnings) lines.push(`warning: ${w.where}: ${w.message} (${w.count})`);
	return lines.join('\n') + '\n';
}
