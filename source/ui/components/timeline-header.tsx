// The top of the Timeline: what the session was, what it cost and where the cost figure comes from,
// its facet once one exists, the session analytics panel, and the token sparkline over its groups.
import React, {memo} from 'react';
import {Box} from 'ink';
import {formatCost, formatDuration, formatTokens, groupDigits} from '../../core/format.js';
import {sanitizeLine} from '../../core/sanitize.js';
import {STATUS_GLYPHS} from '../../core/screens/session-columns.js';
import {groupSpark} from '../../core/screens/timeline-spark.js';
import {describePriceLayers} from '../../core/pricing.js';
import {COST_SOURCE_NOTES} from '../../core/cost.js';
import type {SessionAnalytics} from '../../core/session-analytics.js';
import type {TimelineOutline} from '../services/types.js';
import {Segments, SplitLine, type Segment} from './segments.js';
import {dateTime} from './timeline-format.js';
import {pushAll} from '../../core/numbers.js';

const dot: Segment = {text: ' · ', token: 'rule'};

const subSessions = (n: number) => (n === 1 ? '1 sub-session' : `${n} sub-sessions`);

/** Lines the header takes: three of session figures, the facet when there is one, two of analytics, the sparkline. */
export function headerHeight(outline: TimelineOutline): number {
	return 6 + (outline.facet ? 1 : 0) + (outline.notes?.statusReason ? 1 : 0);
}

function facetLine(o: TimelineOutline): Segment[] | null {
	const f = o.facet;
	if (!f) return null;
	const note = `${f.heuristic ? 'heuristic' : sanitizeLine(f.model)}${f.current ? '' : ', stale'}`;
	return [
		{text: ' facet  ', token: 'label'}, {text: f.facet.goalCategory.replace(/_/g, ' '), token: 'accent'}, dot,
		{text: f.facet.outcome.replace(/_/g, ' ')}, dot, {text: f.facet.sessionType.replace(/_/g, ' ')}, dot,
		{text: sanitizeLine(f.facet.briefSummary), token: 'muted'}, {text: ` (${note})`, token: 'muted'},
	];
}

function analyticsLines(a: SessionAnalytics | null, unreadable: string | null): Segment[][] {
	// Worked out from the messages' text: none read (a tapes file gone) is said, not shown as zeros.
	if (unreadable !== null) return [[{text: ' pace   ', token: 'label'}, {text: `unavailable: ${sanitizeLine(unreadable)}`, token: 'muted'}], [{text: ' '}]];
	if (!a) return [[{text: ' pace   ', token: 'label'}, {text: 'reading the messages…', token: 'muted'}], [{text: ' '}]];
	return [[
		{text: ' pace   ', token: 'label'}, {text: `${a.userMessages} user`}, dot, {text: `${a.assistantMessages} assistant`}, dot,
		{text: `avg response ${formatDuration(a.avgResponseTimeMs)}`}, dot, {text: `longest pause ${formatDuration(a.longestPauseMs)}`}, dot,
		{text: `${formatTokens(a.tokensPerMinute)} tok/min`},
	], [
		{text: ' tools  ', token: 'label'}, {text: `${a.uniqueTools} unique`}, dot,
		{text: `${a.toolErrors} with errors`, ...(a.toolErrors ? {token: 'bad' as const} : {})}, dot,
		{text: `avg prompt ${groupDigits(a.avgPromptLength)} chars`}, dot, {text: `avg response ${groupDigits(a.avgResponseLength)} chars`},
	]];
}

export interface TimelineHeaderProps {
	outline: TimelineOutline;
	analytics: SessionAnalytics | null;
	/** Why no message could be read (then there are no analytics to show). */
	unreadable?: string | null;
	pricing: {source: string; verified: string};
	timeZone: string;
	width: number;
}

export const TimelineHeader = memo(function TimelineHeader({outline: o, analytics, unreadable = null, pricing, timeZone, width}: TimelineHeaderProps) {
	const s = o.summary;
	const layers = describePriceLayers(o.notes?.priceSource ?? '', pricing.source);
	const costNote = s.totalCost === null ? COST_SOURCE_NOTES[s.costSource] : `${COST_SOURCE_NOTES[s.costSource]}${s.costSource === 'recorded' ? '' : `, ${layers}`}`;
	const lines: Segment[][] = [
		[
			{text: ' '}, {text: sanitizeLine(s.project) || '—', token: 'label'}, dot, {text: sanitizeLine(s.agent) || '—'}, dot,
			{text: s.models.map(sanitizeLine).join(', ') || '—', token: 'model'}, dot,
			{text: `${groupDigits(s.messageCount)} messages in ${groupDigits(o.groups.length)} groups`}, dot,
			{text: subSessions(o.subSessions.length), token: o.subSessions.length ? 'accent' : 'muted'}, dot,
			{text: `${dateTime(s.startMs, timeZone)}, ${formatDuration(s.durationMs)}`},
		],
		[
			{text: ' cost   ', token: 'label'}, {text: formatCost(s.totalCost), token: s.totalCost === null ? 'unpriced' : 'cost'},
			{text: ` (${costNote})`, token: 'muted'},
			// Beside a cost the source recorded (tapes, PromptKit), what tapedeck's own prices make of the tokens.
			...(s.costSource === 'recorded' && o.computedCost != null ? [dot, {text: `${formatCost(o.computedCost)} at tapedeck's prices`, token: 'cost' as const}] : []), dot,
			{text: `${formatTokens(s.inputTokens)} in · ${formatTokens(s.outputTokens)} out · cache ${formatTokens(s.cacheReadTokens)} read · ${formatTokens(s.cacheWriteTokens)} write`},
		],
	];
	// Why the session got its status: which tool failed for good, what was recovered or declined.
	if (o.notes?.statusReason) {
		lines.push([{text: ' status ', token: 'label'}, {text: `${s.status}: `, token: `status.${s.status}`}, {text: sanitizeLine(o.notes.statusReason)}]);
	}
	const facet = facetLine(o);
	if (facet) lines.push(facet);
	pushAll(lines, analyticsLines(analytics, unreadable));
	return (
		<Box flexDirection="column" width={width}>
			<SplitLine
				width={width}
				left={[{text: ' '}, {text: sanitizeLine(s.label) || '(no label)', token: 'title'}]}
				right={[{text: `${STATUS_GLYPHS[s.status]} ${s.status}`, token: `status.${s.status}`}, {text: `  ${s.id} `, token: 'muted'}]}
			/>
			{lines.map((l, i) => <Segments key={i} width={width} segments={l} />)}
		</Box>
	);
});

/** Tokens per group, the selected group's bar inverted; labelled with what one cell stands for. */
export const TimelineSpark = memo(function TimelineSpark({values, selected, width}: {values: readonly number[]; selected: number; width: number}) {
	const label = ' tokens ';
	const room = Math.max(4, width - label.length - 22);
	const spark = groupSpark(values, room, selected);
	const {start, end} = spark.selected;
	const tail = ` max ${formatTokens(spark.max)}${spark.perCell > 1 ? ` · ${spark.perCell} groups a cell` : ' a group'}`;
	return (
		<Segments width={width} segments={[
			{text: label, token: 'label'},
			{text: spark.cells.slice(0, start).join(''), token: 'spark'},
			{text: spark.cells.slice(start, end).join('') || ' ', token: 'selected'},
			{text: spark.cells.slice(end).join(''), token: 'spark'},
			{text: tail, token: 'muted'},
		]} />
	);
});
