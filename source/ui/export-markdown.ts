// `e` on the Timeline: the session as Markdown in a file. The text is the one `tapedeck show <id> --md`
// prints (report/session-markdown.ts); this module only picks the file name and writes it.
import fs from 'node:fs';
import path from 'node:path';
import type {Result} from '../core/time.js';
import {sanitize} from '../core/sanitize.js';

/** `<session id>.md`: unique per session, and short enough for the status bar to show the whole path. */
export function exportFileName(id: string): string {
	return `${id.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 64) || 'session'}.md`;
}

/** Writes one session's Markdown into `dir` (created when missing) and returns the file's path. Never throws. */
export function writeSessionMarkdown(sessionId: string, markdown: string, dir: string): Result<string> {
	const file = path.resolve(dir, exportFileName(sessionId));
	try {
		fs.mkdirSync(path.dirname(file), {recursive: true});
		// Write then rename, so a reader never sees half a file.
		const temp = `${file}.${process.pid}.tmp`;
		// The Markdown writer's own pass of the sanitizer: the file is read on a terminal (cat, less) too.
		fs.writeFileSync(temp, sanitize(markdown));
		fs.renameSync(temp, file);
		return {ok: true, value: file};
	} catch (err) {
		return {ok: false, error: `could not write ${file}: ${err instanceof Error ? err.message : String(err)}`};
	}
}
