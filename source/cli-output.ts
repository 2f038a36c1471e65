// The CLI edge's writers: stderr lines, the one-line failure, the report writer and the facets progress.
// With cli.tsx and cli-explorer.tsx, the only files that write to the terminal or exit.
import process from 'node:process';
import {sanitize, sanitizeLine} from './core/sanitize.js';
import {EscapedJson, escapeJsonText} from './report/json.js';
import {programFile} from './program-files.js';

/**
 * Every line for stderr: sources, LLM endpoints and file names can put control sequences into a message,
 * so the line passes the sanitizer here, whatever built it.
 */
export function stderrLine(text: string): void {
	process.stderr.write(`${sanitize(text)}\n`);
}

export function fail(message: string): never {
	stderrLine(`tapedeck: ${message}`);
	process.exit(1);
}

/** The version in package.json (the manual's --version, crash reports); read only when asked. */
export async function packageVersion(): Promise<string> {
	const fs = await import('node:fs');
	try {
		return (JSON.parse(fs.readFileSync(programFile('../package.json'), 'utf8')) as {version?: string}).version ?? '';
	} catch {
		return '';
	}
}

/**
 * Writes a report, waiting for the pipe to drain between pieces so a large one never piles up in memory.
 * This is stdout's one writer: text passes the sanitizer and JSON the JSON writer's escaping, whichever
 * report built it (both leave text that was already clean as it is), except JSON the JSON writer marked as
 * its own (`EscapedJson`).
 */
export async function writeOutput(output: string | Iterable<string> | EscapedJson, json: boolean): Promise<void> {
	const escaped = output instanceof EscapedJson;
	for (const piece of typeof output === 'string' ? [output] : output) {
		// Bytes come only from EscapedJson, which the JSON writer made.
		const safe = typeof piece !== 'string' || escaped ? piece : json ? escapeJsonText(piece) : sanitize(piece);
		if (!process.stdout.write(safe)) await new Promise((resolve) => process.stdout.once('drain', resolve));
	}
}

/**
 * `tapedeck facets` at the terminal: the notice about which extractor runs, a progress bar redrawn in
 * place on stderr, and Ctrl-C that stops the extraction gracefully (the summary still prints) while a
 * second Ctrl-C exits at once.
 */
export function facetsCommandEdge(notice: string | null, showProgress: boolean) {
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
