// The index with its repositories, prepared once per connection.
import type {IndexDb} from './open-index.js';
import {createMessagesRepo, type MessagesRepo} from './messages-repo.js';
import {createSessionsRepo, type SessionsRepo} from './sessions-repo.js';
import {createSourcesRepo, type SourcesRepo} from './sources-repo.js';
import {createCursorsRepo, type CursorsRepo} from './cursors-repo.js';
import {createMetaRepo, type MetaRepo} from './meta-repo.js';
import {createSearchRows, type SearchRows} from './search-rows.js';

/**
 * Each repository prepares its statements when first used: a warm report uses few of the sixty-odd (the
 * messages and sessions repositories' alone took 2-3 ms to prepare, for a run that reads neither).
 */
export function createIndexStore(db: IndexDb) {
	let messages: MessagesRepo | undefined;
	let sessions: SessionsRepo | undefined;
	let sources: SourcesRepo | undefined;
	let cursors: CursorsRepo | undefined;
	let meta: MetaRepo | undefined;
	let search: SearchRows | undefined;
	return {
		db,
		get messages() {
			return (messages ??= createMessagesRepo(db));
		},
		get sessions() {
			return (sessions ??= createSessionsRepo(db));
		},
		get sources() {
			return (sources ??= createSourcesRepo(db));
		},
		get cursors() {
			return (cursors ??= createCursorsRepo(db));
		},
		get meta() {
			return (meta ??= createMetaRepo(db));
		},
		get search() {
			return (search ??= createSearchRows(db));
		},
	};
}

export type IndexStore = ReturnType<typeof createIndexStore>;
