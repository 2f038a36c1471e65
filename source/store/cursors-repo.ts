// Sync cursors: how far each source (or each file of a source) has been read.
import type {IndexDb} from './open-index.js';

export interface Cursor {
	sourceId: number;
	file: string;
	size: number;
	mtimeMs: number;
	ino: number;
	offset: number;
	lastRowid: number;
	rows: number;
}

export function createCursorsRepo(db: IndexDb) {
	const get = db.prepare(`SELECT source_id AS sourceId, file, size, mtime_ms AS mtimeMs, ino, offset,
		last_rowid AS lastRowid, rows FROM cursors WHERE source_id = ? AND file = ?`);
	const put = db.prepare(`INSERT INTO cursors (source_id, file, size, mtime_ms, ino, offset, last_rowid, rows)
		VALUES (@sourceId, @file, @size, @mtimeMs, @ino, @offset, @lastRowid, @rows)
		ON CONFLICT (source_id, file) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms, ino = excluded.ino,
		offset = excluded.offset, last_rowid = excluded.last_rowid, rows = excluded.rows`);
	return {
		get(sourceId: number, file: string): Cursor | undefined {
			return get.get(sourceId, file) as Cursor | undefined;
		},
		put(cursor: Cursor): void {
			put.run(cursor);
		},
	};
}

export type CursorsRepo = ReturnType<typeof createCursorsRepo>;
