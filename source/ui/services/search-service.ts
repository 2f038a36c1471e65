// Full-text search for the explorer's screens: the Search screen, `/` on Sessions and the Timeline's find.
import type {Workspace} from '../../workspace/open-workspace.js';
import {createSearchResults, searchIndexNotice, searchIndexStatus} from '../../workspace/search-results.js';
import {createSessionMatcher, type SessionMatcher} from '../../workspace/session-matches.js';
import {sanitizeLine} from '../../core/sanitize.js';
import type {SearchService} from './types.js';

/** Characters of a snippet cut from a message; the screens fit it to their width. */
const SNIPPET_CHARS = 240;

/** Full-text search over the workspace's index; statements are prepared on first use. `matcher`: where `/` finds
 * its matching sessions (the built CLI's search thread); by default on this thread, in slices. */
export function workspaceSearch(ws: Workspace, matcher?: SessionMatcher): SearchService {
	let search: ReturnType<typeof createSearchResults> | null = null;
	const get = () => (search ??= createSearchResults(ws));
	let local: SessionMatcher | null = null;
	const matching = () => matcher ?? (local ??= createSessionMatcher(ws.indexPath, ws.store.db));
	return {
		hits(query, f, order, limit) {
			const page = get().search(query, f, {order, limit, width: SNIPPET_CHARS});
			return page.ok ? {ok: true, value: page.value.hits} : page;
		},
		sessionSnippet: (query, sessionId) => get().sessionSnippet(query, sessionId, SNIPPET_CHARS),
		inSession: (query, sessionId) => get().inSession(query, sessionId),
		indexNotice: () => {
			const line = searchIndexNotice(searchIndexStatus(ws));
			return line === null ? null : sanitizeLine(line);
		},
		matchingSessions: (query, signal) => matching().find(query, signal),
	};
}
