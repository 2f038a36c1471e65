// `tapedeck sessions`: the filtered, sorted session list with its totals, as a table, JSON or CSV.
import {toJson} from './json.js';
import type {Filters, PricingTable, SessionSummary, Warning} from '../core/types.js';
import type {SessionJsonRow, SessionQueries} from '../store/session-queries.js';
import {pad2, zonedParts} from '../core/time.js';
import type {OverviewTotals} from '../core/overview.js';
import {toCsv} from './csv.js';
import {comparisonJson, iso, renderSessionJson, sessionJson, totalsJson} from './session-json.js';
import {transcriptJson, transcriptJsonText} from './transcript-json.js';
import type {SessionInfo, SessionInfoLookup} from '../workspace/session-info.js';

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


const JSON_CHUNK = 1000;

/**
 * About how much of the stored rows' JSON is written at once: pieces of a pipe's size leave the garbage
 * collector little to copy (20,000 rows of 2 KB written 1,000 at a time took a third longer, most of it
 * copying rows that were waiting to be written).
 */
const PIECE_CHARS = 32 * 1024;

/**
 * The JSON report in pieces, written as they are made: a list of 100,000 sessions is 100 MB of JSON, and
 * building it as one string spent most of the run in the garbage collector. Compact, because people read
 * it through jq anyway.
 */
export function* sessionsJsonChunks(ctx: ReportContext, prerendered = true): Generator<string> {
	const restoreCache = ctx.queries.readOnce();
	try {
		yield* jsonChunks(ctx, prerendered);
	} finally {
		restoreCache();
	}
}

function* jsonChunks(ctx: ReportContext, prerendered: boolean): Generator<string> {
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

/** The rows built here: what session_json (v8) holds, and what the pre-rendered rows must equal byte for byte. */
function* renderedRows(ctx: ReportContext, missing: Set<string>): Generator<string> {
	const sessions = ctx.queries.list(ctx.filters, 0, ctx.limit ?? -1);
	for (let i = 0; i < sessions.length; i += JSON_CHUNK) {
		const page = sessions.slice(i, i + JSON_CHUNK);
		const info = ctx.sessionInfo?.(page.map((s) => s.id)) ?? new Map<string, SessionInfo>();
		// Object.assign into the row's own object: a spread of two 20-field objects cost 14 µs a session.
		const text = toJson(page.map((s) => Object.assign(sessionJson(s), transcriptJson(s, info.get(s.id)),
			{parent_in_index: s.parentId === null ? null : !missing.has(s.parentId)})));
		yield (i === 0 ? '' : ',') + text.slice(1, -1);
	}
}

/**
 * The same rows from each session's stored JSON, closed by the fields that depend on other sessions
 * (transcript details, subagent totals, parent_in_index). A session without one is rendered here, before
 * the list is read, as the streamed list keeps the connection busy. The objects share no key, so `{a}` +
 * `{b}` joined at the brace is the JSON of the merged object.
 */
function* prerenderedRows(ctx: ReportContext, missing: Set<string>): Generator<string> {
	const limit = ctx.limit ?? -1;
	const renderMissing = () => new Map(ctx.queries.unrendered(ctx.filters).map((s) => [s.id, renderSessionJson(s)]));
	let unrendered = ctx.queries.allRendered() ? new Map<string, string>() : renderMissing();
	let parts: string[] = [];
	let chars = 0;
	let written = 0;
	let yielded = false;
	for (let pass = 1; ; pass++) {
		let gap = false;
		for (const r of ctx.queries.listJson(ctx.filters, written, limit < 0 ? -1 : limit - written)) {
			const [json, id, parentId, totalTokens, totalCost] = r;
			const own = json ?? unrendered.get(id);
			if (own === undefined) {
				gap = true;
				break;
			}
			const rest = transcriptJsonText({totalTokens, totalCost}, infoOf(r), parentId === null ? null : !missing.has(parentId));
			const row = `${own.slice(0, -1)},${rest.slice(1)}`;
			parts.push(row);
			chars += row.length;
			if (chars >= PIECE_CHARS) {
				yield (yielded ? ',' : '') + parts.join(',');
				yielded = true;
				parts = [];
				chars = 0;
			}
			written++;
		}
		if (!gap) break;
		// A session without stored JSON where the count said none (another process changed the index since):
		// read which now, and go on from that row, in the same order.
		if (pass === 3) throw new Error('the index kept changing while the report was read; run it again');
		unrendered = renderMissing();
	}
	if (parts.length > 0) yield (yielded ? ',' : '') + parts.join(',');
}

/** What session-info.ts would say of the row, from the columns listJson joined. */
function infoOf(r: SessionJsonRow): SessionInfo | undefined {
	const [, , , , , cwd, gitBranch, sessions, inputTokens, outputTokens, totalTokens, totalCost, unpricedSessions] = r;
	const subagents = sessions === null ? null : {sessions, inputTokens: inputTokens!, outputTokens: outputTokens!, totalTokens: totalTokens!, totalCost, unpricedSessions: unpricedSessions!};
	return cwd === null && subagents === null ? undefined : {cwd: cwd ?? '', gitBranch: gitBranch ?? '', subagents};
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
