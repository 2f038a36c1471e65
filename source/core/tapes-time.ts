// Parser for tapes `nodes.created_at` values.
//
// mattn/go-sqlite3 writes `2006-01-02 15:04:05.999999999-07:00` (writer's local offset, up to nine
// fractional digits with trailing zeros trimmed); a DB default writes `YYYY-MM-DD HH:MM:SS` in UTC.
// The reference reader also takes the `T` variant, no-offset forms (read as UTC), `YYYY-MM-DD HH:MM`
// and `YYYY-MM-DD`, after trimming one trailing `Z`. Date.parse is not used: engines disagree on
// fractions longer than three digits, and it reads offset-less date-times as local time.

const LAYOUT =
	/^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?(?:([+-])(\d{2}):(\d{2}))?)?)?$/;

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil; no Date, no 2-digit-year quirks). */
function daysFromCivil(year: number, month: number, day: number): number {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yoe = y - era * 400;
	const mp = (month + 9) % 12;
	const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146_097 + doe - 719_468;
}

function daysInMonth(year: number, month: number): number {
	if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Epoch milliseconds of a tapes `created_at` string, with sub-millisecond digits kept as a fraction
 * (as far as a double holds them), or null when the value matches none of the reference's layouts
 * or names an impossible date or time.
 */
export function parseTapesTimestamp(s: string): number | null {
	let v = s.trim();
	if (v.endsWith('Z') || v.endsWith('z')) v = v.slice(0, -1);
	const m = LAYOUT.exec(v);
	if (m === null) return null;
	const year = Number(m[1]);
	const month = Number(m[2]);
	const day = Number(m[3]);
	const hour = m[4] === undefined ? 0 : Number(m[4]);
	const minute = m[5] === undefined ? 0 : Number(m[5]);
	const second = m[6] === undefined ? 0 : Number(m[6]);
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
	if (hour > 23 || minute > 59 || second > 59) return null;

	let offsetMinutes = 0;
	if (m[8] !== undefined) {
		const offHours = Number(m[9]);
		const offMinutes = Number(m[10]);
		if (offHours > 23 || offMinutes > 59) return null;
		offsetMinutes = (m[8] === '-' ? -1 : 1) * (offHours * 60 + offMinutes);
	}

	// Nanoseconds as an integer first, so "5" means 500 ms and "000000001" means 1 ns.
	const fraction = m[7];
	const nanos = fraction === undefined ? 0 : Number(fraction.padEnd(9, '0'));

	const wholeMs =
		daysFromCivil(year, month, day) * MS_PER_DAY +
		((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 +
		Math.floor(nanos / 1_000_000);
	return wholeMs + (nanos % 1_000_000) / 1_000_000;
}
