// The non-interactive commands: each turns the workspace into text for stdout.
import type {Filters, Warning} from './core/types.js';
import type {Result} from './core/time.js';
import type {Workspace} from './workspace/open-workspace.js';
import type {WorkspaceSync} from './workspace/sync-workspace.js';
import {sessionsReport, type ReportFormat} from './report/sessions-report.js';
import {showReport} from './report/show-report.js';
import {analyticsReport} from './report/analytics-report.js';
import {syncReport} from './report/sync-report.js';

export const COMMANDS = ['sessions', 'show', 'analytics', 'sync'] as const;
export type Command = (typeof COMMANDS)[number];

export interface CommandContext {
	ws: Workspace;
	synced: WorkspaceSync;
	filters: Filters;
	now: number;
	timeZone: string;
	warnings: Warning[];
	format: ReportFormat | 'md';
}

function onlyFormats(command: string, format: CommandContext['format'], allowed: Array<CommandContext['format']>): string | null {
	return allowed.includes(format) ? null : `${command} does not support --${format}`;
}

export function runCommand(command: Command, args: string[], ctx: CommandContext): Result<string> {
	const report = {queries: ctx.ws.queries, pricing: ctx.ws.pricing, filters: ctx.filters, now: ctx.now, timeZone: ctx.timeZone, warnings: ctx.warnings};
	switch (command) {
		case 'sessions': {
			const bad = onlyFormats(command, ctx.format, ['table', 'json', 'csv']);
			return bad ? {ok: false, error: bad} : {ok: true, value: sessionsReport(report, ctx.format as ReportFormat)};
		}
		case 'show': {
			const id = args[0];
			if (!id) return {ok: false, error: 'show needs a session ID (see `tapedeck sessions`)'};
			const bad = onlyFormats(command, ctx.format, ['table', 'json', 'md', 'csv']);
			return bad ? {ok: false, error: bad} : showReport(ctx.ws, id, ctx.format, ctx.timeZone);
		}
		case 'analytics': {
			const bad = onlyFormats(command, ctx.format, ['table', 'json', 'csv']);
			return bad ? {ok: false, error: bad} : {ok: true, value: analyticsReport(report, ctx.format as 'table' | 'json' | 'csv')};
		}
		case 'sync': {
			const bad = onlyFormats(command, ctx.format, ['table', 'json']);
			return bad ? {ok: false, error: bad} : {ok: true, value: syncReport(ctx.ws, ctx.synced, ctx.format as 'table' | 'json')};
		}
		default: {
			const never: never = command;
			return {ok: false, error: `unknown command ${String(never)}`};
		}
	}
}
