#!/usr/bin/env node
// The edge: flags → config → index → sync → report (or the explorer, in cli-explorer.tsx). With cli-output.ts
// and cli-explorer.tsx, the only files that exit.
import path from 'node:path';
import process from 'node:process';
import os from 'node:os';
import {parseCliArgs, type Flags} from './cli-args.js';
import {fail, facetsCommandEdge, packageVersion, stderrLine, writeOutput} from './cli-output.js';
import {resolveFilters} from './core/filters.js';
import {localZoneOfSystem} from './cli-zone.js';
import type {LocalZone} from './core/local-zone.js';
import {openWorkspace, type Workspace} from './workspace/open-workspace.js';
import {NOTHING_FOUND} from './workspace/discover-sources.js';
import {syncWorkspace} from './workspace/sync-workspace.js';
import {describeSqliteError, isSqliteError} from './store/open-index.js';
import {runCommand, COMMANDS, type Command} from './commands.js';
import {initialPeriod} from './core/screens/sessions-filters.js';
import {resolveInsightsConfig} from './facets/insights-config.js';
import {sanitizeLine} from './core/sanitize.js';

/** The index in use, once open: failures SQLite raises later are reported against it. */
let indexFile: string | null = null;

// A reader that stops early (`tapedeck sessions --json | head`) closes the pipe: that ends the report,
// quietly and successfully, as it does for other Unix tools. Any other write failure is one line.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(0);
	fail(`cannot write the output: ${error.message}`);
});

/** The zone, after saying on stderr why it is not the one TZ names (before the explorer owns the terminal). */
function noted({zone, warning}: LocalZone): string {
	if (warning) stderrLine(`tapedeck: ${warning}`);
	return zone;
}

