// The Search screen (F or Ctrl-F on Sessions): messages matching a query across the sessions the list's
// filters and period select, ranked by bm25 or newest first, each with its snippet. Enter opens the session
// at that message. One reducer, one input handler; the query runs when typing pauses, off the key's frame.
import React, {useEffect, useMemo, useReducer, useRef} from 'react';
import {Box, type DOMElement, type Key} from 'ink';
import {useKeyHold, useKeys} from '../hooks/use-keys.js';
import {useListMouse} from '../hooks/use-list-mouse.js';
import {bindingsFor, footerHints} from '../../core/keymap.js';
import {initialSearchState, searchReducer} from '../../core/screens/search-reducer.js';
import {describeFilters} from '../../core/filters.js';
import {queryFilters, type FilterState} from '../../core/screens/sessions-filters.js';
import {sanitizeLine} from '../../core/sanitize.js';
import type {Result} from '../../core/time.js';
import type {SearchResult} from '../../workspace/search-results.js';
import {useServices} from '../services/context.js';
import {useBackgroundStatus} from '../hooks/use-status.js';
import {useDeferredQuery} from '../hooks/use-deferred-query.js';
import {useSearchNotice} from '../hooks/use-search-notice.js';
import type {Size} from '../hooks/use-terminal-size.js';
import {Frame, bodyHeight} from '../components/frame.js';
import {TitleBar} from '../components/title-bar.js';
import {StatusBar} from '../components/status-bar.js';
import {Footer} from '../components/footer.js';
import {HelpOverlay} from '../components/help-overlay.js';
import {Segments} from '../components/segments.js';
import {SearchHeader, SearchResults} from '../components/search-results.js';
import type {MessageFocus} from '../../core/screens/navigation.js';

/** Results listed at most: a query matching more says so; narrowing it is quicker than scrolling. */
export const SEARCH_LIMIT = 500;
/** The query runs once typing has paused this long. */
const QUERY_DELAY_MS = 150;

const SYNTAX = 'words (all must match)  "a phrase"  -exclude  prefix*  tool:Bash  role:user  model:  project:  in:thinking|tool|text';

const HELP = [
	{title: 'Search results', bindings: bindingsFor('find')},
	{title: 'Typing the query', bindings: bindingsFor('find-query'), compact: true},
];


export interface SearchScreenProps {
	size: Size;
	initial: FilterState;
	/** The query to start from (the Sessions screen's search, when it had one). */
	query: string;
	active: boolean;
	onOpen(sessionId: string, focus: MessageFocus): void;
	onBack(): void;
	onQuit(): void;
}

/** Body lines above the results: the query line, the syntax line, the header. */
const HEADER_LINES = 3;

export function SearchScreen({size, initial, query, active, onOpen, onBack, onQuit}: SearchScreenProps) {
	const services = useServices();
	const background = useBackgroundStatus(services);
	const notices = useSearchNotice(services.search, active, background.sync, services.notices);
	const height = Math.max(1, bodyHeight(size) - HEADER_LINES);
	const [state, dispatch] = useReducer(searchReducer, undefined, () => initialSearchState(query, height));
	useEffect(() => dispatch({type: 'resize', height}), [height]);
	const filters = useMemo(() => queryFilters(initial, services.now()), [initial, background.sync.version]);

	const key = `${state.query}|${state.order}|${background.sync.version}`;
	const results = useDeferredQuery<Result<SearchResult[]> | null>(key, () => {
		if (state.query.trim() === '') return null;
		return services.search ? services.search.hits(state.query, filters, state.order, SEARCH_LIMIT) : {ok: false, error: 'search is not available here'};
	}, QUERY_DELAY_MS);
	const hits = results.value?.ok ? results.value.value : [];
	useEffect(() => dispatch({type: 'results', total: hits.length}), [hits]);

	// Keys read with the one that asked for another screen go to that screen (the hub holds them).
	const hold = useKeyHold();
	useEffect(() => {
		const r = state.request;
		if (!r) return;
		if (r.kind === 'back') {
			hold(r.rest ?? []);
			onBack();
		}
		else if (r.kind === 'quit') onQuit();
		else {
			const hit = hits[r.index];
			if (hit) {
				hold(r.rest ?? []);
				onOpen(hit.sessionId, {messageId: hit.messageId, query: state.query});
			}
		}
		dispatch({type: 'handled', seq: r.seq});
	}, [state.request]);

	const send = (input: string, k: Key) => dispatch({type: 'input', input, key: k, total: hits.length});
	useKeys(send, {isActive: active});
	// The wheel and clicks on the results (not over the help).
	const list = useRef<DOMElement>(null);
	const visible = Math.max(0, Math.min(state.list.height, hits.length - state.list.offset));
	useListMouse(send, state.mode === 'help' ? null : {ref: list, visible, selected: state.list.cursor - state.list.offset}, {isActive: active});

	const hints = useMemo(() => footerHints(state.mode === 'help' ? 'help' : state.mode), [state.mode]);
	if (!active) return null;
	const error = results.value && !results.value.ok ? sanitizeLine(results.value.error) : null;
	const count = results.pending ? 'searching…'
		: error ? '' : results.value === null ? '' : `${hits.length >= SEARCH_LIMIT ? `first ${SEARCH_LIMIT}` : hits.length} message${hits.length === 1 ? '' : 's'}`;
	const chips = [`order:${state.order === 'rank' ? 'relevance' : 'time'}`, ...describeFilters({...filters, search: ''})];
	const empty = results.value === null ? 'type a query' : error ? '' : results.pending ? 'searching…' : 'no messages match';
	return (
		<Frame
			size={size}
			title={<TitleBar screen="Search" period={initial.period} width={size.columns} />}
			status={<StatusBar sources={services.sources} sync={background.sync} spinner={background.spinner} facets={background.facets}
				filters={chips} counts={null} notices={notices} timeZone={services.timeZone} width={size.columns} />}
			footer={<Footer width={size.columns} hints={hints} />}
		>
			{state.mode === 'help' ? <HelpOverlay sections={HELP} width={size.columns} height={bodyHeight(size)} /> : (
				<>
					<Segments width={size.columns} segments={[
						{text: ' find ', token: 'key'}, {text: state.query}, ...(state.mode === 'find-query' ? [{text: '▏', token: 'accent' as const}] : []),
						{text: `   ${count}`, token: 'muted'},
					]} />
					<Segments width={size.columns} segments={error ? [{text: ` ${error}`, token: 'bad'}] : [{text: ` ${SYNTAX}`, token: 'muted'}]} />
					<SearchHeader width={size.columns} />
					<Box ref={list} flexDirection="column"><SearchResults hits={hits} offset={state.list.offset} cursor={state.list.cursor} height={height} width={size.columns}
						timeZone={services.timeZone} empty={empty} /></Box>
				</>
			)}
		</Frame>
	);
}
