import {describe, expect, it} from 'vitest';
import {
	formatChange,
	formatCost,
	formatCostFine,
	formatDuration,
	formatDurationMinutes,
	formatPercent,
	formatTokens,
	formatTokensCompact,
	formatTokensDetail,
	groupDigits,
	withoutLeadingFolders,
} from '../../source/core/format.js';

const MIN = 60_000;

describe('formatCost', () => {
	it.each<[number | null, string]>([
		[0, '$0.00'],
		[0.004, '<$0.01'],
		[0.005, '$0.01'],
		[0.54, '$0.54'],
		[12.345678, '$12.35'],
		[1234.5, '$1234.50'],
		[-0.5, '-$0.50'],
		[null, 'unpriced'],
		[Number.NaN, 'unpriced'],
	])('%s → %s', (value, want) => {
		expect(formatCost(value)).toBe(want);
	});
});

describe('formatCostFine', () => {
	it.each<[number | null, string]>([
		[0, '$0.00'],
		[0.0021, '$0.0021'],
		[0.00049, '$0.0005'],
		[0.00004, '<$0.0001'],
		[0.01, '$0.01'],
		[0.0584, '$0.06'],
		[12.345678, '$12.35'],
		[-0.0021, '-$0.0021'],
		[null, 'unpriced'],
		[Number.POSITIVE_INFINITY, 'unpriced'],
	])('%s → %s', (value, want) => {
		expect(formatCostFine(value)).toBe(want);
	});
});

describe('token formats', () => {
	it.each([
		[0, '0', '0', '0 tok'],
		[999, '999', '999', '999 tok'],
		[1000, '1.0K', '1.0K', '1,000 tok'],
		[9876, '9.9K', '9.9K', '9,876 tok'],
		[81_000, '81.0K', '81.0K', '81.0K tok'],
		[999_949, '999.9K', '999.9K', '999.9K tok'],
		[1_500_000, '1.5M', '1500.0K', '1.5M tok'],
	])('%d → %s / %s / %s', (n, tokens, compact, detail) => {
		expect(formatTokens(n)).toBe(tokens);
		expect(formatTokensCompact(n)).toBe(compact);
		expect(formatTokensDetail(n)).toBe(detail);
	});

	it('shows 1.0M rather than 1000.0K just under a million', () => {
		expect(formatTokens(999_960)).toBe('1.0M');
	});

	it('groups digits', () => {
		expect(groupDigits(1_234_567)).toBe('1,234,567');
		expect(groupDigits(-1234)).toBe('-1,234');
		expect(groupDigits(12)).toBe('12');
	});
});

describe('formatDuration', () => {
	it.each([
		[0, '0s'],
		[-5, '0s'],
		[40_000, '40s'], // the reference printed 0m under a minute
		[59_999, '59s'],
		[9 * MIN + 30_000, '9m'],
		[65 * MIN, '1h05m'],
		[28 * MIN, '28m'],
		[25 * 60 * MIN, '25h00m'],
	])('%d ms → %s', (ms, want) => {
		expect(formatDuration(ms)).toBe(want);
	});
});

describe('formatDurationMinutes', () => {
	it.each([
		[0, '0m'],
		[30_000, '<1m'],
		[MIN, '1m'],
		[95 * MIN, '95m'],
	])('%d ms → %s', (ms, want) => {
		expect(formatDurationMinutes(ms)).toBe(want);
	});
});

describe('formatPercent', () => {
	it.each([
		[5 / 7, '71%'],
		[1, '100%'],
		[0, '0%'],
		[1 / 3, '33%'],
		[Number.NaN, '0%'],
		[-0.001, '0%'],
	])('%d → %s', (v, want) => {
		expect(formatPercent(v)).toBe(want);
	});
});

describe('formatChange', () => {
	it.each([
		[112, 100, '▲', '12%'],
		[88, 100, '▼', '12%'],
		[100, 100, '→', '0%'],
		[100.2, 100, '→', '0%'],
		[5, 0, '▲', 'new'],
		[0, 0, '→', '0%'],
		[-3, -2, '▼', '50%'],
	])('%d vs %d → %s %s', (current, previous, arrow, text) => {
		expect(formatChange(current, previous)).toEqual({arrow, text});
	});
});

describe('withoutLeadingFolders', () => {
	it('leaves the file of a leading absolute path, with its line and what follows', () => {
		expect(withoutLeadingFolders('/home/me/.claude/projects/-app/a.jsonl:3: not valid JSON')).toBe('a.jsonl:3: not valid JSON');
		expect(withoutLeadingFolders('/tmp/tmp.C5mMWtNjkJ/bad.sqlite: not a tapes database')).toBe('bad.sqlite: not a tapes database');
		expect(withoutLeadingFolders('C:\\Users\\me\\tapes.db: locked')).toBe('tapes.db: locked');
	});

	it('leaves anything else as it is: a name, a server, a path later in the text, a bare folder', () => {
		for (const text of ['tapes.sqlite: nodes', 'postgres://db.example:5432/tapes: refused', 'sync failed: /tmp/x/y.db', '~/notes/a.md: gone', '/']) {
			expect(withoutLeadingFolders(text)).toBe(text);
		}
	});
});
