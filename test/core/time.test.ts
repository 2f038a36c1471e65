import {describe, expect, it} from 'vitest';
import {activityByDay} from '../../source/core/analytics.js';
import {
	dayKey, dayStart, daysBetween, implausibleTimestamp, isValidTimeZone, nextDayKey, parseDateBound, parseSince, previousWindow,
	zonedMidnight, zonedParts,
} from '../../source/core/time.js';

describe('parseSince', () => {
	it.each([
		['24h', 86_400_000], ['7d', 7 * 86_400_000], ['30d', 30 * 86_400_000], ['90d', 90 * 86_400_000],
		['90m', 90 * 60_000], ['2w', 14 * 86_400_000], [' 7D ', 7 * 86_400_000],
	])('%s → %d ms (fixes reference: Go durations had no d)', (text, ms) => {
		expect(parseSince(text)).toEqual({ok: true, value: ms});
	});

	it.each(['0', 'all', 'ALL', ''])('%s means no limit', (text) => {
		expect(parseSince(text)).toEqual({ok: true, value: null});
	});

	it.each(['7 days', 'yesterday', '-3d', '1h30m'])('%s is refused with the flag named', (text) => {
		const r = parseSince(text);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toContain('--since');
	});
});

describe('parseDateBound', () => {
	it('--to YYYY-MM-DD includes that whole day in the zone (fixes reference: it meant UTC midnight)', () => {
		const to = parseDateBound('2026-11-20', 'to', 'Europe/Berlin');
		expect(to).toEqual({ok: true, value: Date.UTC(2026, 10, 20, 23, 0, 0)});
		const from = parseDateBound('2026-11-20', 'from', 'America/New_York');
		expect(from).toEqual({ok: true, value: Date.UTC(2026, 10, 20, 5, 0, 0)});
	});

	it('reads RFC 3339 with an offset', () => {
		expect(parseDateBound('2026-11-20T15:04:05+02:00', 'from', 'UTC')).toEqual({ok: true, value: Date.UTC(2026, 10, 20, 13, 4, 5)});
	});

	it('refuses garbage and impossible dates', () => {
		expect(parseDateBound('2026-02-30', 'from', 'UTC').ok).toBe(false);
		expect(parseDateBound('last tuesday', 'to', 'UTC').ok).toBe(false);
	});
});

describe('days in a time zone', () => {
	it('a day across the spring daylight-saving change is 23 hours long and still one day', () => {
		const start = dayStart('2026-03-29', 'Europe/Berlin');
		const end = dayStart(nextDayKey('2026-03-29'), 'Europe/Berlin');
		expect((end - start) / 3_600_000).toBe(23);
		expect(daysBetween(start, end, 'Europe/Berlin')).toEqual(['2026-03-29']);
	});

	it('the autumn change gives a 25-hour day', () => {
		const start = zonedMidnight(2026, 10, 25, 'Europe/Berlin');
		const end = zonedMidnight(2026, 10, 26, 'Europe/Berlin');
		expect((end - start) / 3_600_000).toBe(25);
	});

	it('the same instant falls on different days in different zones', () => {
		const t = Date.UTC(2026, 10, 20, 23, 30);
		expect(dayKey(t, 'UTC')).toBe('2026-11-20');
		expect(dayKey(t, 'Asia/Tokyo')).toBe('2026-11-21');
		expect(dayKey(t, 'America/Los_Angeles')).toBe('2026-11-20');
	});

	it('activity has an entry for every day of the period, zeros included', () => {
		const tz = 'Europe/Berlin';
		const from = dayStart('2026-03-27', tz);
		const to = dayStart('2026-04-01', tz);
		const days = activityByDay([
			{startMs: dayStart('2026-03-29', tz) + 3_600_000, totalCost: 1.5, totalTokens: 100},
			{startMs: dayStart('2026-03-29', tz) + 7_200_000, totalCost: null, totalTokens: 50},
		], {fromMs: from, toMs: to}, to, tz);
		expect(days.map((d) => d.day)).toEqual(['2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31']);
		expect(days[2]).toEqual({day: '2026-03-29', sessions: 2, cost: 1.5, tokens: 150});
		expect(days.filter((d) => d.sessions === 0)).toHaveLength(4);
	});
});

