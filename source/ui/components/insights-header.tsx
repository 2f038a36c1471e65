// The Insights screen's top lines: coverage (sessions with a current facet ÷ sessions in the filter) with
// a small bar, which providers made the facets shown, and the tab bar.
import React, {memo} from 'react';
import type {InsightsAggregate} from '../../core/facet-aggregate.js';
import {coverageText, providerText} from '../../core/screens/insights-layout.js';
import {INSIGHTS_TABS, TAB_TITLES, type InsightsTab} from '../../core/screens/insights-reducer.js';
import {Segments, SplitLine, type Segment} from './segments.js';

/** Lines the header takes above a tab's content. */
export const INSIGHTS_HEADER_LINES = 3;

const METER = 12;

export const InsightsHeader = memo(function InsightsHeader({aggregate, tab, width}: {aggregate: InsightsAggregate; tab: InsightsTab; width: number}) {
	const c = aggregate.coverage;
	const text = coverageText(c);
	const filled = c.sessions ? Math.round(c.ratio * METER) : 0;
	const coverage: Segment[] = [
		{text: ' coverage ', token: 'label'}, {text: '█'.repeat(filled), token: 'good'}, {text: '░'.repeat(METER - filled), token: 'rule'},
		{text: ` ${text.head}`, token: 'value'}, {text: ' have a current facet', token: 'muted'},
		...(text.tail ? [{text: ' · ', token: 'rule' as const}, {text: text.tail, token: 'warn' as const}] : []),
	];
	const providers: Segment[] = aggregate.providers.length
		? aggregate.providers.flatMap((p, i) => [
			...(i > 0 ? [{text: ' · ', token: 'rule' as const}] : []), {text: providerText(p), token: p.heuristic ? 'warn' as const : 'model' as const},
		])
		: [{text: 'none yet', token: 'muted'}];
	const tabs: Segment[] = INSIGHTS_TABS.flatMap((t, i) => [
		...(i > 0 ? [{text: ' │ ', token: 'rule' as const}] : [{text: ' '}]),
		t === tab ? {text: ` ${TAB_TITLES[t]} `, token: 'chipOn' as const} : {text: ` ${TAB_TITLES[t]} `, token: 'chipOff' as const},
	]);
	return (
		<>
			<Segments width={width} segments={coverage} />
			<Segments width={width} segments={[{text: ' facets by ', token: 'label'}, ...providers]} />
			<SplitLine width={width} left={tabs} right={[{text: 'Tab switches ', token: 'muted'}]} />
		</>
	);
});
