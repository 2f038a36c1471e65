// The index with its repositories, prepared once per connection.
import type {IndexDb} from './open-index.js';
import {createMessagesRepo} from './messages-repo.js';
import {createSessionsRepo} from './sessions-repo.js';
import {createSourcesRepo} from './sources-repo.js';
import {createCursorsRepo} from './cursors-repo.js';
import {createMetaRepo} from './meta-repo.js';
import {createSearchRows} from './search-rows.js';

export function createIndexStore(db: IndexDb) {
	return {
		db,
		messages: createMessagesRepo(db),
		sessions: createSessionsRepo(db),
		sources: createSourcesRepo(db),
		cursors: createCursorsRepo(db),
		meta: createMetaRepo(db),
		search: createSearchRows(db),
	};
}

export type IndexStore = ReturnType<typeof createIndexStore>;
