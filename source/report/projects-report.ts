// `tapedeck projects`: the project roll-up of the filtered sessions, as a table, JSON or CSV. Every figure is
// a sum over the rows `sessions --json` prints for the same flags (see core/project-rollup.ts).
import {toJson} from './json.js';
import {formatCost, formatDuration, formatTokens, plural} from '../core/format.js';
import {rollUpProjects, type ProjectRow} from '../core/project-rollup.js';
import {describeFilters} from '../core/filters.js';
import {sanitizeLine} from '../core/sanitize.js';
import {filtersJson, localTime, pricingJson, pricingLine, warningsJson, type ReportContext, type ReportFormat} from './sessions-report.js';
import {iso, ns} from './session-json.js';
import {renderTable, type Column} from './text-table.js';
import {toCsv} from './csv.js';

function rowJson(r: ProjectRow) {
	return {
		project: r.project, sessions: r.sessions, subagent_sessions: r.subagentSessions,
		total_cost_incl_subagents: r.totalCost, unpriced_sessions: r.unpricedSessions,
		input_tokens: r.inputTokens, output_tokens: r.outputTokens, total_tokens_incl_subagents: r.totalTokens,
		duration_ns: ns(r.durationMs), tool_calls: r.toolCalls, last_active: iso(r.lastActiveMs),
		completed: r.completed, failed: r.failed, success_rate: r.successRate,
	};
}

const CSV_HEADER = ['project', 'sessions', 'subagent_sessions', 'total_cost_incl_subagents', 'unpriced_sessions', 'input_tokens',
	'output_tokens', 'total_tokens_incl_subagents', 'duration_ns', 'tool_calls', 'last_active', 'completed', 'failed', 'success_rate'];

export function projectRows(ctx: ReportContext): ProjectRow[] {
	return rollUpProjects(ctx.queries.list(ctx.filters));
}

export function projectsReport(ctx: ReportContext, format: ReportFormat): string {
	const all = projectRows(ctx);
	const rows = ctx.limit ? all.slice(0, ctx.limit) : all;
	if (format === 'json') {
		return toJson({
			projects: rows.map(rowJson), total_projects: all.length,
			pricing: pricingJson(ctx.pricing), filters: filtersJson(ctx.filters), warnings: warningsJson(ctx.warnings),
		}) + '\n';
	}
	if (format === 'csv') return toCsv(CSV_HEADER, rows.map((r) => Object.values(rowJson(r))));
	const columns: Array<Column<ProjectRow>> = [
		{header: 'project', max: 40, cell: (r) => sanitizeLine(r.project) || '—'},
		{header: 'sessions', align: 'right', cell: (r) => String(r.sessions) + (r.subagentSessions ? ` +${r.subagentSessions}↳` : '')},
		{header: 'cost incl. subagents', align: 'right', cell: (r) => formatCost(r.totalCost) + (r.unpricedSessions ? ` (+${r.unpricedSessions} unpriced)` : '')},
		{header: 'tokens', align: 'right', cell: (r) => formatTokens(r.totalTokens)},
		{header: 'agent time', align: 'right', cell: (r) => formatDuration(r.durationMs)},
		{header: 'success', align: 'right', cell: (r) => `${Math.round(r.successRate * 100)}%`},
		{header: 'last active', cell: (r) => localTime(r.lastActiveMs, ctx.timeZone)},
	];
	const shown = rows.length < all.length ? ` (${rows.length} shown)` : '';
	const lines = [renderTable(rows, columns), '', `${plural(all.length, 'project')}${shown}`];
	const chips = describeFilters(ctx.filters);
	if (chips.length) lines.push(`filters: ${chips.join(' ')}`);
	lines.push(pricingLine(ctx.pricing));
	for (const w of ctx.warnings) lines.push(`warning: ${w.where}: ${w.message} (${w.count})`);
	return lines.join('\n') + '\n';
}
