// The reports' stored session rows for sessions without one, filled in after a sync.
import type {IndexStore} from '../store/index-store.js';
import {isSqliteError} from '../store/open-index.js';
import {writeTransaction} from '../store/write-transaction.js';
import {SESSION_JSON_FILLED} from '../store/migrations-session-json.js';

/** Sessions rendered per transaction. */
const FILL_BATCH = 2000;

/**
 * Renders the rows of sessions that have none: written before v8, dropped since by the triggers of v11 (a
 * subagent, a parent or a session_meta row changed), or left by a first tapes load (SessionWrite.json), in
 * batches. Best effort: the reports render a missing row themselves, so a busy index just leaves it for next time.
 */
export function fillSessionJson(store: IndexStore, onRendered?: (rendered: number) => void): void {
	// Until a trigger clears the mark, every summary wrote its own: the look for missing rows reads every session.
	if (store.meta.get(SESSION_JSON_FILLED) === '1') return;
	let rendered = 0;
	const fill = writeTransaction(store.db, () => {
		const batch = store.sessions.renderMissingJson(FILL_BATCH);
		const done = batch < FILL_BATCH;
		if (done) store.meta.set(SESSION_JSON_FILLED, '1');
		return {done, batch};
	});
	try {
		for (;;) {
			const {done, batch} = fill();
			rendered += batch;
			onRendered?.(rendered);
			if (done) break;
		}
	} catch (error) {
		if (!isSqliteError(error)) throw error;
	}
}

