// The Insights screen (`i` on the sessions list): what the sessions in the filter were for, how they
// ended, what got in the way, recent summaries (Enter opens the session), coverage, the worker and its
// failures. One reducer, one input handler; the views below take everything as props.
import React, {useEffect, useMemo, useReducer} from 'react';
import {useKeyHold, useKeys} from '../hooks/use-keys.js';
import {bindingsFor, footerHints} from '../../core/keymap.js';
import {describeFilters} from '../../core/filters.js';
import {DEFAULT_FILTERS} from '../../core/types.js';
import {initialInsightsState, insightsReducer} from '../../core/screens/insights-reducer.js';
import {chartColumns} from '../../core/screens/insights-layout.js';
import {filterStateOf} from '../../core/screens/sessions-filters.js';
import type {FilteredScreenProps} from './screen-props.js';
import {useServices} from '../services/context.js';
import {useBackgroundStatus} from '../hooks/use-status.js';
import {useInsightsData, useSlidingClock} from '../hooks/use-insights-data.js';
import {Frame, bodyHeight} from '../components/frame.js';
import {TitleBar} from '../components/title-bar.js';
import {StatusBar} from '../components/status-bar.js';
import {Footer} from '../components/footer.js';
import {HelpOverlay} from '../components/help-overlay.js';
import {INSIGHTS_HEADER_LINES, InsightsHeader} from '../components/insights-header.js';
import {InsightsCharts} from '../components/insights-charts.js';
import {InsightsSummaries, SUMMARY_LINES} from '../components/insights-summaries.js';
import {FAILURE_LINES, InsightsWorker, workerHeaderLines} from '../components/insights-worker.js';

const HELP = [{title: 'Insights', bindings: bindingsFor('insights')}];

export type InsightsScreenProps = FilteredScreenProps;

export function InsightsScreen({size, initial, active, onOpen, onBack, onQuit}: InsightsScreenProps) {
	const services = useServices();
	const [state, dispatch] = useReducer(insightsReducer, initial, (f) => initialInsightsState(f));
	const background = useBackgroundStatus(services);
	const {filters, aggregate, progress} = useInsightsData(services, state, background.sync.version, state.expanded);
	useSlidingClock(background.sync, state.period, services.now, (now) => dispatch({type: 'clock', now}));
	const columns = useMemo(() => chartColumns(aggregate, state.expanded), [aggregate, state.expanded]);

	const content = Math.max(1, bodyHeight(size) - INSIGHTS_HEADER_LINES);
	const summaryRows = Math.max(1, Math.floor((content - 1) / SUMMARY_LINES));
	const failureRows = Math.max(1, Math.floor((content - workerHeaderLines(aggregate.providers.length)) / FAILURE_LINES));
	useEffect(() => dispatch({
		type: 'layout', chartLines: columns.lines, chartHeight: content, summaries: aggregate.recent.length, summaryRows,
		failures: aggregate.failures.length, failureRows,
	}), [columns.lines, content, aggregate.recent.length, summaryRows, aggregate.failures.length, failureRows]);

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
			const id = r.tab === 'summaries' ? aggregate.recent[r.index]?.sessionId : aggregate.failures[r.index]?.sessionId;
			if (!id) return dispatch({type: 'handled', seq: r.seq, unmet: true});
			hold(r.rest ?? []);
			onOpen(id);
		}
		dispatch({type: 'handled', seq: r.seq});
	}, [state.request]);

	useKeys((input, key) => dispatch({type: 'input', input, key, now: services.now()}), {isActive: active});

	const chips = useMemo(() => [...(state.period === 'custom' ? ['period:custom'] : []), ...describeFilters(filters)], [state.period, filters]);
	const grandTotal = useMemo(() => services.sessions.count(DEFAULT_FILTERS), [services, background.sync.version]);
	const counts = useMemo(() => ({shown: aggregate.coverage.sessions, total: grandTotal}), [aggregate.coverage.sessions, grandTotal]);
	const hints = useMemo(() => footerHints(state.mode === 'help' ? 'help' : 'insights'), [state.mode]);
	if (!active) return null;
	const body = bodyHeight(size);
	return (
		<Frame
			size={size}
			title={<TitleBar screen="Insights" period={state.period} width={size.columns} />}
			status={<StatusBar sources={services.sources} sync={background.sync} spinner={background.spinner} facets={background.facets}
				filters={chips} counts={counts} notices={services.notices} timeZone={services.timeZone} width={size.columns} />}
			footer={<Footer width={size.columns} hints={hints} />}
		>
			{state.mode === 'help' ? <HelpOverlay sections={HELP} width={size.columns} height={body} /> : (
				<>
					<InsightsHeader aggregate={aggregate} tab={state.tab} width={size.columns} />
					{state.tab === 'charts' ? <InsightsCharts columns={columns} offset={state.charts.offset} height={content} width={size.columns} /> : null}
					{state.tab === 'summaries' ? (
						<InsightsSummaries summaries={aggregate.recent} all={state.expanded} withFacet={aggregate.coverage.withFacet} list={state.summaries} timeZone={services.timeZone} width={size.columns} height={content} />
					) : null}
					{state.tab === 'worker' ? (
						<InsightsWorker progress={progress} providers={aggregate.providers} failures={aggregate.failures} list={state.failures}
							timeZone={services.timeZone} width={size.columns} height={content} />
					) : null}
				</>
			)}
		</Frame>
	);
}
