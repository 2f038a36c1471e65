// What an error inside a screen says to the user: what went wrong, where, and what to do, in plain lines.
// The stack stays out: the panel is for the person at the terminal, and the message already names the
// file or the query that failed. Pure, so the words can be tested without drawing anything.
import {sanitizeLine} from '../sanitize.js';

export interface ScreenFailure {
	/** "Timeline stopped on an error". */
	title: string;
	/** The error's message, one sanitized line. */
	message: string;
	/** The file it concerns, when known: the error names it, or it came from the index. */
	where: string | null;
	/** What the user can do about it. */
	advice: string;
}

/** SQLite result codes that mean the file itself is damaged or not a database. */
const DAMAGED = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_INDEX']);
const BUSY = /^SQLITE_(BUSY|LOCKED)/;

function field(error: unknown, name: string): string | null {
	if (typeof error !== 'object' || error === null || !(name in error)) return null;
	const value = (error as Record<string, unknown>)[name];
	return typeof value === 'string' && value.length > 0 ? value : null;
}

function messageOf(error: unknown): string {
	const text = error instanceof Error ? error.message : typeof error === 'string' ? error : String(error);
	const first = sanitizeLine(text.split('\n')[0] ?? '').trim();
	return first || (error instanceof Error ? error.name : 'unknown error');
}

/**
 * Describes an error caught in a screen. A SQLite error that names no file comes from the index (the
 * explorer's queries read nothing else), so the index path is named for it.
 */
export function describeFailure(screen: string, error: unknown, indexPath: string | null): ScreenFailure {
	const code = field(error, 'code');
	const sqlite = code?.startsWith('SQLITE_') === true;
	const where = field(error, 'where') ?? field(error, 'path') ?? field(error, 'file') ?? (sqlite ? indexPath : null);
	const advice = !sqlite || !code ? 'Nothing was written. r tries the screen again; the other screens still work.'
		: DAMAGED.has(code) ? 'The index is damaged. Quit, delete it, and tapedeck rebuilds it from your sources (they are never written to).'
		: BUSY.test(code) ? 'Another process holds the index right now. r tries again.'
		// A missing table or column: the file was replaced or changed under the explorer.
		: 'The index changed under the explorer. r tries again; if that fails, quit and delete it, and tapedeck rebuilds it from your sources.';
	return {title: `${screen} stopped on an error`, message: messageOf(error), where: where === null ? null : sanitizeLine(where), advice};
}
