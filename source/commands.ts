// The non-interactive commands: each turns the workspace into text for stdout. Report modules load on
// demand, so a scripted `sessions --json` never pays for the table, Markdown or analytics code.
import type {Filters, Warning} from './core/types.js';
import type {Result} from './core/time.js';
import type {Workspace} from './workspace/open-workspace.js';
import type {WorkspaceSync} from './workspace/sync-workspace.js';
import type {ReportContext, ReportFormat} from './report/sessions-report.js';

export const COMMANDS = ['sessions', 'show', 'analytics', 'sync'] as const;
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
}

function unsupported(command: string, format: OutputFormat, allowed: OutputFormat[]): Result<string> | null {
	return allowed.includes(format) ? null : {ok: false, error: `${command} does not support --${format}`};
}

export async function runCommand(command: Command, args: string[], ctx: CommandContext): Promise<Result<string>> {
	const report: ReportContext = {queries: ctx.ws.queries, pricing: ctx.ws.pricing, filters: ctx.filters, now: ctx.now, timeZone: ctx.timeZone, warnings: ctx.warnings};
	switch (command) {
		case 'sessions': {
			const bad = unsupported(command, ctx.format, ['table', 'json', 'csv']);
			if (bad) return bad;
			const {sessionsReport} = await import('./report/sessions-report.js');
			const table = ctx.format === 'table' ? (await import('./report/sessions-table.js')).sessionsTable : undefined;
			return {ok: true, value: sessionsReport(report, ctx.format as ReportFormat, table)};
		}
		case 'show': {
			const id = args[0];
			if (!id) return {ok: false, error: 'show needs a session ID (see `tapedeck sessions`)'};
			const bad = unsupported(command, ctx.format, ['table', 'json', 'md', 'csv']);
			if (bad) return bad;
			const {showReport} = await import('./report/show-report.js');
			return showReport(ctx.ws, id, ctx.format, ctx.timeZone);
		}
		case 'analytics': {
			const bad = unsupported(command, ctx.format, ['table', 'json', 'csv']);
			if (bad) return bad;
			const {analyticsReport} = await import('./report/analytics-report.js');
			return {ok: true, value: analyticsReport(report, ctx.format as ReportFormat)};
		}
		case 'sync': {
			const bad = unsupported(command, ctx.format, ['table', 'json']);
			if (bad) return bad;
			const {syncReport} = await import('./report/sync-report.js');
			return {ok: true, value: syncReport(ctx.ws, ctx.synced, ctx.format as 'table' | 'json')};
		}
		default: {
			const never: never = command;
			return {ok: false, error: `unknown command ${String(never)}`};
		}
	}
}
