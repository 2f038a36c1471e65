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

/** Validates the fields and turns them into epoch ms; null for an impossible date, time or offset. */
function toEpochMs(
	year: number,
	month: number,
	day: number,
	hour: number,
	minute: number,
	second: number,
	nanos: number,
	offsetMinutes: number,
): number | null {
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
	if (hour > 23 || minute > 59 || second > 59) return null;
	const wholeMs =
		daysFromCivil(year, month, day) * MS_PER_DAY +
		((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 +
		Math.floor(nanos / 1_000_000);
	return wholeMs + (nanos % 1_000_000) / 1_000_000;
}

/** Two ASCII digits at i as a number, or -1. */
function twoDigits(s: string, i: number): number {
	const a = s.charCodeAt(i) - 48;
	const b = s.charCodeAt(i + 1) - 48;
	return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

const DASH = 45;
const COLON = 58;
const DOT = 46;
const PLUS = 43;

/**
 * The layout nearly every row has, `YYYY-MM-DD HH:MM:SS[.fff][±HH:MM|Z]` (or with `T`), read
 * without a regex: the sync parses a million of these. undefined means "not this layout", and the
 * general parser decides.
 */
function parseFullLayout(s: string): number | null | undefined {
	const n = s.length;
	if (n < 19 || s.charCodeAt(4) !== DASH || s.charCodeAt(7) !== DASH) return undefined;
	if (s.charCodeAt(13) !== COLON || s.charCodeAt(16) !== COLON) return undefined;
	const sep = s.charCodeAt(10);
	if (sep !== 32 && sep !== 84) return undefined;
	const century = twoDigits(s, 0);
	const yy = twoDigits(s, 2);
	const month = twoDigits(s, 5);
	const day = twoDigits(s, 8);
	const hour = twoDigits(s, 11);
	const minute = twoDigits(s, 14);
	const second = twoDigits(s, 17);
	if ((century | yy | month | day | hour | minute | second) < 0) return undefined;

	let i = 19;
	let nanos = 0;
	if (s.charCodeAt(i) === DOT) {
		const start = ++i;
		for (let d = s.charCodeAt(i) - 48; d >= 0 && d <= 9; d = s.charCodeAt(++i) - 48) nanos = nanos * 10 + d;
		const digits = i - start;
		if (digits < 1 || digits > 9) return undefined;
		nanos *= 10 ** (9 - digits);
	}
	let offsetMinutes = 0;
	const c = s.charCodeAt(i);
	if (i === n || (i === n - 1 && (c === 90 || c === 122))) {
		// no offset (or Z): UTC
	} else if (n - i === 6 && (c === PLUS || c === DASH) && s.charCodeAt(i + 3) === COLON) {
		const offHours = twoDigits(s, i + 1);
		const offMinutes = twoDigits(s, i + 4);
		if (offHours < 0 || offMinutes < 0) return undefined;
		if (offHours > 23 || offMinutes > 59) return null;
		offsetMinutes = (c === DASH ? -1 : 1) * (offHours * 60 + offMinutes);
	} else {
		return undefined;
	}
	return toEpochMs(century * 100 + yy, month, day, hour, minute, second, nanos, offsetMinutes);
}

/**
 * Epoch milliseconds of a tapes `created_at` string, with sub-millisecond digits kept as a fraction
 * (as far as a double holds them), or null when the value matches none of the reference's layouts
 * or names an impossible date or time.
 */
export function parseTapesTimestamp(s: string): number | null {
	const fast = parseFullLayout(s);
	if (fast !== undefined) return fast;
	let v = s.trim();
	if (v.endsWith('Z') || v.endsWith('z')) v = v.slice(0, -1);
	const m = LAYOUT.exec(v);
	if (m === null) return null;
	let offsetMinutes = 0;
	if (m[8] !== undefined) {
		const offHours = Number(m[9]);
		const offMinutes = Number(m[10]);
		if (offHours > 23 || offMinutes > 59) return null;
		offsetMinutes = (m[8] === '-' ? -1 : 1) * (offHours * 60 + offMinutes);
	}
	// Nanoseconds as an integer first, so "5" means 500 ms and "000000001" means 1 ns.
	const nanos = m[7] === undefined ? 0 : Number(m[7].padEnd(9, '0'));
	const num = (g: string | undefined) => (g === undefined ? 0 : Number(g));
	return toEpochMs(num(m[1]), num(m[2]), num(m[3]), num(m[4]), num(m[5]), num(m[6]), nanos, offsetMinutes);
}
