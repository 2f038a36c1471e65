// The Sessions screen: KPI header, daily-cost sparkline, filter chips and the windowed session table.
// One reducer, one input handler; keys are resolved against the keymap inside the reducer.
import React, {useEffect, useLayoutEffect, useMemo, useReducer, useRef} from 'react';
import {Box, type DOMElement, type Key} from 'ink';
import {useKeyHold, useKeys} from '../hooks/use-keys.js';
import {useListMouse} from '../hooks/use-list-mouse.js';
import {bindingsFor, footerHints} from '../../core/keymap.js';
import {describeFilters} from '../../core/filters.js';
import {initialSessionsState, sessionsReducer, type SessionsState} from '../../core/screens/sessions-reducer.js';
import {filterStateOf, queryFilters, type FilterState} from '../../core/screens/sessions-filters.js';
import {columnWidths} from '../../core/screens/session-columns.js';
import {kpiCells} from '../../core/screens/kpi.js';
import {useServices} from '../services/context.js';
import type {ExplorerServices} from '../services/types.js';
import type {MessageFocus} from '../../core/screens/navigation.js';
import {useSessionsData} from '../hooks/use-sessions-data.js';
import {useFollowSync} from '../hooks/use-follow-sync.js';
import {nestedIdAt, nestedLocate} from '../hooks/use-nested-rows.js';
import {useBackgroundStatus} from '../hooks/use-status.js';
import {handOff} from '../hooks/use-hand-off.js';
import type {Size} from '../hooks/use-terminal-size.js';
import {Frame, bodyHeight} from '../components/frame.js';
import {TitleBar} from '../components/title-bar.js';
import {StatusBar} from '../components/status-bar.js';
import {Footer} from '../components/footer.js';
import {ProblemsOverlay, problemLines} from '../components/problems-overlay.js';
import {HelpOverlay} from '../components/help-overlay.js';
import {KpiHeader} from '../components/kpi-header.js';
import {SparkLine} from '../components/spark-line.js';
import {SessionTable} from '../components/session-table.js';
import {PickerList} from '../components/picker-list.js';
import {SnippetLine} from '../components/snippet-line.js';
import {useDebounced} from '../hooks/use-debounced.js';
import {useContentSessions} from '../hooks/use-content-sessions.js';
import {useDeferredQuery} from '../hooks/use-deferred-query.js';
import {useSearchNotice} from '../hooks/use-search-notice.js';

/** How long typing in the search must pause before the list (and its content search) follows. */
export const SEARCH_DEBOUNCE_MS = 150;

/** Lines of the body above the table rows: three KPI lines, the sparkline, the table header. */
const HEADER_LINES = 5;

const HELP = [
	{title: 'Sessions', bindings: bindingsFor('list')},
	{title: 'While searching', bindings: bindingsFor('search'), compact: true},
	{title: 'In a picker', bindings: bindingsFor('picker'), compact: true},
];

export function tableRows(size: Size): number {
	return Math.max(1, bodyHeight(size) - HEADER_LINES);
}

export interface SessionsScreenProps {
	size: Size;
	initial: FilterState;
	/** Whether this screen is the one on show (it stays mounted underneath others to keep its state). */
	active: boolean;
	/** Enter on a session; `focus` when a search matched its messages: the Timeline opens on the first match, found. */
	onOpen(id: string, focus?: MessageFocus): void;
	/** `i`: the Insights screen over the same filters and period. */
	onInsights?(filters: FilterState): void;
	/** `a`: the Analytics screen over the same filters and period. */
	onAnalytics?(filters: FilterState): void;
	/** `F`: the Search screen over the same filters and period, starting from the list's search. */
	onFind?(filters: FilterState): void;
	/** `b`: the Projects roll-up over the same filters and period. */
	onProjects?(filters: FilterState): void;
	onQuit(): void;
	/** Filters and period a screen left with (`seq` tells one return from the next); the list takes them on. */
	returned?: {filters: FilterState; seq: number} | null;
}

function init(services: ExplorerServices, initial: FilterState, size: Size): SessionsState {
	const now = initial.now ?? services.now();
	const state = initialSessionsState(initial, now, tableRows(size), services.sessions.count(queryFilters(initial, now)));
	return {...state, version: services.sync.getSnapshot().version};
}

/** The session's first message matching the list's search (the one its snippet line shows); null for a label-only match. */
function firstMatch(services: ExplorerServices, search: string, sessionId: string): MessageFocus | null {
	if (search === '' || !services.search) return null;
	const found = services.search.inSession(search, sessionId);
	return found.ok && found.value.length > 0 ? {messageId: found.value[0]!, query: search} : null;
}

