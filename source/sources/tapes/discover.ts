// Where the tapes database is, per the reference's ResolveSQLitePath (CLI step 5).
import path from 'node:path';

export interface TapesPathOptions {
	/** --sqlite as given; used as is, existing or not. */
	flag?: string;
	env: Record<string, string | undefined>;
	home: string;
	cwd: string;
	exists: (p: string) => boolean;
}

/** The CLI's error when nothing is found, worded as the reference words it. */
export const TAPES_NOT_FOUND = 'could not find tapes SQLite database; pass --sqlite';

/** The discovery list, in the order it is tried (after the flag and the two env variables). */
export function tapesCandidatePaths(opts: Pick<TapesPathOptions, 'env' | 'home' | 'cwd'>): string[] {
	const dataHome = nonEmpty(opts.env.XDG_DATA_HOME) ?? path.join(opts.home, '.local', 'share');
	return [
		path.join(dataHome, 'tapes', 'tapes.db'),
		path.join(dataHome, 'tapes', 'tapes.sqlite'),
		path.join(opts.home, '.tapes', 'tapes.db'),
		path.join(opts.home, '.tapes', 'tapes.sqlite'),
		path.join(opts.cwd, 'tapes.db'),
		path.join(opts.cwd, 'tapes.sqlite'),
		path.join(opts.cwd, '.tapes', 'tapes.db'),
		path.join(opts.cwd, '.tapes', 'tapes.sqlite'),
	];
}

/**
 * The database path: --sqlite, else $TAPES_SQLITE, else $TAPES_DB (all taken without checking they
 * exist, so a typo gets a clear "file not found" from the reader), else the first existing candidate.
 * null when nothing is found; the CLI then prints TAPES_NOT_FOUND.
 */
export function resolveTapesPath(opts: TapesPathOptions): string | null {
	const explicit = nonEmpty(opts.flag) ?? nonEmpty(opts.env.TAPES_SQLITE) ?? nonEmpty(opts.env.TAPES_DB);
	if (explicit !== undefined) return explicit;
	return tapesCandidatePaths(opts).find((p) => opts.exists(p)) ?? null;
}

/** Go's os.Getenv cannot tell unset from empty, and the reference skips both. */
function nonEmpty(v: string | undefined): string | undefined {
	return v === undefined || v.trim() === '' ? undefined : v;
}
