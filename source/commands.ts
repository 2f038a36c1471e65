// The non-interactive commands: each turns the workspace into text for stdout. Report modules load on
// demand, so a scripted `sessions --json` never pays for the table, Markdown or analytics code.
import type {Filters, Warning} from './core/types.js';
import type {Result} from './core/time.js';
import type {Workspace} from './workspace/open-workspace.js';
import type {WorkspaceSync} from './workspace/sync-workspace.js';
import type {ReportContext, ReportFormat} from './report/sessions-report.js';
import type {InsightsConfig} from './facets/insights-config.js';
import {EscapedJson} from './report/json.js';

export const COMMANDS = ['sessions', 'projects', 'show', 'search', 'analytics', 'daily', 'weekly', 'monthly', 'pricing', 'sync', 'facets', 'insights', 'sources'] as const;
export type Command = (typeof COMMANDS)[number];

export type OutputFormat = ReportFormat | 'md';

export interface CommandContext {
	ws: Workspace;
	synced: WorkspaceSync;
	filters: Filters;
	now: number;
	timeZone: string;
	warnings: Warning[];
	format: OutputFormat;
	/** --limit: rows of a report's lists (sessions, projects, analytics' tools and models, insights' summaries, sources). */
	limit?: number | null;
	/** facets: which extractor runs (from the --insights-* flags). */
	insights?: InsightsConfig;
	/** facets: receives the progress bar line while extracting. */
	onFacetProgress?: (line: string) => void;
	/** facets: stops the extraction (Ctrl-C); what is done so far is kept. */
	signal?: AbortSignal;
	/** search: --limit and --order as given. */
	search?: {limit?: number; order?: string};
}

function unsupported(command: string, format: OutputFormat, allowed: OutputFormat[]): Result<string> | null {
	return allowed.includes(format) ? null : {ok: false, error: `${command} does not support --${format}`};
}

/** A report: one string, or pieces to write one after another (large JSON). */
export type ReportOutput = string | Iterable<string> | EscapedJson;

/** A report, and the exit status it asks for (search: 1 when nothing matched, like grep). */
export type CommandResult = Result<ReportOutput> & {exitCode?: number; notices?: string[]};

export async function runCommand(command: Command, args: string[], ctx: CommandContext): Promise<CommandResult> {
	const report: ReportContext = {queries: ctx.ws.queries, pricing: ctx.ws.pricing, filters: ctx.filters, now: ctx.now, warnings: ctx.warnings,
		sessionInfo: ctx.ws.sessionInfo, limit: ctx.limit ?? null,
		// Read when a report prints a local time: the system's zone is looked up only then (cli.tsx).
		get timeZone() { return ctx.timeZone; }};
	switch (command) {
		case 'sessions': {
			const bad = unsupported(command, ctx.format, ['table', 'json', 'csv']);
			if (bad) return bad;
			const {sessionsJsonChunks, sessionsReport} = await import('./report/sessions-report.js');
			if (ctx.format === 'json') return {ok: true, value: new EscapedJson(sessionsJsonChunks(report))};
			const table = ctx.format === 'table' ? (await import('./report/sessions-table.js')).sessionsTable : undefined;
			return {ok: true, value: sessionsReport(report, ctx.format as 'table' | 'csv', table)};
		}
		case 'projects': {
			const bad = unsupported(command, ctx.format, ['table', 'json', 'csv']);
			if (bad) return bad;
			const {projectsReport} = await import('./report/projects-report.js');
			return {ok: true, value: projectsReport(report, ctx.format as ReportFormat)};
		}
		case 'show': {
			const id = args[0];
			if (!id) return {ok: false, error: 'show needs a session ID (see `tapedeck sessions`)'};
			const bad = unsupported(command, ctx.format, ['table', 'json', 'md', 'csv']);
			if (bad) return bad;
			const {showReport} = await import('./report/show-report.js');
			return showReport(ctx.ws, id, ctx.format, ctx.timeZone);
		}
		case 'search': {
			const bad = unsupported(command, ctx.format, ['table', 'json', 'csv']);
			if (bad) return bad;
			const {runSearch} = await import('./report/search-command.js');
			// JSON and CSV print UTC times: only the table loads its module and asks for the zone.
			const searchTable = ctx.format === 'table' ? (await import('./report/search-table.js')).searchTable : undefined;
			const table = searchTable && ((page: Parameters<typeof searchTable>[0]) => searchTable(page, ctx.timeZone));
			return runSearch(ctx.ws, args.join(' '), ctx.filters, {...ctx.search, format: ctx.format as 'table' | 'json' | 'csv', table});
		}
		case 'analytics': {
			const bad = unsupported(command, ctx.format, ['table', 'json', 'csv']);
			if (bad) return bad;
			const {analyticsReport} = await import('./report/analytics-report.js');
			return {ok: true, value: analyticsReport(report, ctx.format as ReportFormat)};
		}
		case 'daily':
		case 'weekly':
		case 'monthly': {
			const bad = unsupported(command, ctx.format, ['table', 'json', 'csv']);
			if (bad) return bad;
			const {periodReport} = await import('./report/period-report.js');
			return {ok: true, value: periodReport(report, command, ctx.format as ReportFormat)};
		}
		case 'pricing': {
			const bad = unsupported(command, ctx.format, ['table', 'json']);
			if (bad) return bad;
			const {pricingReport} = await import('./report/pricing-report.js');
			return pricingReport(ctx.ws.pricing, args[0] ?? '', ctx.ws.queries.modelNames(), ctx.format as 'table' | 'json');
		}
		case 'sync': {
			const bad = unsupported(command, ctx.format, ['table', 'json']);
			if (bad) return bad;
			const {syncReport} = await import('./report/sync-report.js');
			return {ok: true, value: syncReport(ctx.ws, ctx.synced, ctx.format as 'table' | 'json')};
		}
		case 'sources': {
			const bad = unsupported(command, ctx.format, ['table', 'json']);
			if (bad) return bad;
			const {sourcesReport} = await import('./report/sources-report.js');
			return {ok: true, value: sourcesReport(ctx.ws, ctx.format as 'table' | 'json', ctx.timeZone)};
		}
		case 'facets': {
			const bad = unsupported(command, ctx.format, ['table', 'json']);
			if (bad) return bad;
			if (!ctx.insights) return {ok: false, error: 'facets needs the insights configuration'};
			const {runFacetsCommand} = await import('./facets/facets-command.js');
			const run = await runFacetsCommand({
				ws: ctx.ws, filters: ctx.filters, config: ctx.insights, format: ctx.format as 'table' | 'json',
				onProgress: ctx.onFacetProgress, signal: ctx.signal,
			});
			return run.error ? {ok: false, error: run.error} : {ok: true, value: run.output};
		}
		case 'insights': {
			const bad = unsupported(command, ctx.format, ['table', 'json']);
			if (bad) return bad;
			const [{insightsAggregate}, {insightsReport}] = await Promise.all([import('./facets/index.js'), import('./report/insights-report.js')]);
			return {ok: true, value: insightsReport(insightsAggregate(ctx.ws, ctx.filters), ctx.format as 'table' | 'json', ctx.timeZone, ctx.limit ?? null)};
		}
		default: {
			const never: never = command;
			return {ok: false, error: `unknown command ${String(never)}`};
		}
	}
}
