// The sessions the list's search matches (by label, project, model or ID, or by a message's words), found on
// a second, read-only connection in slices with the event loop free between them: a word in half a million
// messages takes a second to gather, and the explorer keeps drawing keys meanwhile. A newer query cancels an
// older one. The list then takes the set as it is (session-where.ts), so its count and page queries do not
// scan the labels again on the explorer's thread.
import {pushAll} from '../core/numbers.js';
import Database from 'better-sqlite3';
import {parseSearchQuery} from '../core/search-query.js';
import {matchingSessionRows} from '../store/search-where.js';
import {sessionLabelRows} from '../store/session-where.js';
import type {IndexDb} from '../store/open-index.js';

/** Longest a slice runs before the event loop gets a turn. */
const SLICE_MS = 6;
/** Messages (by rowid) read per statement: a query matching none of them still ends within a few milliseconds. */
const RANGE = 5_000;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface SessionMatcher {
	/** The rowids of the sessions the list's search matches (label, project, model, ID or a message's words; the
	 * labels alone for a query that does not parse), as a JSON array; null when cancelled first. */
	find(query: string, signal: AbortSignal): Promise<string | null>;
}

/** `sliceMs`: how long a slice runs before a turn of the event loop (longer on a thread of its own, where only cancels wait). */
export function createSessionMatcher(indexPath: string, main: IndexDb | null, sliceMs = SLICE_MS): SessionMatcher {
	let reader: IndexDb | null = null;
	// A file index is read on its own connection (WAL lets it read while the main one writes); an in-memory one has only the main.
	const connection = () => (reader ??= indexPath === ':memory:' && main ? main : new Database(indexPath, {readonly: true, fileMustExist: true, timeout: 5000}));
	return {
		async find(query: string, signal: AbortSignal): Promise<string | null> {
			const db = connection();
			// Labels, projects, models and IDs first (one scan of the sessions), then what the messages say.
			const labels = sessionLabelRows(query);
			const rowids = db.prepare(labels.sql).pluck().all(...labels.params) as number[];
			const parsed = parseSearchQuery(query);
			// A query that does not parse (a quote still open while typing) matches the labels alone.
			if (!parsed.ok) return JSON.stringify(rowids);
			await turn();
			if (signal.aborted) return null;
			const {sql, params} = matchingSessionRows(parsed.value);
			const ids = new Set<string>();
			const statement = db.prepare(sql).pluck();
			const last = db.prepare('SELECT coalesce(max(rowid), 0) FROM messages').pluck().get() as number;
			let sliceEnd = performance.now() + sliceMs;
			for (let lo = 1; lo <= last; lo += RANGE) {
				const rows = statement.iterate(...params, lo, lo + RANGE - 1) as IterableIterator<string>;
				try {
					let n = 0;
					for (const id of rows) {
						ids.add(id);
						if (++n % 256 !== 0 || performance.now() < sliceEnd) continue;
						await turn();
						if (signal.aborted) return null;
						sliceEnd = performance.now() + sliceMs;
					}
				} finally {
					rows.return?.();
				}
				if (performance.now() < sliceEnd) continue;
				await turn();
				if (signal.aborted) return null;
				sliceEnd = performance.now() + sliceMs;
			}
			if (signal.aborted) return null;
			// The list looks sessions up by rowid: integers are quicker to pass and to find than 16-character IDs.
			const all = [...ids];
			const toRowids = connection().prepare(`SELECT rowid FROM sessions WHERE id IN (SELECT value FROM json_each(?))`).pluck();
			for (let i = 0; i < all.length; i += 2_000) {
				pushAll(rowids, toRowids.all(JSON.stringify(all.slice(i, i + 2_000))) as number[]);
				await turn();
				if (signal.aborted) return null;
			}
			return JSON.stringify([...new Set(rowids)].sort((a, b) => a - b));
		},
	};
}
