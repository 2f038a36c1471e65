// The Projects screen (`b` on the sessions list): the project roll-up of the list's filters and period,
// the same figures as `tapedeck projects` (core/project-rollup.ts over the same rows, subagents included).
// Enter goes back to the list filtered to the project; Esc goes back as it was. One reducer, one input
// handler; the table takes everything as props.
import React, {useEffect, useMemo, useReducer, useRef} from 'react';
import {Box, type DOMElement, type Key} from 'ink';
import {useKeyHold, useKeys} from '../hooks/use-keys.js';
import {useListMouse} from '../hooks/use-list-mouse.js';
import {bindingsFor, footerHints} from '../../core/keymap.js';
import {describeFilters} from '../../core/filters.js';
import {DEFAULT_FILTERS} from '../../core/types.js';
import {rollUpProjects} from '../../core/project-rollup.js';
import {initialProjectsState, projectsReducer} from '../../core/screens/projects-reducer.js';
import {filterStateOf, queryFilters} from '../../core/screens/sessions-filters.js';
import type {FilteredScreenProps} from './screen-props.js';
import {useServices} from '../services/context.js';
import {useBackgroundStatus} from '../hooks/use-status.js';
import {useSlidingClock} from '../hooks/use-insights-data.js';
import {Frame, bodyHeight} from '../components/frame.js';
import {TitleBar} from '../components/title-bar.js';
import {StatusBar} from '../components/status-bar.js';
import {Footer} from '../components/footer.js';
import {HelpOverlay} from '../components/help-overlay.js';
import {PROJECT_HEADER_LINES, ProjectTable} from '../components/project-table.js';

const HELP = [{title: 'Projects', bindings: bindingsFor('projects')}];

export type ProjectsScreenProps = Omit<FilteredScreenProps, 'onOpen'>;

export function ProjectsScreen({size, initial, active, onBack, onQuit}: ProjectsScreenProps) {
	const services = useServices();
	const rowsHeight = Math.max(1, bodyHeight(size) - PROJECT_HEADER_LINES);
	const [state, dispatch] = useReducer(projectsReducer, initial, (f) => initialProjectsState({...f, now: f.now ?? services.now()}, rowsHeight));
	const background = useBackgroundStatus(services);
	useSlidingClock(background.sync, state.period, services.now, (now) => dispatch({type: 'clock', now}));

	// Every row the filters select, subagents too (their cost and time count towards their project).
	const filters = useMemo(() => queryFilters(state, state.now ?? services.now()), [state.filters, state.period, state.custom, state.now]);
	const sessions = useMemo(() => services.sessions.page(filters, 0, -1), [services, filters, background.sync.version]);
	const rows = useMemo(() => rollUpProjects(sessions, state.sort), [sessions, state.sort]);
	useEffect(() => dispatch({type: 'layout', total: rows.length, height: rowsHeight}), [rows.length, rowsHeight]);

	// Keys read with the one that asked for another screen go to that screen (the hub holds them).
	const hold = useKeyHold();
	// Requests the reducer left: carried out once each, then acknowledged.
	useEffect(() => {
		const r = state.request;
		if (!r) return;
		if (r.kind === 'quit') onQuit();
		else if (r.kind === 'back') {
			hold(r.rest ?? []);
			onBack(filterStateOf(state));
		}
		else {
			const project = rows[r.index]?.project;
			if (project === undefined) return dispatch({type: 'handled', seq: r.seq, unmet: 'that project is no longer in the list'});
			hold(r.rest ?? []);
			onBack({...filterStateOf(state), filters: {...state.filters, project}});
		}
		dispatch({type: 'handled', seq: r.seq});
	}, [state.request]);

	const send = (input: string, key: Key) => dispatch({type: 'input', input, key, now: services.now()});
	useKeys(send, {isActive: active});
	// The wheel and clicks on the rows, under the summary line and the header (not over the help).
	const table = useRef<DOMElement>(null);
	const visible = Math.max(0, Math.min(state.list.height, rows.length - state.list.offset));
	useListMouse(send, state.mode === 'help' ? null : {ref: table, skip: PROJECT_HEADER_LINES, visible, selected: state.list.cursor - state.list.offset}, {isActive: active});

	const chips = useMemo(() => [...(state.period === 'custom' ? ['period:custom'] : []), ...describeFilters(filters)], [state.period, filters]);
	const grandTotal = useMemo(() => services.sessions.count({...DEFAULT_FILTERS, topLevel: true}), [services, background.sync.version]);
	const counts = useMemo(() => ({shown: rows.reduce((a, r) => a + r.sessions, 0), total: grandTotal}), [rows, grandTotal]);
	const hints = useMemo(() => footerHints(state.mode), [state.mode]);
	if (!active) return null;
	const body = bodyHeight(size);
	return (
		<Frame
			size={size}
			title={<TitleBar screen="Projects" period={state.period} width={size.columns} />}
			status={<StatusBar sources={services.sources} sync={background.sync} spinner={background.spinner} facets={background.facets}
				filters={chips} counts={counts} notices={services.notices} hint={state.hint} timeZone={services.timeZone} width={size.columns} />}
			footer={<Footer width={size.columns} hints={hints} />}
		>
			{state.mode === 'help' ? <HelpOverlay sections={HELP} width={size.columns} height={body} />
				: <Box ref={table} flexDirection="column"><ProjectTable rows={rows} list={state.list} sort={state.sort} timeZone={services.timeZone} width={size.columns} height={body} /></Box>}
		</Frame>
	);
}
