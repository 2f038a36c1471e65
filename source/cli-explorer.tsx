// The explorer at the CLI edge: the terminal (alternate screen, raw mode) handed to Ink and back, the
// first-run welcome, and R's hand-off to the agent. Loaded only when a bare `tapedeck` runs at a terminal.
import path from 'node:path';
import process from 'node:process';
import {spawnSync} from 'node:child_process';
import {crashReport} from './terminal/crash-report.js';
import {NOTHING_FOUND} from './workspace/discover-sources.js';
import type {Explorer, LaunchOptions} from './ui/launch.js';
import type {InsightsConfig} from './facets/insights-config.js';
import type {Insights} from './facets/start-worker.js';
import {osc52, type HandOff} from './core/hand-off.js';
import type {TerminalHandOff} from './ui/services/types.js';
import {stderrLine} from './cli-output.js';

const ALT_SCREEN_ON = '\u001b[?1049h\u001b[H';
// Cleared with the cursor home before leaving: tmux, after a resize, can otherwise carry the alternate
// screen's last lines into the restored one.
const ALT_SCREEN_OFF = '\u001b[2J\u001b[H\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';
// Mouse reporting: presses, releases and the wheel (1000), in SGR form (1006: any size of terminal, and a
// release that says where). No motion (1002/1003): nothing here follows a drag.
const MOUSE_ON = '\u001b[?1000h\u001b[?1006h';
const MOUSE_OFF = '\u001b[?1006l\u001b[?1000l';

export interface ExplorerTerminal {
	/** Turn mouse reporting on (wheel and clicks in the lists); false for --no-mouse. */
	mouse: boolean;
}

/**
 * The explorer owns the terminal (alternate screen, raw mode) until it exits. Every way out (q, Ctrl-C,
 * a signal, an uncaught error) leaves raw mode and the alternate screen before anything is printed.
 */
export async function runExplorer(ui: typeof import('./ui/launch.js'), options: Omit<LaunchOptions, 'stdin' | 'stdout'>, config: InsightsConfig, version: string, {mouse}: ExplorerTerminal = {mouse: true}): Promise<never> {
	const mouseOn = mouse ? MOUSE_ON : '';
	const mouseOff = mouse ? MOUSE_OFF : '';
	let explorer: Explorer | null = null;
	let restored = false;
	// Node prints its warnings (a listener leak, a deprecation) straight to stderr, which scrolled the frame
	// up by their lines: while the explorer owns the terminal they wait, and are printed once it is restored.
	const warnings: string[] = [];
	process.removeAllListeners('warning');
	process.on('warning', (w) => warnings.push(`${w.name}: ${w.message}`));
	const restore = () => {
		if (restored) return;
		restored = true;
		try {
			explorer?.instance.unmount();
		} catch {
			// Already unmounted, or React is what failed: the terminal still has to be restored.
		}
		if (process.stdin.isTTY) process.stdin.setRawMode(false);
		process.stdout.write(mouseOff + SHOW_CURSOR + ALT_SCREEN_OFF);
		for (const w of warnings) stderrLine(`tapedeck: node: ${w}`);
	};
	const die = (code: number, message?: string): never => {
		restore();
		if (message) stderrLine(`tapedeck: ${message}`);
		process.exit(code);
	};
	// A failure nothing caught is a bug: one line on the restored terminal, the stack in a file to report.
	const crash = (error: unknown): never => die(1, crashReport(error, path.join(path.dirname(options.ws.indexPath), 'crash.log'), version));
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
			// The pager or editor gets a terminal that reports no mouse unless it asks itself.
			process.stdout.write(mouseOff + SHOW_CURSOR + ALT_SCREEN_OFF);
			// The explorer's thread waits here; the sync thread carries on. Nothing reads stdin meanwhile.
			const ran = spawnSync(h.command, h.args, {stdio: 'inherit', ...(h.cwd ? {cwd: h.cwd} : {})});
			process.stdout.write(ALT_SCREEN_ON + mouseOn);
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
	process.stdout.write(ALT_SCREEN_ON + mouseOn);
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
export async function welcome(): Promise<boolean> {
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