describe('previousWindow', () => {
	it('is the window of equal length just before', () => {
		expect(previousWindow({fromMs: 1000, toMs: 3000}, 99_999)).toEqual({fromMs: -1000, toMs: 1000});
		expect(previousWindow({fromMs: 1000, toMs: null}, 5000)).toEqual({fromMs: -3000, toMs: 1000});
	});

	it('is null for all time', () => {
		expect(previousWindow({fromMs: null, toMs: null}, 5000)).toBeNull();
	});
});

describe('every valid date, years 1 to 9999 and past', () => {
	const GO_ZERO = -62_135_596_800_000; // 0001-01-01 00:00:00 UTC
	it('day keys are zero-padded and round-trip', () => {
		expect(dayKey(GO_ZERO, 'UTC')).toBe('0001-01-01');
		expect(dayStart('0001-01-01', 'UTC')).toBe(GO_ZERO);
		expect(dayKey(Date.UTC(2026, 0, 1) - 1, 'Europe/Berlin')).toBe('2026-01-01');
		const y50 = new Date(0);
		y50.setUTCFullYear(50, 2, 1);
		expect(dayKey(y50.getTime(), 'UTC')).toBe('0050-03-01');
		expect(dayStart('0050-03-01', 'UTC')).toBe(y50.getTime());
		expect(nextDayKey('0099-12-31')).toBe('0100-01-01');
		expect(nextDayKey('9999-12-31')).toBe('10000-01-01');
		expect(dayStart('10000-01-01', 'UTC')).toBe(253_402_300_800_000);
	});
	it('--from 0001-01-01 and --to 9999-12-31 are accepted', () => {
		expect(parseDateBound('0001-01-01', 'from', 'UTC')).toEqual({ok: true, value: GO_ZERO});
		expect(parseDateBound('9999-12-31', 'to', 'UTC')).toEqual({ok: true, value: 253_402_300_800_000});
		expect(parseDateBound('0001-01-01T00:00:00Z', 'from', 'UTC')).toEqual({ok: true, value: GO_ZERO});
	});
	it('days between year 1 and year 2 are all there', () => {
		const days = daysBetween(GO_ZERO, GO_ZERO + 3 * 86_400_000, 'UTC');
		expect(days).toEqual(['0001-01-01', '0001-01-02', '0001-01-03']);
	});
	it('implausible timestamps: before 1970 or after 9999', () => {
		expect(implausibleTimestamp(GO_ZERO)).toBe(true);
		expect(implausibleTimestamp(-1)).toBe(true);
		expect(implausibleTimestamp(253_402_300_800_000)).toBe(true);
		expect(implausibleTimestamp(Date.UTC(2026, 0, 1))).toBe(false);
		expect(implausibleTimestamp(0)).toBe(false);
	});
});

describe('UTC without Intl', () => {
	it('gives the same parts as Intl for UTC (Etc/GMT is the same zone, read through Intl), from year -5 to 10000', () => {
		const year = (y: number) => {
			const d = new Date(0);
			d.setUTCFullYear(y, 0, 1);
			return d.getTime();
		};
		const instants = [year(-5), year(0), year(1), year(50), year(1582) + 280 * 86_400_000, year(1970), Date.UTC(2026, 2, 29, 1, 30, 7),
			Date.UTC(2028, 1, 29, 23, 59, 59), year(10_000) - 1, ...Array.from({length: 200}, (_, i) => year(1) + i * 49_999_999_937)];
		for (const ms of instants) {
			expect(zonedParts(ms, 'UTC'), new Date(ms).toISOString()).toEqual(zonedParts(ms, 'Etc/GMT'));
			expect(zonedParts(ms, 'Etc/UTC')).toEqual(zonedParts(ms, 'Etc/GMT'));
		}
		expect(isValidTimeZone('UTC')).toBe(true);
		expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
	});
});
