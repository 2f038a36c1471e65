// Per transcript file: the reader state to resume with, a fingerprint of the file's head (a replaced file
// gets a new one), and the problems found in its lines so far.
import type {IndexDb} from './open-index.js';

/** One kind of problem in one file: how many lines had it and the first few line numbers. */
export interface FileProblem {
	problem: string;
	count: number;
	lines: number[];
}

/** A file's size, mtime (ms) and inode as its cursor has them. */
export type FileFingerprint = [size: number, mtimeMs: number, ino: number];

export interface FileState {
	head: string;
	state: unknown;
	problems: FileProblem[];
}

interface StateRow {
	head: string;
	state: string;
	problems: string;
}

export function createFileStateRepo(db: IndexDb) {
	const get = db.prepare(`SELECT head, state, problems FROM file_state WHERE source_id = ? AND file = ?`);
	const put = db.prepare(`INSERT OR REPLACE INTO file_state (source_id, file, head, state, problems) VALUES (?, ?, ?, ?, ?)`);
	const withProblems = db.prepare(`SELECT file, problems FROM file_state WHERE source_id = ? AND problems <> '[]' ORDER BY file`);
	// Codex keeps the session's ID in each file's reader state (its file name holds it too, but not always verbatim).
	const ofSession = db.prepare(`SELECT file FROM file_state WHERE source_id IN (SELECT value FROM json_each(?))
		AND json_extract(state, '$.sessionId') = ? ORDER BY file LIMIT 1`).pluck();
	const fingerprints = db.prepare(`SELECT file, size, mtime_ms, ino FROM cursors WHERE source_id = ?`).raw();
	return {
		get(sourceId: number, file: string): FileState | undefined {
			const row = get.get(sourceId, file) as StateRow | undefined;
			if (!row) return undefined;
			return {head: row.head, state: JSON.parse(row.state) as unknown, problems: JSON.parse(row.problems) as FileProblem[]};
		},
		put(sourceId: number, file: string, s: FileState): void {
			put.run(sourceId, file, s.head, JSON.stringify(s.state ?? null), JSON.stringify(s.problems));
		},
		/**
		 * What each file of a source was when last read (size, mtime, inode), by file: one query instead of
		 * one per file when checking what changed; a changed file's whole cursor is read on its own.
		 */
		fingerprintsOf(sourceId: number): Map<string, FileFingerprint> {
			return new Map((fingerprints.all(sourceId) as Array<[string, number, number, number]>).map(([file, ...print]) => [file, print]));
		},
		/** The file of these sources whose reader state names this session, or undefined. */
		fileOfSession(sourceIds: readonly number[], sessionId: string): string | undefined {
			return ofSession.get(JSON.stringify(sourceIds), sessionId) as string | undefined;
		},
		/** Every file of a source that has problems, with them. */
		problems(sourceId: number): Array<{file: string; problems: FileProblem[]}> {
			return (withProblems.all(sourceId) as Array<{file: string; problems: string}>)
				.map((r) => ({file: r.file, problems: JSON.parse(r.problems) as FileProblem[]}));
		},
	};
}

export type FileStateRepo = ReturnType<typeof createFileStateRepo>;
