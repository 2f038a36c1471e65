// The Analytics screen: trends at a glance over the Sessions screen's filters and period, drawn from the
// same AnalyticsModel `analytics --json` prints. One reducer, one input handler; the page is built as
// lines (see components/analytics-page) and scrolled; Enter on a day or an hour lists its sessions.
import React, {useEffect, useMemo, useReducer, useRef} from 'react';
import {Box, type DOMElement, type Key} from 'ink';
import {useKeyHold, useKeys} from '../hooks/use-keys.js';
import {useListMouse} from '../hooks/use-list-mouse.js';
import {bindingsFor} from '../../core/keymap.js';
import {describeFilters} from '../../core/filters.js';
import {DEFAULT_FILTERS} from '../../core/types.js';
import {previousWindow} from '../../core/time.js';
import {filterStateOf, filtersKey, queryFilters} from '../../core/screens/sessions-filters.js';
import type {FilteredScreenProps} from './screen-props.js';
import {analyticsReducer, initialAnalyticsState} from '../../core/screens/analytics-reducer.js';
import {analyticsHints} from '../../core/screens/analytics-hints.js';
import {useServices} from '../services/context.js';
import {useBackgroundStatus} from '../hooks/use-status.js';
import {useDeferredQuery} from '../hooks/use-deferred-query.js';
import {Frame, bodyHeight} from '../components/frame.js';
import {TitleBar} from '../components/title-bar.js';
import {StatusBar} from '../components/status-bar.js';
import {Footer} from '../components/footer.js';
import {HelpOverlay} from '../components/help-overlay.js';
import {Segments} from '../components/segments.js';
import {analyticsPage} from '../components/analytics-page.js';
import {DRILL_HEADER_LINES, DrillView} from '../components/analytics-drill.js';

const HELP = [
	{title: 'Analytics', bindings: bindingsFor('analytics')},
	{title: 'Heatmap focused', bindings: bindingsFor('analytics-heatmap')},
	{title: "A day's sessions", bindings: bindingsFor('analytics-drill')},
];

export type AnalyticsScreenProps = FilteredScreenProps;

