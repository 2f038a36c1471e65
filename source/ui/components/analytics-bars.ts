// Bar panels of the Analytics page: duration and cost histograms (the reference's buckets, the most
// common one called out), top tools with their error rates, the provider split and the cache.
import type {AnalyticsModel} from '../../core/analytics-model.js';
import type {Bucket, ToolMetric} from '../../core/analytics.js';
import {barCells, splitWidths} from '../../core/screens/analytics-charts.js';
import {formatCost, formatPercent, formatTokens, groupDigits} from '../../core/format.js';
import {sanitizeLine} from '../../core/sanitize.js';
import {fitToWidth, stringWidth} from '../../terminal/width.js';
import type {Token} from '../theme.js';
import {bar, sectionHeader, type Line} from './analytics-lines.js';
import {maxOf} from '../../core/numbers.js';

const pct = (n: number, total: number) => (total > 0 ? formatPercent(n / total) : '0%');

export function histogramPanel(title: string, buckets: readonly Bucket[], common: Bucket | null, width: number, o: {note: string; focused: boolean}): Line[] {
	const total = buckets.reduce((a, b) => a + b.count, 0);
	const max = maxOf(buckets.map((b) => b.count), 0);
	const labelWidth = maxOf(buckets.map((b) => stringWidth(b.label)), 6) + 1;
	const barWidth = Math.max(4, width - 2 - labelWidth - 11);
	const lines: Line[] = [sectionHeader(title, `${groupDigits(total)} sessions${o.note}`, width, o.focused)];
	for (const b of buckets) {
		const top = b === common;
		lines.push([
			{text: '  '}, {text: fitToWidth(b.label, labelWidth), token: top ? 'title' : 'muted'},
			...bar(barCells(b.count, max, barWidth), barWidth, top ? 'title' : 'model'),
			{text: ` ${String(b.count).padStart(4)}`, token: 'value'}, {text: ` ${pct(b.count, total).padStart(4)}`, token: 'muted'},
		]);
	}
	lines.push(common
		? [{text: '  ▸ most common: ', token: 'muted'}, {text: common.label, token: 'title'}, {text: ` (${pct(common.count, total)} of sessions)`, token: 'muted'}]
		: [{text: '  no sessions', token: 'muted'}]);
	return lines;
}

export const TOOLS_COLLAPSED = 10;

export function toolsPanel(tools: readonly ToolMetric[], width: number, o: {focused: boolean; expanded: boolean}): Line[] {
	const shown = o.expanded ? tools : tools.slice(0, TOOLS_COLLAPSED);
	const nameWidth = Math.min(18, maxOf(shown.map((t) => stringWidth(sanitizeLine(t.name))), 8)) + 1;
	const barWidth = Math.max(3, width - 2 - nameWidth - 24);
	const max = maxOf(tools.map((t) => t.calls), 0);
	const lines: Line[] = [sectionHeader('TOP TOOLS', `${tools.length} tools · by calls`, width, o.focused)];
	if (!tools.length) return [...lines, [{text: '  no tool calls', token: 'muted'}]];
	lines.push([{text: `  ${fitToWidth('tool', nameWidth)}${' '.repeat(barWidth)} calls  sess  err   rate`, token: 'header'}]);
	for (const t of shown) {
		const errToken: Token = t.errors > 0 ? 'bad' : 'muted';
		lines.push([
			{text: '  '}, {text: fitToWidth(sanitizeLine(t.name), nameWidth)}, ...bar(barCells(t.calls, max, barWidth), barWidth, 'spark'),
			{text: String(t.calls).padStart(6), token: 'value'}, {text: String(t.sessions).padStart(6)},
			{text: String(t.errors).padStart(5), token: errToken}, {text: `${(t.errorRate * 100).toFixed(1)}%`.padStart(7), token: errToken},
		]);
	}
	if (tools.length > TOOLS_COLLAPSED) {
		lines.push([{text: o.expanded ? '  show the top 10 (e)' : `  +${tools.length - TOOLS_COLLAPSED} more (e)`, token: 'key'}]);
	}
	const calls = tools.reduce((a, t) => a + t.calls, 0);
	const errors = tools.reduce((a, t) => a + t.errors, 0);
	lines.push([{text: `  ▸ ${groupDigits(errors)} error${errors === 1 ? '' : 's'} in ${groupDigits(calls)} calls (${calls ? ((errors / calls) * 100).toFixed(1) : '0.0'}%)`, token: 'muted'}]);
	return lines;
}

const SPLIT_GLYPHS = ['█', '▓', '▒', '░'] as const;
const SPLIT_TOKENS: readonly Token[] = ['model', 'good', 'warn', 'accent'];

export function providersPanel(model: AnalyticsModel, width: number, focused: boolean): Line[] {
	const lines: Line[] = [sectionHeader('PROVIDERS', 'share of sessions', width, focused)];
	const providers = model.providers;
	if (!providers.length) return [...lines, [{text: '  no sessions', token: 'muted'}]];
	const barWidth = Math.max(providers.length, width - 4);
	const widths = splitWidths(providers.map((p) => p.sessions), barWidth);
	lines.push([{text: '  '}, ...providers.map((p, i) => ({text: SPLIT_GLYPHS[i % 4]!.repeat(widths[i]!), token: SPLIT_TOKENS[i % 4]!}))]);
	const nameWidth = Math.min(16, maxOf(providers.map((p) => stringWidth(p.provider)))) + 1;
	providers.forEach((p, i) => lines.push([
		{text: '  '}, {text: SPLIT_GLYPHS[i % 4]!, token: SPLIT_TOKENS[i % 4]!}, {text: ` ${fitToWidth(sanitizeLine(p.provider), nameWidth)}`},
		{text: groupDigits(p.sessions).padStart(6), token: 'value'}, {text: ` ${formatPercent(p.share).padStart(4)}`, token: 'muted'},
	]));
	return lines;
}

export function cachePanel(model: AnalyticsModel, width: number): Line[] {
	const c = model.cache;
	const barWidth = Math.max(4, Math.min(30, width - 20));
	return [
		sectionHeader('CACHE', 'cache reads ÷ all input', width, false),
		[{text: '  hit rate  ', token: 'label'}, ...bar(barCells(c.hitRate, 1, barWidth), barWidth, 'good'), {text: ` ${(c.hitRate * 100).toFixed(1)}%`, token: 'value'}],
		[{text: `  ${formatTokens(c.readTokens)} of ${formatTokens(c.inputTokens)} input tokens read from cache`, token: 'muted'}],
		[{text: '  saved     ', token: 'label'}, {text: formatCost(c.savedUsd), token: 'good'}, {text: ' against paying full input price', token: 'muted'}],
	];
}
