import { describe, expect, it } from 'vitest';
import { parseTapesTimestamp } from '../../source/core/tapes-time.js';

const BASE = Date.UTC(2026, 1, 19, 6, 0, 8); // 2026-02-19 06:00:08 UTC

describe('parseTapesTimestamp', () => {
	it.each([
		// mattn/go-sqlite3's layout, any offset, 1–9 fractional digits
		['2026-02-19 06:00:08.123456789+00:00', BASE + 123.456789],
		['2026-02-19 07:00:08.123456789+01:00', BASE + 123.456789],
		['2026-02-18 22:30:08.5-07:30', BASE + 500],
		['2026-02-19 06:00:08.1+00:00', BASE + 100],
		['2026-02-19 06:00:08.000000001+00:00', BASE + 0.000001],
		['2026-02-19 06:00:08.123+00:00', BASE + 123],
		['2026-02-19 06:00:08+00:00', BASE],
		// T variant, trailing Z
		['2026-02-19T06:00:08.123456789+00:00', BASE + 123.456789],
		['2026-02-19T06:00:08Z', BASE],
		['2026-02-19T06:00:08.25Z', BASE + 250],
		['2026-02-19 06:00:08.25Z', BASE + 250],
		// no offset: UTC
		['2026-02-19 06:00:08', BASE],
		['2026-02-19 06:00:08.999999999', BASE + 999.999999],
		['2026-02-19T06:00:08', BASE],
		['2026-02-19 06:00', BASE - 8000],
		['2026-02-19T06:00', BASE - 8000],
		['2026-02-19', Date.UTC(2026, 1, 19)],
		['  2026-02-19 06:00:08  ', BASE],
		// calendar edges
		['2024-02-29 00:00:00', Date.UTC(2024, 1, 29)],
		['1970-01-01 00:00:00', 0],
		['1969-12-31 23:59:59.5', -500],
		// Date.UTC would read year 99 as 1999; the parser must not.
		['0099-03-01', Date.UTC(2099, 2, 1) - 5 * 146_097 * 86_400_000], // 2000 years = five 400-year cycles
	] as const)('%s', (input, expected) => {
		expect(parseTapesTimestamp(input)).toBeCloseTo(expected, 6);
	});

	it.each([
		'',
		'yesterday',
		'2026-02-19 06:00:08.1234567890+00:00', // ten fractional digits
		'2026-02-19 06:00:08.+00:00',
		'2026-02-30 06:00:08',
		'2025-02-29',
		'2026-13-01',
		'2026-02-19 24:00:00',
		'2026-02-19 06:60:00',
		'2026-02-19 06:00:60',
		'2026-02-19 06:00:08+0000',
		'2026-02-19 06:00:08+25:00',
		'2026-02-19 06:00+01:00',
		'2026/02/19 06:00:08',
		'26-02-19',
		'1771480808',
		'2026-02-19 06:00:08 +00:00',
		'2026-02-19ZZ',
	])('rejects %j', (input) => {
		expect(parseTapesTimestamp(input)).toBeNull();
	});

	it('keeps sub-millisecond digits (a double near 2026 holds them to about 0.25 µs)', () => {
		const a = parseTapesTimestamp('2026-02-19 06:00:08.123456000+00:00') as number;
		const b = parseTapesTimestamp('2026-02-19 06:00:08.123457000+00:00') as number;
		expect(b - a).toBeCloseTo(0.001, 3);
		expect(a % 1).toBeCloseTo(0.456, 3);
	});
});
