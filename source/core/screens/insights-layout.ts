// What the Insights screen draws, as data: the charts tab's lines (two columns of bar charts with a
// description under each bar), the coverage and provider lines, and the worker's state in words.
// Pure, so the line counts the reducer scrolls by are the ones the view renders.
import type {Coverage, DistributionEntry, InsightsAggregate, ProviderShare} from '../facet-aggregate.js';
import {providerLabel, type FacetProgress} from '../facet-status.js';
import {formatCost, formatPercent, formatTokens, groupDigits} from '../format.js';
import {COLLAPSED_ENTRIES} from './insights-reducer.js';
import {maxOf} from '../numbers.js';

/** Which colour family a chart's bars take; the view maps it to theme tokens. */
export type ChartTone = 'goal' | 'outcome' | 'type' | 'friction';

export type ChartLine =
	| {kind: 'title'; text: string}
	| {kind: 'bar'; tone: ChartTone; key: string; label: string; count: number; share: number; fraction: number}
	| {kind: 'description'; text: string}
	| {kind: 'more'; hidden: number}
	| {kind: 'empty'; text: string}
	| {kind: 'blank'};

export interface ChartColumns {
	left: ChartLine[];
	right: ChartLine[];
	/** Lines of the taller column: what the charts tab scrolls through. */
	lines: number;
}

function chart(title: string, tone: ChartTone, entries: readonly DistributionEntry[], expanded: boolean, empty: string): ChartLine[] {
	const shown = expanded ? entries : entries.slice(0, COLLAPSED_ENTRIES);
	const max = maxOf(entries.map((e) => e.count), 1);
	const out: ChartLine[] = [{kind: 'title', text: title}];
	if (entries.length === 0) out.push({kind: 'empty', text: empty});
	for (const e of shown) {
		out.push({kind: 'bar', tone, key: e.key, label: e.label, count: e.count, share: e.share, fraction: e.count / max});
		if (e.description) out.push({kind: 'description', text: e.description});
	}
	if (shown.length < entries.length) out.push({kind: 'more', hidden: entries.length - shown.length});
	out.push({kind: 'blank'});
	return out;
}

export function chartColumns(a: InsightsAggregate, expanded: boolean): ChartColumns {
	const none = 'no facets in this selection yet';
	const left = [
		...chart('GOAL CATEGORIES', 'goal', a.goals, expanded, none),
		...chart('SESSION TYPES', 'type', a.sessionTypes, expanded, none),
	];
	const right = [
		...chart('OUTCOMES', 'outcome', a.outcomes, expanded, none),
		...chart('FRICTION (% of sessions with facets)', 'friction', a.friction, expanded, a.coverage.withFacet ? 'no friction recorded' : none),
	];
	return {left, right, lines: Math.max(left.length, right.length)};
}

/** "coverage 52/67 current (78%) · 3 stale · 2 failed · 10 without a facet". */
export function coverageText(c: Coverage): {head: string; tail: string} {
	const parts = [
		c.stale ? `${groupDigits(c.stale)} stale` : '',
		c.failed ? `${groupDigits(c.failed)} failed` : '',
		c.missing ? `${groupDigits(c.missing)} without a facet` : '',
	].filter(Boolean);
	return {head: `${groupDigits(c.current)}/${groupDigits(c.sessions)} sessions (${formatPercent(c.ratio)})`, tail: parts.join(' · ')};
}

/** "heuristic (rules, not an LLM) 60" / "openai/gpt-4o-mini 7 · $0.01". */
export function providerText(p: ProviderShare): string {
	if (p.heuristic) return `heuristic rules ${groupDigits(p.facets)}`;
	const cost = p.costUsd === null ? 'unpriced' : formatCost(p.costUsd);
	return `${providerLabel(p.provider, p.model)} ${groupDigits(p.facets)} (${cost})`;
}

/** The worker's state in a sentence, for the worker tab. */
export function workerText(p: FacetProgress): string {
	const who = providerLabel(p.provider, p.model);
	const tokens = p.inputTokens + p.outputTokens > 0
		? ` · ${formatTokens(p.inputTokens)} in / ${formatTokens(p.outputTokens)} out${p.costUsd === null ? ' (unpriced)' : ` · ${formatCost(p.costUsd)}`}`
		: '';
	const failed = p.failed ? ` · ${p.failed} failed` : '';
	switch (p.state) {
		case 'off': return 'insights are off (--no-insights)';
		case 'idle': return 'the facet worker has not started';
		case 'running': return `extracting with ${who}: ${p.done}/${p.total} done · ${p.inFlight} in flight${failed}${tokens}`;
		case 'done': return `up to date with ${who}: ${p.done}/${p.total} sessions${failed}${tokens}`;
		case 'stopped': return `stopped at ${p.done}/${p.total}${failed}${tokens}`;
		case 'error': return `stopped: ${p.error ?? 'unknown error'}${tokens}`;
		default: {
			const never: never = p.state;
			return String(never);
		}
	}
}
