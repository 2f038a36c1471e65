// What a crash leaves: one line for the restored terminal, and the stack appended to a log file, since an
// error nothing caught is a bug the user can report with it.
import fs from 'node:fs';
import {sanitizeLine} from '../core/sanitize.js';

/** Appends the error's stack to `logFile` and returns the line to print; the line alone if the file can't be written. */
export function crashReport(error: unknown, logFile: string, version: string): string {
	const message = error instanceof Error ? error.message : String(error);
	const first = `internal error: ${sanitizeLine(message.split('\n', 1)[0] ?? '')}`;
	try {
		const stack = error instanceof Error ? (error.stack ?? message) : message;
		fs.appendFileSync(logFile, `${new Date().toISOString()} tapedeck ${version}\n${stack}\n\n`);
		return `${first} (the details are in ${logFile}; please report it)`;
	} catch {
		return first;
	}
}