export function SessionsScreen({size, initial, active, onOpen, onInsights, onAnalytics, onFind, onProjects, onQuit, returned = null}: SessionsScreenProps) {
	const services = useServices();
	const [state, dispatch] = useReducer(sessionsReducer, undefined, () => init(services, initial, size));
	// The search reaches the queries (labels and the full-text index) once typing pauses.
	const search = useDebounced(state.filters.search, SEARCH_DEBOUNCE_MS);
	// The search reaches the list with its content matches, found in the background, between keys.
	const applied = useContentSessions(services.search, state.filters.search, search, state.version);
	const queried = useMemo(() => (applied.search === state.filters.search && applied.found === undefined ? state
		: {...state, filters: {...state.filters, search: applied.search, ...(applied.found === undefined ? {} : {searchSessions: applied.found})}}),
	[state, applied]);
	const data = useSessionsData(services.sessions, queried);
	const background = useBackgroundStatus(services);
	// While `/` is open or a search applies, the status bar says what the index cannot find yet.
	const notices = useSearchNotice(services.search, state.mode === 'search' || state.filters.search !== '', background.sync, services.notices);
	useFollowSync(background.sync, services.sessions, services.now, queried, data.rows, dispatch);

	// In the commit that shows the list again, before the keys the hub held for it (flushed after that
	// commit) are read: `h/x` on Projects searches the filters it came back with, and the search stays.
	useLayoutEffect(() => {
		if (returned) dispatch({type: 'adopt', filters: returned.filters});
	}, [returned?.seq]);

	// While a search is on, one line under the chips shows the selected session's best match.
	const snippetShown = applied.search !== '' && services.search !== undefined;
	const rowsHeight = tableRows(size) - (snippetShown ? 1 : 0);
	const selected = data.rows[state.list.cursor - state.list.offset];
	const snippet = useDeferredQuery(`${applied.search}|${selected?.id ?? ''}|${state.version}`,
		() => (snippetShown && selected ? services.search!.sessionSnippet(applied.search, selected.id) : null), SEARCH_DEBOUNCE_MS);
	useEffect(() => dispatch({type: 'resize', height: rowsHeight}), [rowsHeight]);
	useEffect(() => {
		if (data.total !== state.list.total) dispatch({type: 'total', total: data.total});
	}, [data.total, state.list.total]);

	// A sort change: the session selected in the old order is found in the list about to be shown, that is
	// once a search typed before the sort has its matches (the rows on screen may still be the old search's).
	const settled = applied.search === state.filters.search;
	useEffect(() => {
		const a = state.anchor;
		if (!a || !settled) return;
		const id = nestedIdAt(services.sessions, {...data.filters, sort: a.sort, sortDir: a.sortDir}, state.expanded, a.index);
		dispatch({type: 'located', index: id === null ? null : nestedLocate(services.sessions, data.filters, state.expanded, id)});
	}, [state.anchor, settled, data.filters]);

	const hold = useKeyHold();
	// Requests the reducer left: carried out once each, then acknowledged. One on the selected row waits
	// until a sort change has put the cursor back on its session.
	useEffect(() => {
		const r = state.request;
		if (!r || (state.anchor && 'index' in r)) return;
		// Keys read with the one that asked for another screen go to that screen (the hub holds them).
		if (r.rest) hold(r.rest);
		if (r.kind === 'quit') onQuit();
		else if (r.kind === 'insights') onInsights?.(filterStateOf(state));
		else if (r.kind === 'analytics') onAnalytics?.(filterStateOf(state));
		else if (r.kind === 'find') onFind?.(filterStateOf(state));
		else if (r.kind === 'projects') onProjects?.(filterStateOf(state));
		else if (r.kind === 'open') {
			// The cursor is always on a visible row: a top-level session or an opened parent's subagent.
			const session = data.rows[r.index - state.list.offset];
			if (session) {
				const focus = firstMatch(services, applied.search, session.id);
				if (focus) onOpen(session.id, focus);
				else onOpen(session.id);
			}
		} else if (r.kind === 'toggle') {
			const i = r.index - state.list.offset;
			const session = data.rows[i];
			const nest = data.nest[i];
			// On a subagent, the toggle closes its parent; on a parent, it opens or closes it.
			const parent = nest?.depth === 1 ? session?.parentId ?? null : nest?.subagents ? session?.id ?? null : null;
			if (parent) dispatch({type: 'expanded', ids: state.expanded.includes(parent) ? state.expanded.filter((id) => id !== parent) : [...state.expanded, parent]});
			else dispatch({type: 'hint', text: 'this session has no subagents'});
		} else if (r.kind !== 'load-picker') {
			const session = data.rows[r.index - state.list.offset];
			if (session) dispatch({type: 'hint', text: handOff(services, r.kind, session)});
		} else {
			const options = services.sessions.distinct(r.column, {...data.filters, [r.column]: ''});
			dispatch({type: 'picker-loaded', column: r.column, options: [{value: '', sessions: services.sessions.count({...data.filters, [r.column]: ''})}, ...options]});
		}
		dispatch({type: 'handled', seq: r.seq});
	}, [state.request, state.anchor]);

	const send = (input: string, key: Key) => dispatch({type: 'input', input, key, now: services.now()});
	useKeys(send, {isActive: active});
	// The wheel and clicks on the table (not over the help, problems or a picker), after its header line.
	const table = useRef<DOMElement>(null);
	const tableShown = state.mode === 'list' || state.mode === 'search';
	useListMouse(send, tableShown ? {ref: table, skip: 1, visible: data.rows.length, selected: state.list.cursor - state.list.offset} : null, {isActive: active});

	const widths = useMemo(() => columnWidths(size.columns, data.needs, state.filters.sort), [size.columns, data.needs, state.filters.sort]);
	// The search chip names the search as typed and kept, also while its matches are still being found.
	const chips = useMemo(() => [...(state.period === 'custom' ? ['period:custom'] : []), ...describeFilters({...data.filters, search: state.filters.search})],
		[state.period, data.filters, state.filters.search]);
	const counts = useMemo(() => ({shown: data.count, total: data.grandTotal}), [data.count, data.grandTotal]);
	const cells = useMemo(() => kpiCells(data.overview.totals, data.overview.comparison), [data.overview]);
	const daily = useMemo(() => data.daily.map((d) => d.cost), [data.daily]);
	const problems = useMemo(() => problemLines(background.sync, size.columns), [background.sync.errors, background.sync.warnings, size.columns]);
	const hasProblems = background.sync.errors.length + background.sync.warnings.length > 0;
	useEffect(() => dispatch({type: 'problems-size', max: problems.length - (bodyHeight(size) - 1)}), [problems.length, size.rows]);
	// Space/→ opens a parent's subagents: its hint shows while a row on screen has some (or is one).
	const nests = data.rows.some((s, i) => s.subSessionCount > 0 || data.nest[i]?.depth === 1);
	const hints = useMemo(() => footerHints(state.mode, [...(hasProblems ? [] : ['problems' as const]), ...(nests ? [] : ['expand' as const])]),
		[state.mode, hasProblems, nests]);
	if (!active) return null;
	const body = bodyHeight(size);
	return (
		<Frame
			size={size}
			title={<TitleBar screen="Sessions" period={state.period} width={size.columns} />}
			status={<StatusBar sources={services.sources} sync={background.sync} spinner={background.spinner} facets={background.facets}
				filters={chips} counts={counts} notices={notices} hint={state.hint} timeZone={services.timeZone} width={size.columns} />}
			footer={<Footer width={size.columns} hints={hints}
				{...(state.mode === 'search' ? {search: state.filters.search} : {})} />}
		>
			{state.mode === 'help' ? <HelpOverlay sections={HELP} width={size.columns} height={body} />
				: state.mode === 'problems' ? <ProblemsOverlay lines={problems} scroll={state.problems.scroll} width={size.columns} height={body} /> : (
				<>
					<KpiHeader cells={cells} width={size.columns} />
					<SparkLine values={daily} chips={chips} width={size.columns} />
					{snippetShown && state.mode !== 'picker' ? <SnippetLine snippet={snippet.pending ? null : snippet.value} width={size.columns} lead="  ↳ "
						none={snippet.pending || !selected ? '…' : 'its label, project, model or ID matches'} /> : null}
					{state.mode === 'picker' && state.picker ? (
						<PickerList picker={state.picker} current={state.filters[state.picker.column]} width={size.columns} height={rowsHeight + 1} />
					) : (
						<Box ref={table} flexDirection="column"><SessionTable rows={data.rows} nest={data.nest} now={state.now} offset={state.list.offset} cursor={state.list.cursor} widths={widths}
							sort={state.filters.sort} sortDir={state.filters.sortDir} timeZone={services.timeZone}
							height={rowsHeight} width={size.columns} empty={state.filters.search ? `no sessions match "${state.filters.search}"` : 'no sessions'} /></Box>
					)}
				</>
			)}
		</Frame>
	);
}
