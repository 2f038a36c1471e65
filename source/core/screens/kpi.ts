// The Sessions screen's header: five figures with their change against the previous period, and a
// sparkline of daily cost. Pure text; the view colours a change by whether it is good news.
import type {OverviewTotals, PeriodComparison, Change as PeriodChange} from '../overview.js';
import {formatChange, formatCostShort, formatDuration, formatPercent, formatTokens, groupDigits} from '../format.js';
import {dayKey, dayStart, daysBetween} from '../time.js';
import {maxOf} from '../numbers.js';

export interface KpiChange {
	arrow: '▲' | '▼' | '→';
	text: string;
	/** true: good news (green), false: bad news (red), null: neutral. */
	good: boolean | null;
}

export interface KpiCell {
	label: string;
	value: string;
	/** A shorter value for a narrow cell. */
	narrow?: string;
	/** null when there is no previous period to compare with (all time). */
	change: KpiChange | null;
}

/** The change as a percentage of the previous value; cost is the one figure where down is good news. */
function relative(c: PeriodChange, lowerIsBetter = false): KpiChange {
	const {arrow, text} = formatChange(c.current, c.previous);
	return {arrow, text, good: arrow === '→' ? null : (arrow === '▼') === lowerIsBetter};
}

/** Success rate moves in percentage points: 60% → 73% is ▲13 pts, not ▲22%. */
function points(c: PeriodChange): KpiChange {
	const pts = Math.round((c.current - c.previous) * 100);
	if (pts === 0) return {arrow: '→', text: '0 pts', good: null};
	return {arrow: pts > 0 ? '▲' : '▼', text: `${Math.abs(pts)} pts`, good: pts > 0};
}

export function kpiCells(totals: OverviewTotals, comparison: PeriodComparison | null): KpiCell[] {
	// "+5 unpriced" reads as "+5?" where the cell is narrow (the view picks the form that fits).
	const unpriced = totals.unpricedSessions ? ` +${totals.unpricedSessions} unpriced` : '';
	return [
		{label: 'SPEND', value: `${formatCostShort(totals.totalCost)}${unpriced}`, narrow: `${formatCostShort(totals.totalCost)}${totals.unpricedSessions ? ` +${totals.unpricedSessions}?` : ''}`, change: comparison && relative(comparison.totalCost, true)},
		{label: 'TOKENS IN/OUT', value: `${formatTokens(totals.inputTokens)} / ${formatTokens(totals.outputTokens)}`,
			change: comparison && relative(comparison.totalTokens)},
		{label: 'AGENT TIME', value: formatDuration(totals.durationMs), change: comparison && relative(comparison.durationMs)},
		{label: 'TOOL CALLS', value: groupDigits(totals.toolCalls), change: comparison && relative(comparison.toolCalls)},
		{label: 'SUCCESS', value: totals.sessions ? formatPercent(totals.successRate) : '—',
			change: comparison && (totals.sessions && comparison.successRate.previous !== 0 ? points(comparison.successRate) : relative(comparison.successRate))},
	];
}

const LEVELS = '▁▂▃▄▅▆▇█';

/**
 * One character per value (zero is a space), scaled to the largest. More values than `width` are summed
 * in equal runs so the line keeps its width; the run length is returned for the label ("per 3 days").
 */
export function sparkline(values: readonly number[], width: number): {text: string; perChar: number; max: number} {
	if (width <= 0 || values.length === 0) return {text: '', perChar: 1, max: 0};
	const perChar = Math.ceil(values.length / width);
	// Runs are counted from the newest day back, as Analytics groups its days: the last character is
	// always the latest `perChar` days, and only the oldest run may be short.
	const sums: number[] = [];
	for (let end = values.length; end > 0; end -= perChar) sums.unshift(values.slice(Math.max(0, end - perChar), end).reduce((a, v) => a + v, 0));
	const max = maxOf(sums);
	const text = sums.map((v) => (v <= 0 || max <= 0 ? ' ' : LEVELS[Math.min(7, Math.max(0, Math.ceil((v / max) * 8) - 1))])).join('');
	return {text, perChar, max};
}

export interface CostBucket {
	/** Start of a 15-minute bucket (every zone's offset is a multiple of 15 minutes, so buckets never straddle a midnight). */
	startMs: number;
	cost: number;
}

export interface DayCost {
	day: string;
	cost: number;
}

/**
 * Cost per calendar day in the zone for every day of the window (zeros included), from 15-minute buckets.
 * An open window starts at the first bucket and ends at `now`.
 */
export function dailyCost(buckets: readonly CostBucket[], window: {fromMs: number | null; toMs: number | null}, now: number, timeZone: string): DayCost[] {
	const sorted = [...buckets].sort((a, b) => a.startMs - b.startMs);
	const from = window.fromMs ?? sorted[0]?.startMs ?? now;
	const to = Math.max(window.toMs ?? now + 1, from + 1);
	const days = daysBetween(from, to, timeZone).map((day) => ({day, startMs: dayStart(day, timeZone), cost: 0}));
	let d = 0;
	for (const bucket of sorted) {
		if (days.length === 0 || bucket.startMs < days[0]!.startMs) continue;
		while (d + 1 < days.length && days[d + 1]!.startMs <= bucket.startMs) d++;
		if (d === days.length - 1 && dayKey(bucket.startMs, timeZone) !== days[d]!.day) continue;
		days[d]!.cost += bucket.cost;
	}
	return days.map(({day, cost}) => ({day, cost}));
}