async function main(): Promise<void> {
	const parsed = parseCliArgs(process.argv.slice(2));
	if (parsed.kind === 'error') fail(parsed.message);
	if (parsed.kind === 'help') {
		const {HELP} = await import('./cli-help.js');
		process.stdout.write(`${HELP.replace(/^\n+|\s+$/g, '').replace(/^/, '\n')}\n\n`);
		return;
	}
	if (parsed.kind === 'version') {
		process.stdout.write(`${await packageVersion()}\n`);
		return;
	}
	const [commandName = '', ...args] = parsed.input;
	if (commandName && !(COMMANDS as readonly string[]).includes(commandName)) {
		fail(`unknown command "${commandName}"; expected one of ${COMMANDS.join(', ')} (see --help)`);
	}
	const f: Flags = parsed.flags;
	if (f.limit !== undefined && !(Number.isInteger(f.limit) && f.limit > 0)) fail(`invalid --limit "${f.limit}": expected a whole number, 1 or more`);
	if ([f.json, f.csv, f.md].filter(Boolean).length > 1) fail('choose one of --json, --csv, --md');
	if (f.theme !== undefined && f.theme !== 'dark' && f.theme !== 'light') fail(`invalid --theme value "${f.theme}": expected dark or light`);
	// A day is the longest interval that makes sense while the explorer is open (setTimeout's limit is 24.8 days).
	if (!Number.isFinite(f.refresh) || f.refresh < 0 || f.refresh > 86_400) fail(`invalid --refresh "${f.refresh}": expected seconds from 0 to 86400 (a day)`);
	// --tz is checked now; without it, the zone (TZ's, else the system's) is worked out when first needed, so
	// reports that print no local time, such as `sessions --json`, never pay for Intl's start-up.
	let resolvedZone: string | undefined;
	const zone = () => (resolvedZone ??= f.tz ?? noted(localZoneOfSystem()));
	const now = Date.now();
	const filters = resolveFilters({...f, tz: f.tz ?? zone}, now);
	if (!filters.ok) fail(filters.error);
	const insights = resolveInsightsConfig(f, {env: process.env, home: os.homedir(), cwd: process.cwd()});
	if (!insights.ok) fail(insights.error);
	// A bare `tapedeck` on a terminal opens the explorer; the UI loads while the index opens, and report
	// commands never load React or Ink.
	const explore = !commandName && process.stdin.isTTY === true && process.stdout.isTTY === true && !f.json && !f.csv && !f.md;
	if (explore) {
		// Ink treats CI=… as "not a terminal" and would draw nothing until exit; both ends are terminals here.
		delete process.env['CI'];
		delete process.env['CONTINUOUS_INTEGRATION'];
		// React's development build renders several times slower and loads more code.
		process.env['NODE_ENV'] ??= 'production';
	}
	const ui = explore ? import('./ui/launch.js') : null;
	if (f.update) {
		if (commandName !== 'pricing') fail('--update goes with `tapedeck pricing`');
		const [{updatePriceCatalog}, {catalogDataFile}, {dataDir}] = await Promise.all([
			import('./config/price-catalog-update.js'), import('./config/price-catalog.js'), import('./config/paths.js')]);
		const updated = await updatePriceCatalog(catalogDataFile(dataDir(process.env, os.homedir())));
		if (!updated.ok) fail(updated.error);
		process.stdout.write(updated.value);
		return;
	}

	const open = (demo: boolean) => openWorkspace({
		sqlite: f.sqlite, index: f.index, demo, overwrite: f.overwrite, pricing: f.pricing, catalog: demo ? undefined : f.catalog,
		claude: f.claude, codex: f.codex, promptkit: f.promptkit, searchIndex: f.searchIndex,
		...(f.postgres !== undefined ? {postgres: f.postgres} : {}), ...(f.tapesApi !== undefined ? {tapesApi: f.tapesApi} : {}),
		...(f.user !== undefined ? {user: f.user} : {}),
		env: process.env, home: os.homedir(), cwd: process.cwd(), now: Date.now,
	});
	let opened = await open(f.demo);
	// A first run at a terminal with nothing to read: a welcome that says where it looked, and the demo.
	if (!opened.ok && ui && opened.error.startsWith(NOTHING_FOUND)) {
		if (!(await (await import('./cli-explorer.js')).welcome())) process.exit(1);
		opened = await open(true);
	}
	if (!opened.ok) fail(opened.error);
	const ws: Workspace = opened.value;
	indexFile = ws.indexPath;
	if (ui) {
		const [launch, {runExplorer}, version] = await Promise.all([ui, import('./cli-explorer.js'), packageVersion()]);
		return runExplorer(launch, {
			ws, filters: filters.value, period: initialPeriod(f), timeZone: zone(), refreshSec: f.refresh, theme: f.theme, env: process.env, home: os.homedir(),
			// The Timeline's `e` writes where the user is, unless told otherwise.
			exportDir: path.resolve(f.exportDir || process.cwd()),
		}, insights.value, version, {mouse: f.mouse});
	}
	for (const notice of ws.notices) stderrLine(notice);

	const showProgress = process.stderr.isTTY === true;
	const synced = await syncWorkspace(ws, showProgress ? (p) => {
		process.stderr.write(`\rsyncing ${sanitizeLine(p.source)}: ${p.read.toLocaleString('en-US')} / ${p.total.toLocaleString('en-US')} ${p.unit ?? 'rows'}`);
	} : undefined);
	if (showProgress && synced.summaries.some((s) => s.newMessages > 0)) process.stderr.write('\n');
	// Another process writing the index for longer than every retry waited (a long sync beside this one):
	// the report shows what the index held, committed, and says so.
	if (synced.indexError && synced.indexBusy) {
		stderrLine(`tapedeck: ${ws.indexPath}: another process is writing the index; this report shows what it held before, run again for the rest`);
	} else if (synced.indexError) {
		ws.close();
		fail(synced.indexError);
	}
	for (const error of synced.errors) if (error !== synced.indexError) stderrLine(`tapedeck: ${error}`);
	// Nothing read and nothing indexed from before: EXISTS, only when every source failed.
	if (synced.errors.length === ws.sources.length && !ws.queries.any({...filters.value, fromMs: null, toMs: null, model: '', status: '', project: '', agent: '', source: '', search: ''})) {
		ws.close();
		process.exit(1);
	}
	const warnings = synced.summaries.flatMap((s) => s.warnings);
	const format = f.json ? 'json' : f.csv ? 'csv' : f.md ? 'md' : 'table';
	const facets = commandName === 'facets' ? facetsCommandEdge(insights.value.notice, showProgress) : null;
	const result = await runCommand((commandName || 'sessions') as Command, args, {
		ws, synced, filters: filters.value, now, get timeZone() { return zone(); }, warnings, format, limit: f.limit ?? null,
		insights: insights.value, onFacetProgress: facets?.onProgress, signal: facets?.signal, search: {limit: f.limit, order: f.order},
	});
	facets?.done();
	if (!result.ok) {
		ws.close();
		fail(result.error);
	}
	for (const notice of result.notices ?? []) process.stderr.write(`tapedeck: ${notice}\n`);
	// Large reports are generated while they are written, so the index stays open until the last piece.
	await writeOutput(result.value, format === 'json');
	ws.close();
	if (result.exitCode) process.exit(result.exitCode);
}

main().catch((error: unknown) => {
	// The sources are closed by the time reports run, so a SQLite failure here is the index's.
	if (indexFile !== null && isSqliteError(error)) fail(describeSqliteError(indexFile, error));
	fail(error instanceof Error ? error.message : String(error));
});