export function AnalyticsScreen({size, initial, active, onOpen, onBack, onQuit}: AnalyticsScreenProps) {
	const services = useServices();
	const background = useBackgroundStatus(services);
	const [state, dispatch] = useReducer(analyticsReducer, undefined, () => initialAnalyticsState(initial, services.now(), services.sync.getSnapshot().version));
	const filters = useMemo(() => queryFilters(state, state.now), [state.filters, state.period, state.custom, state.now]);
	const dataKey = `${filtersKey(filters, false)}|${state.version}|${state.now}`;
	// Whether there is a previous period travels with the figures, so a frame never mixes old and new.
	const {value: {model, hasPrevious}} = useDeferredQuery(dataKey, () => ({
		model: services.analytics.model(filters, state.now), hasPrevious: previousWindow(filters, state.now) !== null,
	}));
	const grandTotal = useMemo(() => services.sessions.count(DEFAULT_FILTERS), [services, state.version]);

	// A sync that changed the index (or moved a sliding period's clock) re-reads the figures.
	const {version, lastSyncMs} = background.sync;
	useEffect(() => {
		const sliding = state.period !== 'all' && state.period !== 'custom';
		if (version !== state.version || (sliding && lastSyncMs !== null)) dispatch({type: 'refreshed', version, now: services.now()});
	}, [version, lastSyncMs]);

	const page = useMemo(
		() => analyticsPage(model, size.columns, state, hasPrevious),
		[model, size.columns, state.focus, state.dayBack, state.hour, state.toolsExpanded, state.modelSort, hasPrevious],
	);
	const body = bodyHeight(size);
	const drillHeight = Math.max(1, body - DRILL_HEADER_LINES);
	const overflow = page.lines.length > body;
	const viewHeight = overflow ? body - 1 : body;
	useEffect(() => dispatch({type: 'layout', layout: {
		lines: page.lines.length, height: viewHeight, panels: page.panels, busiest: page.busiest, drillHeight,
		dayCells: page.cells.map((c) => ({first: c.first, last: c.last})),
	}}), [page, viewHeight, drillHeight]);

	const slot = state.drill?.slot ?? null;
	const rows = useMemo(() => (slot ? services.analytics.sessions(filters, slot) : []), [slot, dataKey]);
	useEffect(() => {
		if (slot) dispatch({type: 'drill-total', total: rows.length});
	}, [slot, rows]);

	// Keys read with the one that asked for another screen go to that screen (the hub holds them).
	const hold = useKeyHold();
	// Requests the reducer left: carried out once each, then acknowledged.
	useEffect(() => {
		const r = state.request;
		if (!r) return;
		if (r.kind === 'back') {
			hold(r.rest ?? []);
			onBack(filterStateOf(state));
		}
		else if (r.kind === 'quit') onQuit();
		else {
			const session = rows[r.index];
			if (session) {
				hold(r.rest ?? []);
				onOpen(session.id);
			}
		}
		dispatch({type: 'handled', seq: r.seq});
	}, [state.request]);

	const send = (input: string, key: Key) => dispatch({type: 'input', input, key, now: services.now()});
	useKeys(send, {isActive: active});
	// The wheel scrolls the page (j/k) and moves in a day's sessions; a click there selects or opens one.
	const drillBox = useRef<DOMElement>(null);
	const drill = state.mode === 'drill' && state.drill ? state.drill.list : null;
	useListMouse(send, state.mode === 'help' ? null : drill
		? {ref: drillBox, skip: DRILL_HEADER_LINES, visible: Math.max(0, Math.min(drill.height, rows.length - drill.offset)), selected: drill.cursor - drill.offset}
		: {ref: drillBox, visible: 0, selected: -1, wheel: {down: 'j', up: 'k'}}, {isActive: active});

	const chips = useMemo(() => [...(state.period === 'custom' ? ['period:custom'] : []), ...describeFilters(filters)], [state.period, filters]);
	const counts = useMemo(() => ({shown: model.sessions, total: grandTotal}), [model.sessions, grandTotal]);
	// The focused panel's keys (see analytics-hints): `←→/hl day` on the activity chart, `←→/hl hour` on the heatmap.
	const hints = useMemo(() => analyticsHints(state), [state.mode, state.focus]);
	if (!active) return null;

	const scroll = Math.min(state.scroll, Math.max(0, page.lines.length - viewHeight));
	const below = page.lines.length - scroll - viewHeight;
	return (
		<Frame
			size={size}
			title={<TitleBar screen="Analytics" period={state.period} width={size.columns} />}
			status={<StatusBar sources={services.sources} sync={background.sync} spinner={background.spinner} facets={background.facets}
				filters={chips} counts={counts} notices={[]} timeZone={services.timeZone} width={size.columns} />}
			footer={<Footer width={size.columns} hints={hints} />}
		>
			{state.mode === 'help' ? <HelpOverlay sections={HELP} width={size.columns} height={body} />
				: state.mode === 'drill' && state.drill ? (
					<Box ref={drillBox} flexDirection="column"><DrillView slot={state.drill.slot} rows={rows} list={state.drill.list} sort={filters.sort} sortDir={filters.sortDir}
						timeZone={services.timeZone} width={size.columns} height={body} /></Box>
				) : (
					<>
						{page.lines.slice(scroll, scroll + viewHeight).map((line, i) => (
							<Segments key={i} width={size.columns} segments={line.length ? line : [{text: ' '}]} />
						))}
						{overflow ? <Segments width={size.columns} segments={[
							{text: `  ${scroll > 0 ? `▲ ${scroll} above` : 'top'} · ${below > 0 ? `▼ ${below} below` : 'end'}`, token: 'muted'},
							{text: '  j/k scroll · Tab next panel', token: 'muted'},
						]} /> : null}
					</>
				)}
		</Frame>
	);
}
