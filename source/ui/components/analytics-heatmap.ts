// The hour-of-week heatmap: 7 weekday rows × 24 hours in the chosen zone, ░▒▓█ by sessions started in
// that hour relative to the busiest one, with an hour axis, each weekday's total and a legend.
import type {AnalyticsModel} from '../../core/analytics-model.js';
import {HEAT_GLYPHS, busiestHour, heatLegend, heatLevel} from '../../core/screens/analytics-charts.js';
import {WEEKDAY_NAMES, slotLabel} from '../../core/screens/analytics-slot.js';
import type {HourOfWeek} from '../../core/screens/analytics-reducer.js';
import {groupDigits} from '../../core/format.js';
import type {Token} from '../theme.js';
import {sectionHeader, type Line} from './analytics-lines.js';

const LEAD = 6;
const LEVEL_TOKENS: readonly Token[] = ['rule', 'muted', 'spark', 'good'];

/** Two cells an hour when they fit, one otherwise. */
export function heatCellWidth(width: number): 1 | 2 {
	return width >= LEAD + 48 + 5 ? 2 : 1;
}

function axis(cellWidth: 1 | 2): string {
	const step = cellWidth === 2 ? 3 : 6;
	const chars = Array.from({length: 24 * cellWidth}, () => ' ');
	for (let h = 0; h < 24; h += step) {
		const label = String(h).padStart(cellWidth === 2 ? 2 : 1, '0');
		Array.from(label).forEach((ch, i) => {
			if (h * cellWidth + i < chars.length) chars[h * cellWidth + i] = ch;
		});
	}
	return chars.join('');
}

export function heatmapPanel(model: AnalyticsModel, width: number, o: {focused: boolean; selected: HourOfWeek}): Line[] {
	const cw = heatCellWidth(width);
	const max = model.heatmapMax;
	const lines: Line[] = [sectionHeader('HOUR OF WEEK', `sessions started · ${model.timeZone}`, width, o.focused)];
	lines.push([{text: ' '.repeat(LEAD)}, {text: axis(cw), token: 'muted'}]);
	model.heatmap.forEach((hours, weekday) => {
		const line: Line = [{text: `  ${WEEKDAY_NAMES[weekday]} `, token: 'label'}];
		hours.forEach((n, hour) => {
			const level = heatLevel(n, max);
			const on = o.focused && o.selected.weekday === weekday && o.selected.hour === hour;
			line.push({text: HEAT_GLYPHS[level].repeat(cw), token: on ? 'selected' : LEVEL_TOKENS[level]!});
		});
		line.push({text: ` ${groupDigits(hours.reduce((a, n) => a + n, 0)).padStart(4)}`, token: 'muted'});
		lines.push(line);
	});
	const legend: Line = [{text: ' '.repeat(LEAD)}];
	heatLegend(max).forEach((l, i) => legend.push(
		{text: i > 0 ? '  ' : ''}, {text: l.glyph.repeat(cw), token: LEVEL_TOKENS[HEAT_GLYPHS.indexOf(l.glyph as (typeof HEAT_GLYPHS)[number])]!}, {text: ` ${l.text}`, token: 'muted'},
	));
	legend.push({text: ' sessions/hour', token: 'muted'});
	lines.push(legend);
	// Unfocused, the line names the busiest hour, wherever the cursor was left.
	const shown = o.focused ? o.selected : busiestHour(model.heatmap);
	const n = model.heatmap[shown.weekday]?.[shown.hour] ?? 0;
	lines.push([
		{text: o.focused ? '  selected ' : '  busiest  ', token: 'label'},
		{text: slotLabel({kind: 'hour', ...shown}), token: 'value'},
		{text: `: ${groupDigits(n)} session${n === 1 ? '' : 's'}`},
		{text: o.focused ? '  arrows · Enter lists' : '', token: 'muted'},
	]);
	return lines;
}
