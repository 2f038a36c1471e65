#!/usr/bin/env node
// The edge: flags → config → index → sync → report (or, later, the explorer). The only file that exits.
import path from 'node:path';
import process from 'node:process';
import os from 'node:os';
import meow from 'meow';
import {HELP} from './cli-help.js';
import {FLAGS} from './cli-flags.js';
import {crashReport} from './terminal/crash-report.js';
import {resolveFilters} from './core/filters.js';
import {openWorkspace, type Workspace} from './workspace/open-workspace.js';
import {NOTHING_FOUND} from './workspace/discover-sources.js';
import {syncWorkspace} from './workspace/sync-workspace.js';
import {describeSqliteError, isSqliteError} from './store/open-index.js';
import {runCommand, COMMANDS, type Command} from './commands.js';
import {initialPeriod} from './core/screens/sessions-filters.js';
import type {Explorer, LaunchOptions} from './ui/launch.js';
import {resolveInsightsConfig, type InsightsConfig} from './facets/insights-config.js';
import type {Insights} from './facets/start-worker.js';
import {spawnSync} from 'node:child_process';
import {osc52, type HandOff} from './core/hand-off.js';
import type {TerminalHandOff} from './ui/services/types.js';

import {sanitize, sanitizeLine} from './core/sanitize.js';
import {escapeJsonText} from './report/json.js';


const cli = meow(HELP, {
	importMeta: import.meta,
	// The manual opens with its own summary; meow would print package.json's description above it too.
	description: false,
	flags: FLAGS,
	// Unknown flags are refused below, with one line that points to --help and the documented status.
	allowUnknownFlags: true,
});

/** Every flag the manual names, long and short. */
const KNOWN_FLAGS = new Set<string>(['help', 'version', ...Object.entries(FLAGS).flatMap(([name, spec]) => [name, ...('shortFlag' in spec ? [spec.shortFlag] : [])])]);

/** meow reads an absent boolean as false; absent must mean "as it was", so the flag is looked up as written. */
function searchIndexFlag(): boolean | undefined {
	const given = process.argv.slice(2).filter((a) => a === '--search-index' || a === '--no-search-index');
	return given.length ? given[given.length - 1] === '--search-index' : undefined;
}

/** The index in use, once open: failures SQLite raises later are reported against it. */
let indexFile: string | null = null;

/**
 * Every line for stderr: sources, LLM endpoints and file names can put control sequences into a message,
 * so the line passes the sanitizer here, whatever built it.
 */
function stderrLine(text: string): void {
	process.stderr.write(`${sanitize(text)}\n`);
}

function fail(message: string): never {
	stderrLine(`tapedeck: ${message}`);
	process.exit(1);
}

// A reader that stops early (`tapedeck sessions --json | head`) closes the pipe: that ends the report,
// quietly and successfully, as it does for other Unix tools. Any other write failure is one line.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(0);
	fail(`cannot write the output: ${error.message}`);
});

