// The Search screen's list: one line per matching message (time, session, role, snippet with the match
// marked), only the visible window rendered.
import React, {memo} from 'react';
import {Box} from 'ink';
import type {SearchResult} from '../../workspace/search-results.js';
import {sanitizeLine} from '../../core/sanitize.js';
import {cells, fit} from '../text-fit.js';
import {narrowSnippet} from '../../core/search-snippet.js';
import {Segments, type Segment} from './segments.js';
import {snippetSegments} from './snippet-line.js';
import {dateTime} from './timeline-format.js';

const TIME = 16;
const ROLE = 9;

function labelWidth(width: number): number {
	return Math.max(12, Math.min(30, Math.floor(width * 0.22)));
}

const HitRow = memo(function HitRow({hit, selected, width, timeZone}: {hit: SearchResult; selected: boolean; width: number; timeZone: string}) {
	const label = labelWidth(width);
	const head = `${selected ? '› ' : '  '}${fit(dateTime(hit.timestamp, timeZone), TIME)}  ${fit(sanitizeLine(hit.sessionLabel) || hit.sessionId, label)}  ${fit(hit.role, ROLE)}  `;
	const snippet = hit.snippet.text ? snippetSegments(narrowSnippet(hit.snippet, width - cells(head)), selected ? 'selected' : 'text') : [{text: `(${hit.snippet.column})`, token: 'muted' as const}];
	const segments: Segment[] = [{text: head, token: selected ? 'selected' : 'muted'}, ...snippet];
	return <Segments width={width} segments={segments} />;
});

export function SearchHeader({width}: {width: number}) {
	const label = labelWidth(width);
	return <Segments width={width} segments={[{text: `  ${fit('time', TIME)}  ${fit('session', label)}  ${fit('role', ROLE)}  match`, token: 'header'}]} />;
}

export function SearchResults({hits, offset, cursor, height, width, timeZone, empty}: {
	hits: readonly SearchResult[]; offset: number; cursor: number; height: number; width: number; timeZone: string; empty: string;
}) {
	if (hits.length === 0) return <Box height={height}><Segments width={width} segments={[{text: `  ${empty}`, token: 'muted'}]} /></Box>;
	return (
		<Box flexDirection="column" height={height}>
			{hits.slice(offset, offset + height).map((hit, i) => (
				<HitRow key={`${hit.sourceId}:${hit.messageId}`} hit={hit} selected={offset + i === cursor} width={width} timeZone={timeZone} />
			))}
		</Box>
	);
}
