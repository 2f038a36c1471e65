import {describe, expect, it} from 'vitest';
import {
	appendGroupedText,
	buildGroupedMessages,
	mergeToolCalls,
	sortMessages,
	truncateGroupedText,
	type GroupInput,
} from '../../source/core/message-groups.js';

const row = (role: string, seconds: number, extra: Partial<GroupInput> = {}): GroupInput => ({
	role,
	timestamp: seconds * 1000,
	inputTokens: 0,
	outputTokens: 0,
	totalTokens: 0,
	inputCost: 0,
	outputCost: 0,
	totalCost: 0,
	toolCalls: [],
	text: '',
	...extra,
});
const shape = (rows: GroupInput[]) => buildGroupedMessages(rows).map((g) => [g.role, g.startIndex, g.endIndex, g.count]);

describe('buildGroupedMessages (acceptance 15)', () => {
	it.each([
		['same role within 5 s merges', [row('user', 0), row('user', 2), row('assistant', 5)], [['user', 0, 2, 2], ['assistant', 2, 3, 1]]],
		['user 0 s and 10 s split', [row('user', 0), row('user', 10)], [['user', 0, 1, 1], ['user', 1, 2, 1]]],
		['assistant 0 s and 30 s split', [row('assistant', 0), row('assistant', 30)], [['assistant', 0, 1, 1], ['assistant', 1, 2, 1]]],
		['exactly 5 s merges; the window runs from the last member', [row('user', 0), row('user', 5), row('user', 10)], [['user', 0, 3, 3]]],
		['tool and system keep their own roles', [row('user', 0), row('tool', 1), row('system', 2)], [['user', 0, 1, 1], ['tool', 1, 2, 1], ['system', 2, 3, 1]]],
		['empty input', [], []],
	])('%s', (_name, rows, want) => {
		expect(shape(rows)).toEqual(want);
	});

	it('sums tokens and cost', () => {
		const [g] = buildGroupedMessages([
			row('assistant', 0, {inputTokens: 100, outputTokens: 200, totalTokens: 300, inputCost: 0.01, outputCost: 0.02, totalCost: 0.03}),
			row('assistant', 1, {inputTokens: 150, outputTokens: 300, totalTokens: 450, inputCost: 0.015, outputCost: 0.03, totalCost: 0.045}),
		]);
		expect([g!.inputTokens, g!.outputTokens, g!.totalTokens]).toEqual([250, 500, 750]);
		expect(g!.totalCost).toBeCloseTo(0.075, 12);
		expect(g!.inputCost).toBeCloseTo(0.025, 12);
		expect([g!.startMs, g!.endMs]).toEqual([0, 1000]);
	});

	it('keeps an all-unpriced group unpriced and sums the known costs otherwise', () => {
		const unpriced = {inputCost: null, outputCost: null, totalCost: null};
		expect(buildGroupedMessages([row('assistant', 0, unpriced), row('assistant', 1, unpriced)])[0]!.totalCost).toBeNull();
		expect(buildGroupedMessages([row('assistant', 0, unpriced), row('assistant', 1, {totalCost: 0.5})])[0]!.totalCost).toBe(0.5);
	});

	it('computes gaps between groups', () => {
		const groups = buildGroupedMessages([row('user', 0), row('assistant', 5), row('user', 20)]);
		expect(groups.map((g) => g.deltaMs)).toEqual([0, 5000, 15000]);
	});

	it('unions tool calls in order and joins text', () => {
		const [g] = buildGroupedMessages([
			row('assistant', 0, {toolCalls: ['Read', 'Write'], text: 'first'}),
			row('assistant', 1, {toolCalls: ['Write', 'Bash', ''], text: ''}),
			row('assistant', 2, {text: 'second'}),
		]);
		expect(g!.toolCalls).toEqual(['Read', 'Write', 'Bash']);
		expect(g!.text).toBe('first\n\nsecond');
	});

	it('mergeToolCalls drops empty names and duplicates', () => {
		expect(mergeToolCalls([], ['Read', 'Read'])).toEqual(['Read']);
		expect(mergeToolCalls(['', 'A'], ['B', ''])).toEqual(['A', 'B']);
	});
});