async function main(): Promise<void> {
	const [commandName = '', ...args] = cli.input;
	if (commandName && !(COMMANDS as readonly string[]).includes(commandName)) {
		fail(`unknown command "${commandName}"; expected one of ${COMMANDS.join(', ')} (see --help)`);
	}
	const f = cli.flags;
	const unknown = Object.keys(cli.unnormalizedFlags).filter((k) => !KNOWN_FLAGS.has(k) && !KNOWN_FLAGS.has(k.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())));
	if (unknown.length) fail(`unknown flag ${unknown.map((k) => (k.length === 1 ? `-${k}` : `--${k}`)).join(', ')} (see tapedeck --help)`);
	if (f.limit !== undefined && !(Number.isInteger(f.limit) && f.limit > 0)) fail(`invalid --limit "${f.limit}": expected a whole number, 1 or more`);
	if ([f.json, f.csv, f.md].filter(Boolean).length > 1) fail('choose one of --json, --csv, --md');
	if (f.theme !== undefined && f.theme !== 'dark' && f.theme !== 'light') fail(`invalid --theme value "${f.theme}": expected dark or light`);
	// A day is the longest interval that makes sense while the explorer is open (setTimeout's limit is 24.8 days).
	if (!Number.isFinite(f.refresh) || f.refresh < 0 || f.refresh > 86_400) fail(`invalid --refresh "${f.refresh}": expected seconds from 0 to 86400 (a day)`);
	const timeZone = f.tz ?? process.env['TZ'] ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
	const now = Date.now();
	const filters = resolveFilters({...f, tz: timeZone}, now);
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
		claude: f.claude, codex: f.codex, promptkit: f.promptkit, searchIndex: searchIndexFlag(),
		...(f.postgres !== undefined ? {postgres: f.postgres} : {}), ...(f.tapesApi !== undefined ? {tapesApi: f.tapesApi} : {}),
		...(f.user !== undefined ? {user: f.user} : {}),
		env: process.env, home: os.homedir(), cwd: process.cwd(), now: Date.now,
	});
	let opened = open(f.demo);
	// A first run at a terminal with nothing to read: a welcome that says where it looked, and the demo.
	if (!opened.ok && ui && opened.error.startsWith(NOTHING_FOUND)) {
		if (!(await welcome())) process.exit(1);
		opened = open(true);
	}
	if (!opened.ok) fail(opened.error);
	const ws: Workspace = opened.value;
	indexFile = ws.indexPath;
	if (ui) {
		return runExplorer(await ui, {
			ws, filters: filters.value, period: initialPeriod(f), timeZone, refreshSec: f.refresh, theme: f.theme, env: process.env, home: os.homedir(),
			// The Timeline's `e` writes where the user is, unless told otherwise.
			exportDir: path.resolve(f.exportDir || process.cwd()),
		}, insights.value);
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
	const anything = ws.queries.count({...filters.value, fromMs: null, toMs: null, model: '', status: '', project: '', agent: '', source: '', search: ''}) > 0;
	if (synced.errors.length === ws.sources.length && !anything) {
		ws.close();
		process.exit(1);
	}
	const warnings = synced.summaries.flatMap((s) => s.warnings);
	const format = f.json ? 'json' : f.csv ? 'csv' : f.md ? 'md' : 'table';
	const facets = commandName === 'facets' ? facetsCommandEdge(insights.value.notice, showProgress) : null;
	const result = await runCommand((commandName || 'sessions') as Command, args, {
		ws, synced, filters: filters.value, now, timeZone, warnings, format, limit: f.limit ?? null,
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

/**
 * `tapedeck facets` at the terminal: the notice about which extractor runs, a progress bar redrawn in
 * place on stderr, and Ctrl-C that stops the extraction gracefully (the summary still prints) while a
 * second Ctrl-C exits at once.
 */
function facetsCommandEdge(notice: string | null, showProgress: boolean) {
	if (notice) stderrLine(`tapedeck: ${notice}`);
	const controller = new AbortController();
	const onSigint = () => {
		if (controller.signal.aborted) process.exit(130);
		controller.abort();
	};
	process.on('SIGINT', onSigint);
	let drawn = false;
	return {
		signal: controller.signal,
		onProgress: showProgress ? (line: string) => {
			drawn = true;
			process.stderr.write(`\r${sanitizeLine(line)}\u001b[K`);
		} : undefined,
		done: () => {
			process.off('SIGINT', onSigint);
			if (drawn) process.stderr.write('\n');
		},
	};
}

const ALT_SCREEN_ON = '\u001b[?1049h\u001b[H';
// Cleared with the cursor home before leaving: tmux, after a resize, can otherwise carry the alternate
// screen's last lines into the restored one.
const ALT_SCREEN_OFF = '\u001b[2J\u001b[H\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';

/**
 * The explorer owns the terminal (alternate screen, raw mode) until it exits. Every way out (q, Ctrl-C,
 * a signal, an uncaught error) leaves raw mode and the alternate screen before anything is printed.
 */
async function runExplorer(ui: typeof import('./ui/launch.js'), options: Omit<LaunchOptions, 'stdin' | 'stdout'>, config: InsightsConfig): Promise<never> {
	let explorer: Explorer | null = null;
	let restored = false;
	const restore = () => {
		if (restored) return;
		restored = true;
		try {
			explorer?.instance.unmount();
		} catch {
			// Already unmounted, or React is what failed: the terminal still has to be restored.
		}
		if (process.stdin.isTTY) process.stdin.setRawMode(false);
		process.stdout.write(SHOW_CURSOR + ALT_SCREEN_OFF);
	};
	const die = (code: number, message?: string): never => {
		restore();
		if (message) stderrLine(`tapedeck: ${message}`);
		process.exit(code);
	};
	// A failure nothing caught is a bug: one line on the restored terminal, the stack in a file to report.
	const crash = (error: unknown): never => die(1, crashReport(error, path.join(path.dirname(options.ws.indexPath), 'crash.log'), cli.pkg.version ?? ''));
	process.on('exit', restore);
	process.on('uncaughtException', crash);
	process.on('unhandledRejection', crash);
	for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) process.on(signal, () => die(code));

	// R hands the terminal to the agent for good; o and v lend it to a pager or editor and take it back.
	let leaving: HandOff | null = null;
	const terminal: TerminalHandOff = {
		copy: (text) => void process.stdout.write(osc52(text, (t) => Buffer.from(t, 'utf8').toString('base64'))),
		leave: (h) => {
			leaving = h;
			explorer?.instance.unmount();
		},
		run: (h) => {
			if (process.stdin.isTTY) process.stdin.setRawMode(false);
			process.stdout.write(SHOW_CURSOR + ALT_SCREEN_OFF);
			// The explorer's thread waits here; the sync thread carries on. Nothing reads stdin meanwhile.
			const ran = spawnSync(h.command, h.args, {stdio: 'inherit', ...(h.cwd ? {cwd: h.cwd} : {})});
			process.stdout.write(ALT_SCREEN_ON);
			if (process.stdin.isTTY) process.stdin.setRawMode(true);
			// The next frame is drawn whole onto the fresh screen.
			explorer?.instance.clear();
			return ran.error ? {ok: false, error: `${h.command}: ${ran.error.message}`} : {ok: true};
		},
	};
	// The facet worker reports only through its stores (the status bar and the Insights screen); its notice
	// (say, why the heuristic runs) goes to the status bar too. It rescans after every sync that wrote.
	let insights: Promise<Insights | null> | null = null;
	let worker: Insights['worker'] = null;
	process.stdout.write(ALT_SCREEN_ON);
	// Raw before the first frame: keys typed while the explorer loads wait unechoed for the key hub.
	if (process.stdin.isTTY) process.stdin.setRawMode(true);
	try {
		explorer = ui.launchExplorer({...options, notices: config.notice ? [config.notice] : [], onSynced: () => worker?.rescan(), syncThread: true, terminal});
		// Started after the first frame: the SDK (if any) loads while the screen is already up.
		const launched = explorer;
		insights = import('./facets/start-worker.js').then(({startInsights}) => startInsights(options.ws, config)).then((started) => {
			worker = started.worker;
			launched.attachInsights(started);
			return started;
		}, () => null);
		await launched.instance.waitUntilExit();
	} catch (error) {
		crash(error);
	}
	// The terminal comes back at once; in-flight extractions are aborted and the sync stopped after.
	restore();
	const stopped = (async () => {
		await (await insights)?.worker?.stop();
		await explorer?.stop();
	})();
	// A call that ignores its abort must not hold the exit; the index is WAL, so exiting with it open is safe.
	const finished = await Promise.race([stopped.then(() => true), new Promise<false>((resolve) => setTimeout(resolve, 3000, false).unref())]);
	if (finished) options.ws.close();
	if (leaving) resumeInAgent(leaving);
	process.exit(0);
}

function wrapWords(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		if (line && line.length + 1 + word.length > width) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	return [...lines, line];
}

/** Asks, on a terminal with no source found, whether to open the demo; true for Enter, d or y. */
async function welcome(): Promise<boolean> {
	// "could not find tapes SQLite database; pass --sqlite, and found no Claude Code (…) transcripts; pass …"
	const where = NOTHING_FOUND.slice(0, NOTHING_FOUND.lastIndexOf('; pass')).replace('; pass --sqlite,', ',').replace(/^could not find/, 'It found no');
	process.stdout.write([
		'', '  Welcome to tapedeck: where the money, tokens and time of your agent sessions went.', '',
		...wrapWords(`${where}.`, Math.max(40, (process.stdout.columns ?? 80) - 4)).map((l) => `  ${l}`), '  Name a source with --sqlite, --claude, --codex or --promptkit (see tapedeck --help),',
		'  or look around with the built-in demo.', '', '  Enter opens the demo · q quits', '',
	].join('\n'));
	process.stdin.setRawMode(true);
	const key = await new Promise<string>((resolve) => process.stdin.once('data', (d) => resolve(d.toString('utf8'))));
	process.stdin.setRawMode(false);
	process.stdin.pause();
	return key === '\r' || key === '\n' || key === 'd' || key === 'y';
}

/** The agent runs in the explorer's place, on the restored terminal; tapedeck ends with its status. */
function resumeInAgent(h: HandOff): never {
	process.stderr.write(`tapedeck: ${[h.command, ...h.args].join(' ')}${h.cwd ? ` (in ${h.cwd})` : ''}\n`);
	const ran = spawnSync(h.command, h.args, {stdio: 'inherit', ...(h.cwd ? {cwd: h.cwd} : {})});
	if (ran.error) {
		const missing = (ran.error as NodeJS.ErrnoException).code === 'ENOENT';
		process.stderr.write(`tapedeck: ${missing ? `${h.command} is not on PATH` : `${h.command}: ${ran.error.message}`}\n`);
		process.exit(127);
	}
	process.exit(ran.status ?? 1);
}

/**
 * Writes a report, waiting for the pipe to drain between pieces so a large one never piles up in memory.
 * This is stdout's one writer: text passes the sanitizer and JSON the JSON writer's escaping, whichever
 * report built it (both leave text that was already clean as it is).
 */
async function writeOutput(output: string | Iterable<string>, json: boolean): Promise<void> {
	for (const piece of typeof output === 'string' ? [output] : output) {
		const safe = json ? escapeJsonText(piece) : sanitize(piece);
		if (!process.stdout.write(safe)) await new Promise((resolve) => process.stdout.once('drain', resolve));
	}
}

main().catch((error: unknown) => {
	// The sources are closed by the time reports run, so a SQLite failure here is the index's.
	if (indexFile !== null && isSqliteError(error)) fail(describeSqliteError(indexFile, error));
	fail(error instanceof Error ? error.message : String(error));
});
