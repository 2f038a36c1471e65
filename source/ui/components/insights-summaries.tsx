// The Insights summaries tab: the newest sessions with a facet, three lines each (goal with its category
// and outcome; the summary; the session, when, and who made the facet), windowed around the cursor.
import React, {memo} from 'react';
import {Box} from 'ink';
import type {RecentSummary} from '../../core/facet-aggregate.js';
import {GOAL_LABELS, OUTCOME_LABELS} from '../../core/facet-vocabulary.js';
import {providerLabel} from '../../core/facet-status.js';
import {dateCell} from '../../core/screens/session-columns.js';
import type {ListWindow} from '../../core/screens/list-window.js';
import {Segments, SplitLine} from './segments.js';

/** Lines each summary takes. */
export const SUMMARY_LINES = 3;

const label = (labels: Readonly<Record<string, {label: string}>>, key: string) => labels[key]?.label ?? key.replaceAll('_', ' ');

const SummaryItem = memo(function SummaryItem({s, selected, timeZone, width}: {s: RecentSummary; selected: boolean; timeZone: string; width: number}) {
	const who = s.heuristic ? 'heuristic (rules, not an LLM)' : providerLabel(s.provider, s.model);
	return (
		<>
			<SplitLine width={width}
				left={[{text: selected ? '› ' : '  ', token: 'accent'}, {text: s.underlyingGoal || '(no goal given)', token: selected ? 'selected' : 'value'}]}
				right={[{text: `[${label(GOAL_LABELS, s.goalCategory)}] `, token: 'spark'}, {text: label(OUTCOME_LABELS, s.outcome), token: 'label'}]} />
			<Segments width={width} segments={[{text: '    '}, {text: s.briefSummary || '(no summary)', token: 'text'}]} />
			<Segments width={width} segments={[
				{text: '    '}, {text: dateCell(s.startMs, timeZone, 12), token: 'muted'}, {text: ' · ', token: 'rule'},
				{text: s.label, token: 'muted'}, {text: ' · ', token: 'rule'}, {text: who, token: s.heuristic ? 'warn' : 'model'},
				...(s.current ? [] : [{text: ' · stale: the session grew since', token: 'warn' as const}]),
			]} />
		</>
	);
});

export interface InsightsSummariesProps {
	summaries: readonly RecentSummary[];
	/** Every summary of the selection (`e`), or the newest ten. */
	all: boolean;
	/** Sessions of the selection with a summary (how many `e` would list). */
	withFacet: number;
	list: ListWindow;
	timeZone: string;
	width: number;
	height: number;
}

export const InsightsSummaries = memo(function InsightsSummaries({summaries, all, withFacet, list, timeZone, width, height}: InsightsSummariesProps) {
	const shown = summaries.slice(list.offset, list.offset + list.height);
	const position = summaries.length ? `${list.cursor + 1}/${summaries.length}` : '0';
	return (
		<Box flexDirection="column" height={height}>
			<Segments width={width} segments={[
				{text: ` ${all ? 'ALL' : 'RECENT'} SUMMARIES (${position})`, token: 'label'},
				{text: `  newest first · Enter opens the session${all ? ' · e the newest only' : withFacet > summaries.length ? ` · e lists all ${withFacet}` : ''}`, token: 'muted'},
			]} />
			{summaries.length === 0 ? <Segments width={width} segments={[{text: '   no summaries in this selection yet', token: 'muted'}]} /> : null}
			{shown.map((s, i) => <SummaryItem key={s.sessionId} s={s} selected={list.offset + i === list.cursor} timeZone={timeZone} width={width} />)}
		</Box>
	);
});
