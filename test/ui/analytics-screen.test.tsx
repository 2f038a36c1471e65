// The Analytics screen on the demo: opened from Sessions with its filters, the figures `analytics --json`
// prints, the demo's pictures, narrow and wide layouts, the zone, and the drill-down into the timeline.
import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {DEFAULT_FILTERS, type Filters} from '../../source/core/types.js';
import {initialFilterState, type FilterState} from '../../source/core/screens/sessions-filters.js';
import {shortDay} from '../../source/core/screens/analytics-slot.js';
import {formatCost, formatTokens} from '../../source/core/format.js';
import {DAY_MS} from '../../source/core/time.js';
import {analyticsJson, analyticsReport} from '../../source/report/analytics-report.js';
import {stringWidth} from '../../source/terminal/width.js';
import {ServicesContext} from '../../source/ui/services/context.js';
import {createWorkspaceServices} from '../../source/ui/services/workspace-services.js';
import type {ExplorerServices} from '../../source/ui/services/types.js';
import {THEMES, ThemeContext} from '../../source/ui/theme.js';
import {AnalyticsScreen} from '../../source/ui/screens/analytics-screen.js';
import {ALL, NOW, demo, effectsFlushed, inputReady, press, renderApp, selectedLine, type Demo} from './helpers/explorer.js';

let d: Demo;
beforeAll(async () => {
	d = await demo();
});
afterAll(() => {
	cleanup();
	d.close();
});

function renderAnalytics(size: {columns: number; rows: number}, initial: FilterState = ALL, services: ExplorerServices = d.services) {
	return render(
		<ServicesContext.Provider value={services}>
			<ThemeContext.Provider value={THEMES.mono}>
				<AnalyticsScreen size={size} initial={initial} active onOpen={vi.fn()} onBack={vi.fn()} onQuit={vi.fn()} />
			</ThemeContext.Provider>
		</ServicesContext.Provider>,
	);
}

const lines = (frame: string | undefined) => (frame ?? '').split('\n');
/** Tall enough that the whole page shows at once. */
const WHOLE = {columns: 120, rows: 200};

