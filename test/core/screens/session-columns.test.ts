// Table columns: the label gets what the others leave, columns drop at 80, cells read right, unpriced is never $0.
import {describe, expect, it} from 'vitest';
import {COLUMNS, GAP, MARKER_WIDTH, cellTexts, columnNeeds, columnWidths, costCell, headerText, maximaOf, shownColumns, statusCell} from '../../../source/core/screens/session-columns.js';
import type {SessionSummary} from '../../../source/core/types.js';


const session: SessionSummary = {
	id: 'abc', source: 'tapes', label: 'Fix\tthe \u001b[31mflaky\u001b[0m test', project: '', agent: 'claude', model: 'gpt-4o', models: ['gpt-4o'],
	provider: 'openai', status: 'failed', startMs: Date.UTC(2026, 10, 5, 8, 30), endMs: 0, durationMs: 65 * 60_000, messageCount: 12_345,
	toolCalls: 7, toolErrors: 0, inputTokens: 1000, outputTokens: 500, cacheReadTokens: 0, cacheWriteTokens: 0, totalTokens: 1500,
	inputCost: 0, outputCost: 0, totalCost: 0.004, costSource: 'computed', unpricedTokens: 0, parentId: null, subSessionCount: 0,
};

const shownTotal = (w: Record<string, number>) => {
	const shown = Object.values(w).filter((x) => x > 0);
	return MARKER_WIDTH + GAP * (shown.length - 1) + shown.reduce((a, b) => a + b, 0);
};

describe('session columns', () => {
	it.each([80, 100, 120, 200])('fill exactly %i columns, the label keeping at least 30%% of them', (width) => {
		const w = columnWidths(width);
		expect(shownTotal(w)).toBe(width);
		expect(w.label).toBeGreaterThanOrEqual(Math.round(width * 0.3));
		for (const c of ['date', 'label', 'status', 'cost'] as const) expect(w[c]).toBeGreaterThan(0);
	});

	it('drops the least useful columns at 80 and shows every one at 200', () => {
		const at80 = columnWidths(80);
		expect(shownColumns(at80).map((c) => c.key)).toEqual(['date', 'label', 'project', 'model', 'status', 'cost']);
		expect(at80.status).toBe(1);
		const at200 = columnWidths(200);
		expect(shownColumns(at200)).toHaveLength(COLUMNS.length);
		expect(at200.date).toBe(12);
		expect(at200.status).toBe(11);
	});

	it('gives other columns what their data needs and the label the rest', () => {
		const needs = columnNeeds({project: 6, agent: 6, model: 6, cost: 3.5, unpriced: false, partial: false, durationMs: 60_000, messages: 40, tools: 9, tokens: 900});
		const w = columnWidths(120, needs);
		// Short values: each column is as wide as its title and the sort arrow.
		expect(w).toMatchObject({project: 8, agent: 6, model: 6, cost: 6, duration: 4, messages: 5, tools: 6, tokens: 7});
		expect(w.label).toBe(120 - (shownTotal(w) - w.label));
		// What the narrow columns leave makes room for every column at 120 (typical data drops two).
		expect(shownColumns(w)).toHaveLength(COLUMNS.length);
		expect(shownColumns(columnWidths(120)).length).toBeLessThan(COLUMNS.length);
		// Long names are capped, so the label still gets its share.
		const long = columnWidths(120, {...needs, project: 80, model: 80});
		expect(long.project).toBe(24);
		expect(long.model).toBe(22);
		expect(long.label).toBeGreaterThanOrEqual(36);
	});

	it('always shows the sort column, with its whole title and arrow', () => {
		const w = columnWidths(80, undefined, 'tools');
		expect(w.tools).toBeGreaterThan(0);
		expect(shownTotal(w)).toBe(80);
		const tools = COLUMNS.find((c) => c.key === 'tools')!;
		expect(headerText(tools, w.tools, 'tools', 'desc')).toBe('tools▼');
	});

	it('measures the widest cells of sessions in hand', () => {
		const needs = columnNeeds(maximaOf([session, {...session, totalCost: null, totalTokens: 999_900}]));
		expect(needs).toMatchObject({cost: 8, tokens: 6, messages: 5, model: 6, duration: 5});
	});

	it('formats cells from the session, sanitizing source text', () => {
		const cells = cellTexts(session, columnWidths(200), 'UTC');
		expect(cells).toMatchObject({
			date: 'Nov  5 08:30', label: 'Fix    the flaky test', project: '—', model: 'gpt-4o', status: '✗ failed',
			duration: '1h05m', messages: '12.3K', tools: '7', tokens: '1.5K', cost: '<$0.01',
		});
		expect(cellTexts(session, columnWidths(80), 'UTC')).toMatchObject({status: '✗'});
		expect(cellTexts(session, {...columnWidths(80), date: 6}, 'UTC').date).toBe('Nov  5');
		expect(cellTexts(session, columnWidths(200), 'Asia/Tokyo').date).toBe('Nov  5 17:30');
	});

	it('says unpriced instead of $0, and marks a partly priced cost', () => {
		expect(costCell({totalCost: null, costSource: 'unpriced'})).toBe('unpriced');
		expect(costCell({totalCost: 1.5, costSource: 'partial'})).toBe('$1.50+');
		expect(costCell({totalCost: 0, costSource: 'none'})).toBe('$0.00');
	});

	it('marks the sort column and its direction in the header', () => {
		const cost = COLUMNS.find((c) => c.key === 'cost')!;
		expect(headerText(cost, 8, 'cost', 'desc')).toBe('cost▼');
		expect(headerText(cost, 8, 'cost', 'asc')).toBe('cost▲');
		expect(headerText(cost, 8, 'date', 'asc')).toBe('cost');
		const msgs = COLUMNS.find((c) => c.key === 'messages')!;
		expect(headerText(msgs, columnWidths(200).messages, 'messages', 'asc')).toBe('msgs▲');
		expect(statusCell('abandoned', 11)).toBe('◌ abandoned');
	});
});

describe('running now (issue 17 item 9)', () => {
	it('marks a session written to in the last five minutes with ●', async () => {
		const {RUNNING_MS, isRunning} = await import('../../../source/core/screens/session-columns.js');
		const now = Date.UTC(2026, 10, 5, 12);
		expect(isRunning({endMs: now - 60_000}, now)).toBe(true);
		expect(isRunning({endMs: now - RUNNING_MS - 1}, now)).toBe(false);
		expect(isRunning({endMs: now - 60_000}, undefined)).toBe(false);
		expect(cellTexts({...session, endMs: now - 1000}, columnWidths(120), 'UTC', undefined, now).label.startsWith('● ')).toBe(true);
		expect(cellTexts({...session, endMs: now - 1000}, columnWidths(120), 'UTC', {depth: 1, open: false}, now).label.startsWith('↳ ● ')).toBe(true);
	});
});
