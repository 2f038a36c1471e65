// The model comparison table. Own lines rather than @alcalzone/ink-table: that component sizes columns
// with String.length (CJK and emoji model names would misalign), has no width limit (at 80 columns it
// would wrap or be cut mid-glyph by the terminal), no way to mark the sorted column, and no per-cell
// colour; this table fits the width by display cells and colours from the theme.
import type {ModelPerformance} from '../../core/analytics.js';
import {sortModels, type ModelSort, type ModelSortKey} from '../../core/screens/analytics-charts.js';
import {formatCost, formatDuration, formatPercent, formatTokens, groupDigits} from '../../core/format.js';
import {sanitizeLine} from '../../core/sanitize.js';
import {fitToWidth} from '../../terminal/width.js';
import type {Token} from '../theme.js';
import {sectionHeader, type Line} from './analytics-lines.js';

interface Column {
	key: ModelSortKey;
	header: string;
	width: number;
	cell(m: ModelPerformance): string;
	token(m: ModelPerformance): Token | undefined;
}

const successToken = (m: ModelPerformance): Token => (m.successRate >= 0.8 ? 'good' : m.successRate >= 0.5 ? 'warn' : 'bad');
const costToken = (v: number | null): Token => (v === null ? 'unpriced' : 'cost');

const NUMBERS: readonly Column[] = [
	{key: 'sessions', header: 'sess', width: 5, cell: (m) => groupDigits(m.sessions), token: () => 'value'},
	{key: 'total', header: 'total', width: 9, cell: (m) => formatCost(m.totalCost), token: (m) => costToken(m.totalCost)},
	{key: 'avg', header: 'avg $', width: 8, cell: (m) => formatCost(m.avgCost), token: (m) => costToken(m.avgCost)},
	{key: 'duration', header: 'avg dur', width: 8, cell: (m) => formatDuration(m.avgDurationMs), token: () => undefined},
	{key: 'tokens', header: 'avg tok', width: 8, cell: (m) => formatTokens(m.avgTokens), token: () => undefined},
	{key: 'success', header: 'success', width: 8, cell: (m) => formatPercent(m.successRate), token: successToken},
];
const GAP = 2;
const NAMES: Record<ModelSortKey, string> = {
	model: 'model', sessions: 'sessions', total: 'total cost', avg: 'average cost', duration: 'average duration', tokens: 'average tokens', success: 'success rate',
};

function columns(width: number): Column[] {
	const fixed = NUMBERS.reduce((a, c) => a + c.width + GAP, 0);
	const model: Column = {key: 'model', header: 'model', width: Math.max(10, Math.min(32, width - 2 - fixed)), cell: (m) => sanitizeLine(m.model), token: () => 'model'};
	return [model, ...NUMBERS];
}

/** The cheapest model per session among those with at least two sessions, and the most successful. */
function bullets(models: readonly ModelPerformance[]): Line[] {
	const out: Line[] = [];
	const priced = models.filter((m) => m.avgCost !== null && m.sessions >= 2);
	const cheapest = priced.reduce<ModelPerformance | null>((best, m) => (!best || m.avgCost! < best.avgCost! ? m : best), null);
	if (cheapest) out.push([{text: '  ▸ cheapest per session: ', token: 'muted'}, {text: sanitizeLine(cheapest.model), token: 'model'}, {text: ` at ${formatCost(cheapest.avgCost)}`, token: 'muted'}]);
	const best = models.reduce<ModelPerformance | null>((b, m) => (!b || m.successRate > b.successRate ? m : b), null);
	if (best) out.push([{text: '  ▸ highest success: ', token: 'muted'}, {text: sanitizeLine(best.model), token: 'model'}, {text: ` at ${formatPercent(best.successRate)}`, token: 'muted'}]);
	return out;
}

export function modelsPanel(models: readonly ModelPerformance[], width: number, o: {focused: boolean; sort: ModelSort}): Line[] {
	const arrow = o.sort.dir === 'asc' ? '▲' : '▼';
	const lines: Line[] = [sectionHeader('MODELS', `${models.length} models · by ${NAMES[o.sort.key]} ${arrow} · s/S column, r reverse`, width, o.focused)];
	if (!models.length) return [...lines, [{text: '  no sessions with a model', token: 'muted'}]];
	const cols = columns(width);
	const align = (c: Column, text: string) => fitToWidth(text, c.width, c.key === 'model' ? 'left' : 'right');
	const header: Line = [{text: '  '}];
	cols.forEach((c, i) => {
		const sorted = c.key === o.sort.key;
		header.push({text: ' '.repeat(i ? GAP : 0)}, {text: align(c, sorted ? `${c.header}${arrow}` : c.header), token: sorted ? 'headerSorted' : 'header'});
	});
	lines.push(header);
	for (const m of sortModels(models, o.sort)) {
		const row: Line = [{text: '  '}];
		cols.forEach((c, i) => {
			const token = c.token(m);
			row.push({text: ' '.repeat(i ? GAP : 0)}, token ? {text: align(c, c.cell(m)), token} : {text: align(c, c.cell(m))});
		});
		lines.push(row);
	}
	return [...lines, ...bullets(models)];
}