describe('Analytics screen', () => {
	it('opens from Sessions with its period and filters, and goes back', async () => {
		const r = renderApp(d.services, initialFilterState(DEFAULT_FILTERS, '7d'));
		await vi.waitFor(() => expect(r.lastFrame()).toContain('tapedeck › Sessions'));
		await inputReady(r.stdin);
		press(r.stdin, 'f', 'a');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('tapedeck › Analytics'));
		const f: Filters = {...DEFAULT_FILTERS, status: 'completed', fromMs: NOW - 7 * DAY_MS};
		const m = d.services.analytics.model(f, NOW);
		expect(r.lastFrame()).toContain('[7d]');
		expect(r.lastFrame()).toContain('status:completed');
		expect(r.lastFrame()).toContain(`${m.sessions} of 67 sessions`);
		expect(r.lastFrame()).toContain(`ACTIVITY ${m.days.length} days`);
		await effectsFlushed();
		press(r.stdin, 'esc');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('tapedeck › Sessions'));
	});

	it.each([['a', 'Analytics'], ['i', 'Insights']])('a period chosen in %s (%s) is the list\'s when it comes back', async (key, screen) => {
		const r = renderApp(d.services, ALL);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
		await inputReady(r.stdin);
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`tapedeck › ${screen}`));
		await effectsFlushed();
		// all → 24h there, then back.
		press(r.stdin, 'p');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('[24h]'));
		press(r.stdin, 'esc');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('tapedeck › Sessions'));
		const day = d.services.sessions.count({...DEFAULT_FILTERS, fromMs: NOW - DAY_MS});
		expect(day).toBeLessThan(67);
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`${day} of 67 sessions`));
		expect(r.lastFrame()).toContain('[24h]');
	});

	it('shows the figures `analytics --json` prints for the same filters', async () => {
		const m = d.services.analytics.model(DEFAULT_FILTERS, NOW);
		const report = JSON.parse(analyticsReport({queries: d.ws.queries, pricing: d.ws.pricing, filters: DEFAULT_FILTERS, now: NOW, timeZone: 'UTC', warnings: []}, 'json'));
		const {pricing: _pricing, ...figures} = report;
		expect(figures).toEqual(JSON.parse(JSON.stringify(analyticsJson(m))));

		const r = renderAnalytics(WHOLE);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('PROVIDERS'));
		const frame = r.lastFrame()!;
		expect(frame).toContain(`ACTIVITY ${m.days.length} days · one cell a day · UTC`);
		expect(frame).toContain(`${m.series.sessions.total} · peak ${shortDay(m.series.sessions.peakDay!)} (${m.series.sessions.peakValue})`);
		expect(frame).toContain(`${formatCost(m.series.cost.total)} · peak ${shortDay(m.series.cost.peakDay!)} (${formatCost(m.series.cost.peakValue)})`);
		expect(frame).toContain(`${formatTokens(m.series.tokens.total)} · peak ${shortDay(m.series.tokens.peakDay!)}`);
		for (const b of [...m.durationBuckets, ...m.costBuckets]) expect(frame).toMatch(new RegExp(`${b.label.replace(/[$.]/g, '\\$&')}\\s+[█░]+\\s+${b.count} `));
		expect(frame).toContain(`most common: ${m.mostCommonDuration!.label}`);
		expect(frame).toContain(`most common: ${m.mostCommonCost!.label}`);
		for (const t of m.tools.slice(0, 10)) expect(frame).toMatch(new RegExp(`  ${t.name}\\s+[█░]+\\s+${t.calls}\\s+${t.sessions}\\s+${t.errors}\\s`));
		for (const model of m.models) expect(frame).toMatch(new RegExp(`  ${model.model}\\s+${model.sessions}\\s+${formatCost(model.totalCost).replace(/[$.]/g, '\\$&')}`));
		for (const p of m.providers) expect(frame).toMatch(new RegExp(`${p.provider}\\s+${p.sessions}\\s`));
		expect(frame).toContain(`${(m.cache.hitRate * 100).toFixed(1)}%`);
		expect(frame).toContain(`saved     ${formatCost(m.cache.savedUsd)}`);
	});

	it('draws the demo as pictures: a cost line that moves, several lit hours, at least three models', async () => {
		const r = renderAnalytics(WHOLE);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('PROVIDERS'));
		const frame = r.lastFrame()!;
		const cost = lines(frame).find((l) => l.startsWith('  cost     '))!;
		const spark = cost.slice(11, 11 + 30);
		expect(new Set(spark.replace(/·/g, '')).size).toBeGreaterThanOrEqual(3);
		const heat = lines(frame).filter((l) => /^ {2}(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [░▒▓█]/.test(l));
		expect(heat).toHaveLength(7);
		const lit = heat.flatMap((l) => Array.from(l.slice(6, 6 + 48))).filter((c) => c !== '░').length / 2;
		expect(lit).toBeGreaterThan(1);
		expect(frame).toMatch(/░+ 0 {2}/);
		expect(d.services.analytics.model(DEFAULT_FILTERS, NOW).models.length).toBeGreaterThanOrEqual(3);
		const modelRows = lines(frame).filter((l) => /^ {2}(claude|gpt|o\d|mistral)\S*\s+\d+\s/.test(l));
		expect(modelRows.length).toBeGreaterThanOrEqual(3);
	});

	it('pairs panels from 110 columns and stacks them at 80, never wider than the terminal', async () => {
		const wide = renderAnalytics(WHOLE);
		await vi.waitFor(() => expect(wide.lastFrame()).toContain('PROVIDERS'));
		expect(lines(wide.lastFrame()).some((l) => l.includes('HOUR OF WEEK') && l.includes('TOP TOOLS'))).toBe(true);
		for (const l of lines(wide.lastFrame())) expect(stringWidth(l)).toBeLessThanOrEqual(120);

		const narrow = renderAnalytics({columns: 80, rows: 24});
		await vi.waitFor(() => expect(narrow.lastFrame()).toContain('ACTIVITY'));
		await inputReady(narrow.stdin);
		const seen: string[] = [];
		for (let i = 0; i < 6; i++) {
			seen.push(...lines(narrow.lastFrame()));
			const before = narrow.lastFrame();
			press(narrow.stdin, 'pagedown');
			if (before!.includes('· end')) break;
			await vi.waitFor(() => expect(narrow.lastFrame()).not.toBe(before));
		}
		expect(seen.some((l) => l.includes('HOUR OF WEEK') && l.includes('TOP TOOLS'))).toBe(false);
		for (const title of ['HOUR OF WEEK', 'TOP TOOLS', 'SESSION DURATION', 'COST PER SESSION', 'MODELS', 'PROVIDERS', 'CACHE']) {
			expect(seen.some((l) => l.includes(title))).toBe(true);
		}
		for (const l of seen) expect(stringWidth(l)).toBeLessThanOrEqual(80);
	});

	it('groups days when the period is longer than the width, and says so', async () => {
		const r = renderAnalytics({columns: 80, rows: 24}, initialFilterState(DEFAULT_FILTERS, '90d'));
		await vi.waitFor(() => expect(r.lastFrame()).toContain('ACTIVITY'));
		const m = d.services.analytics.model({...DEFAULT_FILTERS, fromMs: NOW - 90 * DAY_MS}, NOW);
		expect(r.lastFrame()).toContain(`ACTIVITY ${m.days.length} days · one cell = 2 days`);
		const sessions = lines(r.lastFrame()).find((l) => l.startsWith('  sessions '))!;
		expect(sessions.slice(11).trimEnd()).toHaveLength(Math.ceil(m.days.length / 2));
	});

	it('counts days and hours in the chosen zone', async () => {
		const {services} = createWorkspaceServices(d.ws, {timeZone: 'Asia/Tokyo', now: () => NOW, refreshSec: 0});
		const tokyo = services.analytics.model(DEFAULT_FILTERS, NOW);
		const utc = d.services.analytics.model(DEFAULT_FILTERS, NOW);
		expect(tokyo.heatmap).not.toEqual(utc.heatmap);
		const r = renderAnalytics(WHOLE, ALL, services);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('· Asia/Tokyo'));
		expect(r.lastFrame()).toContain(`ACTIVITY ${tokyo.days.length} days · one cell a day · Asia/Tokyo`);
		expect(r.lastFrame()).toContain(`peak ${shortDay(tokyo.series.sessions.peakDay!)} (${tokyo.series.sessions.peakValue})`);
	});

	it("lists a day's sessions; Enter opens one in the timeline and Esc comes back to the list", async () => {
		const r = renderApp(d.services);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('tapedeck › Sessions'));
		await inputReady(r.stdin);
		press(r.stdin, 'a');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('▸ ACTIVITY'));
		await effectsFlushed();
		const m = d.services.analytics.model(DEFAULT_FILTERS, NOW);
		const day = m.days.at(-1)!.day;
		const rows = d.services.analytics.sessions(DEFAULT_FILTERS, {kind: 'days', first: day, last: day});
		press(r.stdin, 'enter', 'j');
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`${rows.length} sessions started`));
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(rows[1]!.label.slice(0, 10)));
		press(r.stdin, 'enter');
		await vi.waitFor(() => expect(r.lastFrame()).toContain(rows[1]!.id));
		await effectsFlushed();
		press(r.stdin, 'esc');
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`${rows.length} sessions started`));
		expect(selectedLine(r.lastFrame())).toContain(rows[1]!.label.slice(0, 10));
	});
});
