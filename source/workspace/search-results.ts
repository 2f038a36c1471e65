// Search hits with their snippets: transcript bodies come from the index, tapes bodies from the tapes file
// (read by hash, the way a session's timeline reads them). Shared by `tapedeck search` and the explorer.
import type {Filters} from '../core/types.js';
import type {Result} from '../core/time.js';
import {parseSearchQuery, type SearchQuery} from '../core/search-query.js';
import {makeSnippet, type Snippet} from '../core/search-snippet.js';
import type {SearchableMessage} from '../core/search-text.js';
import {openTapesSource} from '../sources/tapes/reader.js';
import {decodeBody} from '../store/message-body.js';
import {createSearchQueries, type SearchHit, type SearchOrder} from '../store/search-queries.js';
import type {Workspace} from './open-workspace.js';

export interface SearchResult extends SearchHit {
	snippet: Snippet;
}

export interface SearchPage {
	query: SearchQuery;
	hits: SearchResult[];
	/** Sources of this run whose search index is off (`--no-search-index`): their messages cannot match. */
	unindexed: string[];
	/** Messages not in the search index yet (it fills in behind the sync): they cannot match until it is done. */
	waiting: number;
}

export interface SearchIndexStatus {
	/** Paths of the sources whose index is off. */
	off: string[];
	/** Messages still waiting for the index, over every source. */
	waiting: number;
}

/** Read-only: which sources are not searched, and how much is still filling in. */
export function searchIndexStatus(ws: Workspace): SearchIndexStatus {
	const off: string[] = [];
	let waiting = 0;
	for (const s of ws.sources) {
		const st = ws.store.search.status(s.id);
		if (!st.on) off.push(s.path);
		waiting += st.waiting;
	}
	return {off, waiting};
}

/** "search still filling: N messages left": the CLI's notice and the status bar's say it alike. */
export function stillFilling(waiting: number): string {
	return `search still filling: ${waiting.toLocaleString('en-US')} message${waiting === 1 ? '' : 's'} left`;
}

/** The one line that says search results are not the whole story, or null when they are. */
export function searchIndexNotice(st: SearchIndexStatus): string | null {
	const parts: string[] = [];
	if (st.waiting > 0) parts.push(stillFilling(st.waiting));
	if (st.off.length > 0) parts.push(`search index off for ${st.off.length === 1 ? st.off[0] : `${st.off.length} sources`} (not searched)`);
	return parts.length ? parts.join('; ') : null;
}

/** The bodies of these hits: from the index, or from each tapes file in one read. */
function bodiesOf(ws: Workspace, hits: readonly SearchHit[]): Map<string, SearchableMessage> {
	const out = new Map<string, SearchableMessage>();
	const fromTapes = new Map<number, string[]>();
	for (const h of hits) {
		if (h.body !== null) out.set(`${h.sourceId}:${h.messageId}`, decodeBody(h.body));
		else if (h.source === 'tapes') fromTapes.set(h.sourceId, [...(fromTapes.get(h.sourceId) ?? []), h.messageId]);
	}
	for (const [sourceId, ids] of fromTapes) {
		const path = ws.sources.find((s) => s.id === sourceId)?.path;
		const opened = path ? openTapesSource(path) : null;
		if (!opened?.ok) continue;
		try {
			for (const {message} of opened.source.readByIds(ids).messages) out.set(`${sourceId}:${message.id}`, message);
		} catch {
			// A tapes file gone unreadable since the sync: the hits stay, without snippets.
		} finally {
			opened.source.close();
		}
	}
	return out;
}

export function withSnippets(ws: Workspace, query: SearchQuery, hits: readonly SearchHit[], width: number): SearchResult[] {
	const bodies = bodiesOf(ws, hits);
	return hits.map((h) => {
		const body = bodies.get(`${h.sourceId}:${h.messageId}`);
		return {...h, snippet: body ? makeSnippet(body, query.highlight, width) : {column: 'text', text: '', marks: []}};
	});
}

export function createSearchResults(ws: Workspace) {
	const queries = createSearchQueries(ws.store.db, ws.sources.map((s) => s.id));
	return {
		queries,
		search(text: string, f: Filters, opts: {order: SearchOrder; limit: number; offset?: number; width: number}): Result<SearchPage> {
			const parsed = parseSearchQuery(text);
			if (!parsed.ok) return parsed;
			const hits = queries.hits(parsed.value, f, opts);
			const status = searchIndexStatus(ws);
			return {ok: true, value: {query: parsed.value, hits: withSnippets(ws, parsed.value, hits, opts.width), unindexed: status.off, waiting: status.waiting}};
		},
		/** The snippet of a session's first match; null when the query has no words or nothing matches. */
		sessionSnippet(text: string, sessionId: string, width: number): SearchResult['snippet'] | null {
			const parsed = parseSearchQuery(text);
			if (!parsed.ok) return null;
			const best = queries.firstPerSession(parsed.value, [sessionId]).get(sessionId);
			return best ? withSnippets(ws, parsed.value, [best], width)[0]!.snippet : null;
		},
		inSession(text: string, sessionId: string): Result<string[]> {
			const parsed = parseSearchQuery(text);
			return parsed.ok ? {ok: true, value: queries.inSession(parsed.value, sessionId)} : parsed;
		},
	};
}
