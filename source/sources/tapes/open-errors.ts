// One-line, path-naming messages for everything that can go wrong opening or reading a tapes
// database. Users see these in the status bar or on stderr, so no stack traces and no driver jargon.
import Database from 'better-sqlite3';

/** Thrown by TapesSource methods when SQLite fails mid-read (busy, file replaced, disk error). */
export class TapesSourceError extends Error {
	override readonly name = 'TapesSourceError';
}

function firstLine(text: string): string {
	return text.split('\n', 1)[0] ?? text;
}

function describeSqliteError(path: string, err: InstanceType<typeof Database.SqliteError>): string {
	// Extended codes (SQLITE_BUSY_RECOVERY, SQLITE_IOERR_SHORT_READ…) share the base code's meaning.
	const code = err.code;
	if (code.startsWith('SQLITE_NOTADB')) return `${path}: file is not a database`;
	if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
		return `${path}: database is locked by another process (gave up after waiting); try again`;
	}
	if (code.startsWith('SQLITE_CORRUPT')) return `${path}: database file is corrupt (truncated or damaged)`;
	if (code.startsWith('SQLITE_CANTOPEN')) return `${path}: cannot open the database file`;
	if (code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_AUTH')) return `${path}: permission denied`;
	return `${path}: ${firstLine(err.message)} (${code})`;
}

function describeFsError(path: string, err: NodeJS.ErrnoException): string {
	switch (err.code) {
		case 'ENOENT':
			return `${path}: file not found`;
		case 'EACCES':
		case 'EPERM':
			return `${path}: permission denied`;
		case 'ENOTDIR':
			return `${path}: a parent of this path is not a directory`;
		default:
			return `${path}: ${firstLine(err.message)}`;
	}
}

/** Maps any error from fs or better-sqlite3 to one line that names the path. */
export function describeTapesError(path: string, err: unknown): string {
	if (err instanceof TapesSourceError) return err.message;
	if (err instanceof Database.SqliteError) return describeSqliteError(path, err);
	if (err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string') {
		return describeFsError(path, err as NodeJS.ErrnoException);
	}
	return `${path}: ${firstLine(err instanceof Error ? err.message : String(err))}`;
}

/** Runs a read, turning any failure into a TapesSourceError with a one-line message. */
export function guarded<T>(path: string, read: () => T): T {
	try {
		return read();
	} catch (err) {
		throw new TapesSourceError(describeTapesError(path, err));
	}
}
