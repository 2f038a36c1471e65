import {describe, expect, it} from 'vitest';
import {BAR_CELLS, progressBar, progressRate, progressText, timeLeft} from '../../source/core/sync-progress.js';

const at = (read: number, atMs: number, total = 2400, unit = 'files') => ({read, total, unit, atMs});

describe('sync progress', () => {
	it('fills the bar in eighths of a cell and keeps its width whatever the fraction', () => {
		expect(progressBar(0)).toBe(' '.repeat(BAR_CELLS));
		expect(progressBar(1)).toBe('█'.repeat(BAR_CELLS));
		expect(progressBar(0.5)).toBe(`${'█'.repeat(4)}    `);
		expect(progressBar(1 / 16)).toBe('▌       ');
		for (const f of [-1, 0.001, 0.33, 0.999, 2, Number.NaN, Infinity]) expect([...progressBar(f)]).toHaveLength(BAR_CELLS);
	});

	it('measures the rate from the first report of the run, and only after a second', () => {
		// A resumed import starts at 2,000 of 2,400: those were not read this run.
		expect(progressRate(at(2000, 0), at(2100, 500))).toBeNull();
		expect(progressRate(at(2000, 0), at(2100, 2000))).toBe(50);
		expect(progressRate(at(2000, 0), at(2000, 5000))).toBeNull();
	});

	it('says done of total, the rate and the time left', () => {
		expect(progressText(at(0, 0), at(0, 0))).toBe('▕        ▏ 0 / 2,400 files');
		expect(progressText(at(0, 0), at(600, 2000))).toBe('▕██      ▏ 600 / 2,400 files · 300/s · 6s left');
		expect(progressText(at(0, 0, 1_002_000, 'rows'), at(250_500, 10_000, 1_002_000, 'rows')))
			.toBe('▕██      ▏ 250,500 / 1,002,000 rows · 25,050/s · 30s left');
		expect(progressText(at(0, 0), at(12, 4000))).toBe('▕        ▏ 12 / 2,400 files · 3.0/s · 13m left');
		expect(progressText(at(0, 0), at(2400, 4000))).toBe('▕████████▏ 2,400 / 2,400 files · 600/s');
		// An empty source has nothing to fill.
		expect(progressText(at(0, 0, 0), at(0, 3000, 0))).toBe('▕        ▏ 0 / 0 files');
	});

	it('gives seconds while they matter', () => {
		expect([500, 1400, 59_400, 185_000, 600_000, 3_900_000].map(timeLeft)).toEqual(['<1s', '1s', '59s', '3m05s', '10m', '1h05m']);
	});
});
