// The activity panel: sessions, cost and tokens per day as three aligned sparklines, one cell per day
// (or per run of days when the period is longer than the width, which the header says), each with its
// total, peak day and change against the previous period; the selected cell's figures below.
import type {AnalyticsModel, SeriesStats} from '../../core/analytics-model.js';
import {bucketDays, type DayCell} from '../../core/day-bucketing.js';
import {seriesChange, sparkGlyphs, ZERO_GLYPH} from '../../core/screens/analytics-charts.js';
import {shortDay, slotLabel} from '../../core/screens/analytics-slot.js';
import {formatCost, formatTokens, groupDigits} from '../../core/format.js';
import {fitToWidth, stringWidth} from '../../terminal/width.js';
import type {Token} from '../theme.js';
import {sectionHeader, type Line} from './analytics-lines.js';
import {maxOf} from '../../core/numbers.js';

const LABEL = 9;
const INDENT = 2;

interface Series {
	label: string;
	stats: SeriesStats;
	value(c: DayCell): number;
	format(n: number): string;
	/** Whether a rise is bad news (cost), good news, or neither. */
	riseIs: 'bad' | 'neutral';
}

const SERIES: ReadonlyArray<Omit<Series, 'stats'>> = [
	{label: 'sessions', value: (c) => c.sessions, format: groupDigits, riseIs: 'neutral'},
	{label: 'cost', value: (c) => c.cost, format: (n) => formatCost(n), riseIs: 'bad'},
	{label: 'tokens', value: (c) => c.tokens, format: formatTokens, riseIs: 'neutral'},
];

function seriesOf(model: AnalyticsModel): Series[] {
	const stats = [model.series.sessions, model.series.cost, model.series.tokens];
	return SERIES.map((s, i) => ({...s, stats: stats[i]!}));
}

function statsLine(s: Series, hasPrevious: boolean): Line {
	const peak = s.stats.peakDay ? `peak ${shortDay(s.stats.peakDay)} (${s.format(s.stats.peakValue)})` : 'no peak';
	const change = seriesChange(s.stats, hasPrevious);
	const token: Token = change.arrow === '' || change.arrow === '→' || s.riseIs === 'neutral' ? 'muted' : (change.arrow === '▲') ? 'bad' : 'good';
	return [
		{text: s.format(s.stats.total), token: 'value'}, {text: ` · ${peak} · `, token: 'muted'},
		{text: `${change.arrow}${change.arrow ? ' ' : ''}${change.text}`, token},
	];
}

const lineWidth = (l: Line) => l.reduce((a, s) => a + stringWidth(s.text), 0);

export interface ActivityPanel {
	lines: Line[];
	cells: DayCell[];
}

export function activityPanel(model: AnalyticsModel, width: number, o: {focused: boolean; dayBack: number; hasPrevious: boolean}): ActivityPanel {
	const series = seriesOf(model);
	const stats = series.map((s) => statsLine(s, o.hasPrevious));
	const statsWidth = maxOf(stats.map(lineWidth));
	const days = model.days.length;
	const lead = INDENT + LABEL;
	// Figures beside the sparklines when that leaves a day per cell for a month; under them otherwise.
	const inline = width - lead - 2 - statsWidth >= Math.min(days, 30);
	const room = Math.max(1, inline ? width - lead - 2 - statsWidth : width - lead - 1);
	const {cells, perCell} = bucketDays(model.days, room);
	const selected = cells.length - 1 - Math.min(o.dayBack, Math.max(0, cells.length - 1));
	const sparkWidth = cells.length;

	const unit = perCell === 1 ? 'one cell a day' : `one cell = ${perCell} days`;
	const lines: Line[] = [sectionHeader('ACTIVITY', `${days} days · ${unit} · ${model.timeZone}`, width, o.focused)];
	series.forEach((s, i) => {
		const values = cells.map(s.value);
		const glyphs = sparkGlyphs(values);
		const line: Line = [{text: ' '.repeat(INDENT)}, {text: fitToWidth(s.label, LABEL), token: 'label'}];
		glyphs.forEach((g, j) => line.push({text: g, token: j === selected && o.focused ? 'selected' : g === ZERO_GLYPH ? 'rule' : 'spark'}));
		if (inline) lines.push([...line, {text: '  '}, ...stats[i]!]);
		else lines.push(line, [{text: ' '.repeat(lead)}, ...stats[i]!]);
	});
	if (cells.length) {
		const first = shortDay(cells[0]!.first);
		const last = shortDay(cells[cells.length - 1]!.last);
		const axis = sparkWidth >= stringWidth(first) + stringWidth(last) + 1 ? first + ' '.repeat(sparkWidth - stringWidth(first) - stringWidth(last)) + last : `${first} – ${last}`;
		lines.push([{text: ' '.repeat(lead)}, {text: axis, token: 'muted'}]);
		const cell = cells[selected]!;
		const slot = {kind: 'days' as const, first: cell.first, last: cell.last};
		lines.push([
			{text: ' '.repeat(INDENT)}, {text: fitToWidth('selected', LABEL), token: 'label'}, {text: slotLabel(slot), token: 'value'},
			{text: `: ${groupDigits(cell.sessions)} session${cell.sessions === 1 ? '' : 's'} · ${formatCost(cell.cost)} · ${formatTokens(cell.tokens)} tokens`},
			{text: o.focused ? '  ←/→ · Enter lists' : '  Tab to choose a day', token: 'muted'},
		]);
	} else lines.push([{text: ' '.repeat(lead)}, {text: 'no days in the period', token: 'muted'}]);
	return {lines, cells};
}
