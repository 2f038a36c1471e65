// The Insights worker tab: what the facet worker is doing, which providers made the facets in this
// selection (the heuristic said to be rules, not an LLM), and the sessions whose extraction failed, with why.
import React, {memo} from 'react';
import {Box} from 'ink';
import type {FailureEntry, ProviderShare} from '../../core/facet-aggregate.js';
import type {FacetProgress} from '../../core/facet-status.js';
import {providerLabel} from '../../core/facet-status.js';
import {providerText, workerText} from '../../core/screens/insights-layout.js';
import {dateCell} from '../../core/screens/session-columns.js';
import type {ListWindow} from '../../core/screens/list-window.js';
import {groupDigits} from '../../core/format.js';
import {Segments, SplitLine} from './segments.js';

/** Lines above the failure list: worker, blank, providers title + rows (at most 3), blank, failures title. */
export function workerHeaderLines(providers: number): number {
	return 4 + Math.max(1, Math.min(3, providers)) + 1;
}

/** Lines each failure takes. */
export const FAILURE_LINES = 2;

export interface InsightsWorkerProps {
	progress: FacetProgress;
	providers: readonly ProviderShare[];
	failures: readonly FailureEntry[];
	list: ListWindow;
	timeZone: string;
	width: number;
	height: number;
}

export const InsightsWorker = memo(function InsightsWorker(p: InsightsWorkerProps) {
	const shownProviders = p.providers.slice(0, 3);
	const failures = p.failures.slice(p.list.offset, p.list.offset + p.list.height);
	const bad = p.progress.state === 'error';
	return (
		<Box flexDirection="column" height={p.height}>
			<Segments width={p.width} segments={[{text: ' WORKER ', token: 'label'}, {text: workerText(p.progress), token: bad ? 'bad' : 'text'}]} />
			<Segments width={p.width} segments={[{text: ' '}]} />
			<Segments width={p.width} segments={[{text: ' FACETS IN THIS SELECTION BY', token: 'label'}]} />
			{shownProviders.length === 0 ? <Segments width={p.width} segments={[{text: '   none yet', token: 'muted'}]} /> : null}
			{shownProviders.map((s) => (
				<Segments key={`${s.provider}/${s.model}`} width={p.width} segments={[
					{text: '   '}, {text: providerText(s), token: s.heuristic ? 'warn' : 'model'},
					{text: ` · ${groupDigits(s.current)} current`, token: 'muted'},
					...(s.heuristic ? [{text: ' · labelled "heuristic" wherever shown', token: 'muted' as const}] : []),
				]} />
			))}
			<Segments width={p.width} segments={[{text: ' '}]} />
			<Segments width={p.width} segments={[
				{text: ` FAILURES (${p.failures.length ? `${p.list.cursor + 1}/${p.failures.length}` : '0'})`, token: 'label'},
				{text: p.failures.length ? '  Enter opens the session; it is retried when it changes or on the next start' : '', token: 'muted'},
			]} />
			{p.failures.length === 0 ? <Segments width={p.width} segments={[{text: '   no failed extractions', token: 'muted'}]} /> : null}
			{failures.map((f, i) => {
				const selected = p.list.offset + i === p.list.cursor;
				return (
					<React.Fragment key={f.sessionId}>
						<SplitLine width={p.width}
							left={[{text: selected ? '› ' : '  ', token: 'accent'}, {text: f.label, token: selected ? 'selected' : 'value'}]}
							right={[{text: `${providerLabel(f.provider, f.model)} · ${f.attempts} attempt${f.attempts === 1 ? '' : 's'} · ${dateCell(f.failedMs, p.timeZone, 12)}`, token: 'muted'}]} />
						<Segments width={p.width} segments={[{text: '    '}, {text: f.reason, token: 'bad'}]} />
					</React.Fragment>
				);
			})}
		</Box>
	);
});