describe('grouped text cap (acceptance 16)', () => {
	it.each([
		['', 'hello', 'hello'],
		['hello', '', 'hello'],
		['first', 'second', 'first\n\nsecond'],
	])('append(%j, %j)', (cur, next, want) => {
		expect(appendGroupedText(cur, next)).toBe(want);
	});

	it('leaves a full group unchanged and stays near the cap', () => {
		const full = 'x'.repeat(4000);
		expect(appendGroupedText(full, 'more')).toBe(full);
		expect(appendGroupedText('x'.repeat(3998), 'more')).toBe('x'.repeat(3998));
		const joined = appendGroupedText('x'.repeat(3990), 'y'.repeat(100));
		expect(joined.length).toBeLessThanOrEqual(4010);
		expect(joined).toBe(`${'x'.repeat(3990)}\n\n${'y'.repeat(8)}...`);
	});

	it('truncates a long text to 4000 characters and ...', () => {
		const cut = truncateGroupedText('z'.repeat(4100));
		expect(cut).toHaveLength(4003);
		expect(cut.endsWith('...')).toBe(true);
		expect(truncateGroupedText('short')).toBe('short');
	});

	it('fixes reference: counts characters, not bytes or UTF-16 units', () => {
		const emoji = '😀'.repeat(4000); // 8000 UTF-16 units, 16000 UTF-8 bytes
		expect(truncateGroupedText(emoji)).toBe(emoji);
		const cut = truncateGroupedText('😀'.repeat(4001));
		expect(Array.from(cut)).toHaveLength(4003);
		expect(cut.startsWith('😀'.repeat(4000))).toBe(true);
		const joined = appendGroupedText('é'.repeat(3990), '😀'.repeat(100));
		expect(joined).toBe(`${'é'.repeat(3990)}\n\n${'😀'.repeat(8)}...`);
	});
});

describe('sortMessages (acceptance 25)', () => {
	const m = (id: string, tokens: number, cost: number | null, gapS: number, timeS: number) => ({
		id,
		timestamp: timeS * 1000,
		totalTokens: tokens,
		totalCost: cost,
		deltaMs: gapS * 1000,
	});
	const rows = [m('m1', 100, 0.2, 5, 0), m('m2', 50, 0.3, 1, 1), m('m3', 200, 0.1, 10, 2)];

	it.each([
		['time', ['m1', 'm2', 'm3']],
		['tokens', ['m3', 'm1', 'm2']],
		['cost', ['m2', 'm1', 'm3']],
		['gap', ['m3', 'm1', 'm2']],
	] as const)('%s', (key, want) => {
		expect(sortMessages(rows, key).map((r) => r.id)).toEqual(want);
	});

	it('breaks ties by time, puts unpriced last for cost, and sorts groups by startMs', () => {
		const tied = [m('late', 10, null, 0, 9), m('early', 10, 0.1, 0, 1), m('mid', 10, 0.1, 0, 5)];
		expect(sortMessages(tied, 'tokens').map((r) => r.id)).toEqual(['early', 'mid', 'late']);
		expect(sortMessages(tied, 'cost').map((r) => r.id)).toEqual(['early', 'mid', 'late']);
		const groups = [{id: 'b', startMs: 2, totalTokens: 0, totalCost: 0, deltaMs: 0}, {id: 'a', startMs: 1, totalTokens: 0, totalCost: 0, deltaMs: 0}];
		expect(sortMessages(groups, 'time').map((g) => g.id)).toEqual(['a', 'b']);
		expect(rows.map((r) => r.id)).toEqual(['m1', 'm2', 'm3']);
	});
});
