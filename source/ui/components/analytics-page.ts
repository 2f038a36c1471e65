// The whole Analytics page as lines: activity, then heatmap and tools, the two histograms, the model
// table, providers and cache. From 110 columns paired panels sit side by side; below that every panel
// stacks at full width. The screen scrolls this page; the reducer learns where each panel starts.
import type {AnalyticsModel} from '../../core/analytics-model.js';
import type {DayCell} from '../../core/day-bucketing.js';
import type {AnalyticsPanel, AnalyticsState, HourOfWeek} from '../../core/screens/analytics-reducer.js';
import {busiestHour} from '../../core/screens/analytics-charts.js';
import {groupDigits} from '../../core/format.js';
import {BLANK, sideBySide, type Line} from './analytics-lines.js';
import {activityPanel} from './analytics-activity.js';
import {heatmapPanel} from './analytics-heatmap.js';
import {cachePanel, histogramPanel, providersPanel, toolsPanel} from './analytics-bars.js';
import {modelsPanel} from './analytics-models.js';
import {pushAll} from '../../core/numbers.js';

export const SIDE_BY_SIDE_MIN = 110;
const GAP = 2;

export interface AnalyticsPage {
	lines: Line[];
	panels: Record<AnalyticsPanel, number>;
	cells: DayCell[];
	busiest: HourOfWeek;
}

type PageState = Pick<AnalyticsState, 'focus' | 'dayBack' | 'hour' | 'toolsExpanded' | 'modelSort'>;

export function analyticsPage(model: AnalyticsModel, width: number, state: PageState, hasPrevious: boolean): AnalyticsPage {
	const wide = width >= SIDE_BY_SIDE_MIN;
	const half = wide ? Math.floor((width - GAP) / 2) : width;
	const focused = (p: AnalyticsPanel) => state.focus === p;
	const busiest = busiestHour(model.heatmap);
	const lines: Line[] = [];
	const panels = {} as Record<AnalyticsPanel, number>;
	/** A row of one or two panels; `second` stacks under `first` when the page is narrow. */
	const row = (names: [AnalyticsPanel, AnalyticsPanel?], first: Line[], second?: Line[]) => {
		if (lines.length) lines.push(BLANK);
		panels[names[0]] = lines.length;
		if (!second) pushAll(lines, first);
		else if (wide) pushAll(lines, sideBySide(first, second, half, GAP));
		else {
			pushAll(lines, first).push(BLANK);
			if (names[1]) panels[names[1]] = lines.length;
			pushAll(lines, second);
		}
		if (names[1] && panels[names[1]] === undefined) panels[names[1]] = panels[names[0]];
	};

	const activity = activityPanel(model, width, {focused: focused('activity'), dayBack: state.dayBack, hasPrevious});
	row(['activity'], activity.lines);
	row(['heatmap', 'tools'],
		heatmapPanel(model, half, {focused: focused('heatmap'), selected: state.hour ?? busiest}),
		toolsPanel(model.tools, half, {focused: focused('tools'), expanded: state.toolsExpanded}));
	const priced = model.costBuckets.reduce((a, b) => a + b.count, 0);
	const unpriced = model.sessions - priced;
	const note = unpriced > 0 ? ` · ${groupDigits(unpriced)} unpriced left out` : '';
	row(['histograms'],
		histogramPanel('SESSION DURATION', model.durationBuckets, model.mostCommonDuration, half, {note: '', focused: focused('histograms')}),
		histogramPanel('COST PER SESSION', model.costBuckets, model.mostCommonCost, half, {note, focused: false}));
	row(['models'], modelsPanel(model.models, width, {focused: focused('models'), sort: state.modelSort}));
	row(['split'], providersPanel(model, half, focused('split')), cachePanel(model, half));
	return {lines, panels, cells: activity.cells, busiest};
}
