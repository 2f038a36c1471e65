// `tapedeck sessions`: the filtered, sorted session list with its totals, as a table, JSON or CSV.
import {toJson} from './json.js';
import type {Filters, PricingTable, SessionSummary, Warning} from '../core/types.js';
import type {SessionQueries} from '../store/session-queries.js';
import {pad2, zonedParts} from '../core/time.js';
import type {OverviewTotals} from '../core/overview.js';
import {toCsv} from './csv.js';
import {comparisonJson, iso, sessionJson, totalsJson} from './session-json.js';
import {prerenderedRows, renderedRows} from './sessions-json-rows.js';
import type {SessionInfoLookup} from '../workspace/session-info.js';

export type ReportFormat = 'table' | 'json' | 'csv';

export type SessionsTable = (ctx: ReportContext, sessions: SessionSummary[], totals: OverviewTotals) => string;

export interface ReportContext {
	queries: SessionQueries;
	pricing: PricingTable;
	filters: Filters;
	now: number;
	timeZone: string;
	warnings: Warning[];
	/** --limit: at most this many rows in a report's lists (its totals still count every match). */
	limit?: number | null;
	/** cwd, git branch and subagent totals from transcript sources (absent: none shown). */
	sessionInfo?: SessionInfoLookup;
}

export function localTime(ms: number, timeZone: string): string {
	const p = zonedParts(ms, timeZone);
	return `${p.year}-${pad2(p.month)}-${pad2(p.day)} ${pad2(p.hour)}:${pad2(p.minute)}`;
}

export function filtersJson(f: Filters) {
	return {
		from: f.fromMs === null ? null : iso(f.fromMs),
		to: f.toMs === null ? null : iso(f.toMs),
		model: f.model || null,
		status: f.status || null,
		project: f.project || null,
		agent: f.agent || null,
		source: f.source || null,
		search: f.search || null,
		sort: f.sort,
		sort_dir: f.sortDir,
	};
}

export function pricingJson(p: PricingTable) {
	return {source: p.source, verified: p.verified, catalog: p.catalog?.source ?? null};
}

/** The prices line under the text reports: the tables, then the catalog under them. */
export function pricingLine(p: PricingTable): string {
	return `prices: ${p.source}, verified ${p.verified}${p.catalog ? `; then ${p.catalog.source}` : ''}`;
}

export function warningsJson(ws: Warning[]) {
	return ws.map((w) => ({where: w.where, message: w.message, count: w.count}));
}

const CSV_HEADER = ['id', 'start_time', 'label', 'project', 'agent_name', 'model', 'status', 'duration_ns', 'message_count',
	'tool_calls', 'input_tokens', 'output_tokens', 'total_tokens', 'total_cost', 'cost_source', 'source'];


/**
 * The JSON report in pieces, written as they are made: a list of 100,000 sessions is 100 MB of JSON, and
 * building it as one string spent most of the run in the garbage collector. Compact, because people read
 * it through jq anyway.
 */
export function* sessionsJsonChunks(ctx: ReportContext, prerendered = true): Generator<string | Buffer> {
	const restoreCache = ctx.queries.readOnce(true);
	try {
		yield* jsonChunks(ctx, prerendered);
	} finally {
		restoreCache();
	}
}

function* jsonChunks(ctx: ReportContext, prerendered: boolean): Generator<string | Buffer> {
	const overview = ctx.queries.overview(ctx.filters, ctx.now);
	const rest = toJson({
		...totalsJson(overview.totals),
		// Keyed by model, as the reference's JSON has it.
		cost_by_model: Object.fromEntries(ctx.queries.costByModel(ctx.filters).map((m) => [m.model, {
			model: m.model, session_count: m.sessions, input_tokens: m.inputTokens, output_tokens: m.outputTokens, total_cost: m.cost,
			cache_read_tokens: m.cacheReadTokens, cache_write_tokens: m.cacheWriteTokens,
		}])),
		previous_period: overview.previous ? {...totalsJson(overview.previous), change: comparisonJson(overview.comparison!)} : null,
		pricing: pricingJson(ctx.pricing),
		filters: filtersJson(ctx.filters),
		warnings: warningsJson(ctx.warnings),
	});
	// A subagent whose parent has no messages here (its file is gone or empty) says so: parent_in_index false.
	const missing = new Set(ctx.queries.parentsNotIndexed());
	yield '{"sessions":[';
	yield* prerendered ? prerenderedRows(ctx, missing) : renderedRows(ctx, missing);
	yield `],${rest.slice(1)}\n`;
}

/** CSV and the table; the table lives in sessions-table.ts so scripted runs never load the width tables. */
export function sessionsReport(ctx: ReportContext, format: Exclude<ReportFormat, 'json'>, sessionsTable?: SessionsTable): string {
	const sessions = ctx.queries.list(ctx.filters, 0, ctx.limit ?? -1);
	const overview = ctx.queries.overview(ctx.filters, ctx.now);
	if (format === 'csv') {
		return toCsv(CSV_HEADER, sessions.map((s) => {
			const j = sessionJson(s);
			return [j.id, j.start_time, j.label, j.project, j.agent_name, j.model, j.status, j.duration_ns, j.message_count,
				j.tool_calls, j.input_tokens, j.output_tokens, j.total_tokens, j.total_cost, j.cost_source, j.source];
		}));
	}
	if (!sessionsTable) throw new Error('the table format needs sessions-table.js');
	return sessionsTable(ctx, sessions, overview.totals);
}
