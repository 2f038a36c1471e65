#!/usr/bin/env node
// The edge: flags → config → index → sync → report (or, later, the explorer). The only file that exits.
import process from 'node:process';
import os from 'node:os';
import meow from 'meow';
import {HELP} from './cli-help.js';
import {resolveFilters} from './core/filters.js';
import {openWorkspace, type Workspace} from './workspace/open-workspace.js';
import {syncWorkspace} from './workspace/sync-workspace.js';
import {runCommand, COMMANDS, type Command} from './commands.js';

const cli = meow(HELP, {
	importMeta: import.meta,
	flags: {
		sqlite: {type: 'string', shortFlag: 's'},
		demo: {type: 'boolean', shortFlag: 'm', default: false},
		overwrite: {type: 'boolean', shortFlag: 'f', default: false},
		index: {type: 'string'},
		pricing: {type: 'string'},
		since: {type: 'string'},
		from: {type: 'string'},
		to: {type: 'string'},
		tz: {type: 'string'},
		model: {type: 'string'},
		status: {type: 'string'},
		project: {type: 'string'},
		agent: {type: 'string'},
		source: {type: 'string'},
		search: {type: 'string'},
		sort: {type: 'string'},
		sortDir: {type: 'string'},
		json: {type: 'boolean', default: false},
		csv: {type: 'boolean', default: false},
		md: {type: 'boolean', default: false},
		refresh: {type: 'number', default: 10},
		theme: {type: 'string'},
	},
	allowUnknownFlags: false,
});

function fail(message: string): never {
	process.stderr.write(`tapedeck: ${message}\n`);
	process.exit(1);
}

async function main(): Promise<void> {
	const [commandName = '', ...args] = cli.input;
	if (commandName && !(COMMANDS as readonly string[]).includes(commandName)) {
		fail(`unknown command "${commandName}"; expected one of ${COMMANDS.join(', ')} (see --help)`);
	}
	const f = cli.flags;
	if ([f.json, f.csv, f.md].filter(Boolean).length > 1) fail('choose one of --json, --csv, --md');
	if (f.theme !== undefined && f.theme !== 'dark' && f.theme !== 'light') fail(`invalid --theme value "${f.theme}": expected dark or light`);
	if (!Number.isFinite(f.refresh) || f.refresh < 0) fail(`invalid --refresh "${f.refresh}": expected seconds, 0 or more`);
	const timeZone = f.tz ?? process.env['TZ'] ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
	const now = Date.now();
	const filters = resolveFilters({...f, tz: timeZone}, now);
	if (!filters.ok) fail(filters.error);

	const opened = openWorkspace({
		sqlite: f.sqlite, index: f.index, demo: f.demo, overwrite: f.overwrite, pricing: f.pricing,
		env: process.env, home: os.homedir(), cwd: process.cwd(), now: Date.now,
	});
	if (!opened.ok) fail(opened.error);
	const ws: Workspace = opened.value;
	for (const notice of ws.notices) process.stderr.write(`${notice}\n`);

	const showProgress = process.stderr.isTTY === true;
	const synced = await syncWorkspace(ws, showProgress ? (p) => {
		process.stderr.write(`\rsyncing ${p.source}: ${p.read.toLocaleString('en-US')} / ${p.total.toLocaleString('en-US')} rows`);
	} : undefined);
	if (showProgress && synced.summaries.some((s) => s.newMessages > 0)) process.stderr.write('\n');
	for (const error of synced.errors) process.stderr.write(`tapedeck: ${error}\n`);
	const anything = ws.queries.count({...filters.value, fromMs: null, toMs: null, model: '', status: '', project: '', agent: '', source: '', search: ''}) > 0;
	if (synced.errors.length === ws.sources.length && !anything) {
		ws.close();
		process.exit(1);
	}
	const warnings = synced.summaries.flatMap((s) => s.warnings);
	const format = f.json ? 'json' : f.csv ? 'csv' : f.md ? 'md' : 'table';
	const result = await runCommand((commandName || 'sessions') as Command, args, {
		ws, synced, filters: filters.value, now, timeZone, warnings, format,
	});
	ws.close();
	if (!result.ok) fail(result.error);
	process.stdout.write(result.value);
}

main().catch((error: unknown) => {
	fail(error instanceof Error ? error.message : String(error));
});
