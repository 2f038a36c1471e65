// The index with its repositories, prepared once per connection.
import type {IndexDb} from './open-index.js';
import {createMessagesRepo} from './messages-repo.js';
import {createSessionsRepo} from './sessions-repo.js';
import {createSourcesRepo} from './sources-repo.js';
import {createCursorsRepo} from './cursors-repo.js';
import {createMetaRepo} from './meta-repo.js';
import {createSearchRows} from './search-rows.js';

/** A value made on first use, then kept. */
function once<T>(make: () => T): () => T {
	let value: T | undefined;
	return () => (value ??= make());
}

/**
 * Each repository prepares its statements when first used: a warm report uses few of the sixty-odd (the
 * messages and sessions repositories' alone took 2-3 ms to prepare, for a run that reads neither).
 */
export function createIndexStore(db: IndexDb) {
	const messages = once(() => createMessagesRepo(db));
	const sessions = once(() => createSessionsRepo(db));
	const sources = once(() => createSourcesRepo(db));
	const cursors = once(() => createCursorsRepo(db));
	const meta = once(() => createMetaRepo(db));
	const search = once(() => createSearchRows(db));
	return {
		db,
		get messages() { return messages(); },
		get sessions() { return sessions(); },
		get sources() { return sources(); },
		get cursors() { return cursors(); },
		get meta() { return meta(); },
		get search() { return search(); },
	};
}

export type IndexStore = ReturnType<typeof createIndexStore>;
