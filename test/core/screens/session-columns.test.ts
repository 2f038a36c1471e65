// Table columns: all eleven fit from 80 columns up, cells read right, unpriced is never $0.
import {describe, expect, it} from 'vitest';
import {COLUMNS, GAP, MARKER_WIDTH, cellTexts, columnWidths, costCell, headerText, statusCell} from '../../../source/core/screens/session-columns.js';
import type {SessionSummary} from '../../../source/core/types.js';

const total = (w: Record<string, number>) => MARKER_WIDTH + GAP * (COLUMNS.length - 1) + Object.values(w).reduce((a, b) => a + b, 0);

const session: SessionSummary = {
	id: 'abc', source: 'tapes', label: 'Fix\tthe \u001b[31mflaky\u001b[0m test', project: '', agent: 'claude', model: 'gpt-4o', models: ['gpt-4o'],
	provider: 'openai', status: 'failed', startMs: Date.UTC(2026, 10, 5, 8, 30), endMs: 0, durationMs: 65 * 60_000, messageCount: 12_345,
	toolCalls: 7, toolErrors: 0, inputTokens: 1000, outputTokens: 500, cacheReadTokens: 0, cacheWriteTokens: 0, totalTokens: 1500,
	inputCost: 0, outputCost: 0, totalCost: 0.004, costSource: 'computed', unpricedTokens: 0, parentId: null, subSessionCount: 0,
};

describe('session columns', () => {
	it.each([80, 100, 120, 200])('fill exactly %i columns', (width) => {
		const w = columnWidths(width);
		expect(total(w)).toBe(width);
		for (const c of COLUMNS) expect(w[c.key]).toBeGreaterThanOrEqual(c.min);
	});

	it('gives the time of day and the status word room at 120 columns', () => {
		const w = columnWidths(120);
		expect(w.date).toBe(12);
		expect(w.status).toBe(11);
		expect(w.label).toBeGreaterThanOrEqual(16);
		expect(columnWidths(80).status).toBe(1);
	});

	it('formats cells from the session, sanitizing source text', () => {
		const cells = cellTexts(session, columnWidths(120), 'UTC');
		expect(cells).toMatchObject({
			date: 'Nov  5 08:30', label: 'Fix    the flaky test', project: '—', model: 'gpt-4o', status: '✗ failed',
			duration: '1h05m', messages: '12.3K', tools: '7', tokens: '1.5K', cost: '<$0.01',
		});
		expect(cellTexts(session, columnWidths(80), 'UTC')).toMatchObject({date: 'Nov  5', status: '✗'});
		expect(cellTexts(session, columnWidths(120), 'Asia/Tokyo').date).toBe('Nov  5 17:30');
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
		expect(headerText(msgs, 4, 'messages', 'asc')).toBe('msg▲');
		expect(statusCell('abandoned', 11)).toBe('◌ abandoned');
	});
});
