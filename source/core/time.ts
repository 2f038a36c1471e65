// Time windows and calendar days in an IANA time zone. Pure: Intl only, no clock reads (callers pass `now`).

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export type Result<T> = {ok: true; value: T} | {ok: false; error: string};

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			weekday: 'short',
			// Years before 1 come as 1 BC, 2 BC…: the era gives them their sign.
			era: 'short',
		});
		formatters.set(timeZone, f);
	}
	return f;
}

/**
 * UTC (servers, CI, TZ=UTC) is answered by Date's own UTC fields: building the first Intl formatter loads
 * ICU's zone data, 20 ms of a 300 ms report. Both calendars are proleptic Gregorian (V8's Intl has no
 * Julian cutover), so years before 1582 and before 1 come out the same (test/core/time.test.ts).
 */
const UTC_ZONES = new Set(['UTC', 'Etc/UTC']);

function utcParts(ms: number): ZonedParts {
	const d = new Date(ms);
	return {
		year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
		hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(),
		weekday: (d.getUTCDay() + 6) % 7,
	};
}

export function isValidTimeZone(timeZone: string): boolean {
	if (UTC_ZONES.has(timeZone)) return true;
	try {
		partsFormatter(timeZone);
		return true;
	} catch {
		return false;
	}
}

export interface ZonedParts {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	/** 0 = Monday ... 6 = Sunday (ISO order, for the hour-of-week heatmap). */
	weekday: number;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function zonedParts(ms: number, timeZone: string): ZonedParts {
	if (UTC_ZONES.has(timeZone)) return utcParts(ms);
	const out: Record<string, string> = {};
	for (const p of partsFormatter(timeZone).formatToParts(new Date(ms))) out[p.type] = p.value;
	return {
		year: out['era'] === 'BC' || out['era'] === 'B' ? 1 - Number(out['year']) : Number(out['year']),
		month: Number(out['month']),
		day: Number(out['day']),
		hour: Number(out['hour']),
		minute: Number(out['minute']),
		second: Number(out['second']),
		weekday: WEEKDAYS.indexOf(out['weekday'] ?? 'Mon'),
	};
}

/** Date.UTC without its quirk of reading years 0–99 as 1900–1999. */
function utcMs(year: number, month0: number, day: number, hour = 0, minute = 0, second = 0): number {
	const d = new Date(0);
	d.setUTCFullYear(year, month0, day);
	d.setUTCHours(hour, minute, second, 0);
	return d.getTime();
}

/** Offset of the zone from UTC at an instant, in ms (positive east of Greenwich). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
	const p = zonedParts(ms, timeZone);
	const asUtc = utcMs(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
	return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant at which the given local wall-clock midnight happens in the zone. */
export function zonedMidnight(year: number, month: number, day: number, timeZone: string): number {
	const wall = utcMs(year, month - 1, day);
	// Two passes settle the offset even when midnight falls near a daylight-saving change.
	let guess = wall - zoneOffsetMs(wall, timeZone);
	guess = wall - zoneOffsetMs(guess, timeZone);
	return guess;
}

export function pad2(n: number): string {
	return n < 10 ? `0${n}` : String(n);
}

/** A year as day keys write it: four digits at least (0001, 2026, 10000), a sign before year 0. */
function yearText(year: number): string {
	return year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
}

/** Calendar day of an instant in the zone, as YYYY-MM-DD (zero-padded, so keys sort as days do). */
export function dayKey(ms: number, timeZone: string): string {
	const p = zonedParts(ms, timeZone);
	return `${yearText(p.year)}-${pad2(p.month)}-${pad2(p.day)}`;
}

function parseDayKey(key: string): [number, number, number] | null {
	const m = /^(-?\d{4,6})-(\d{2})-(\d{2})$/.exec(key);
	if (!m) return null;
	const y = Number(m[1]);
	const mo = Number(m[2]);
	const d = Number(m[3]);
	const check = new Date(utcMs(y, mo - 1, d));
	if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
	return [y, mo, d];
}

/** Start instant of the local day named by the key. */
export function dayStart(key: string, timeZone: string): number {
	const parsed = parseDayKey(key);
	if (!parsed) throw new Error(`not a date: ${key}`);
	return zonedMidnight(parsed[0], parsed[1], parsed[2], timeZone);
}

/** The key of the day after `key` (calendar arithmetic, independent of the zone). */
export function nextDayKey(key: string): string {
	const parsed = parseDayKey(key);
	if (!parsed) throw new Error(`not a date: ${key}`);
	const next = new Date(utcMs(parsed[0], parsed[1] - 1, parsed[2] + 1));
	return `${yearText(next.getUTCFullYear())}-${pad2(next.getUTCMonth() + 1)}-${pad2(next.getUTCDate())}`;
}

/** Recorded times before 1970 or after 9999 (Go's zero time is year 1): a clock or a writer gone wrong. */
export const PLAUSIBLE_UNTIL_MS = 253_402_300_800_000;
export function implausibleTimestamp(ms: number): boolean {
	return !(ms >= 0 && ms < PLAUSIBLE_UNTIL_MS);
}

/** Every calendar day from the day of `fromMs` to the day of `toMs - 1`, zeros included. */
export function daysBetween(fromMs: number, toMs: number, timeZone: string): string[] {
	const days: string[] = [];
	if (toMs <= fromMs) return days;
	const last = dayKey(toMs - 1, timeZone);
	let key = dayKey(fromMs, timeZone);
	while (key <= last && days.length < 100_000) {
		days.push(key);
		key = nextDayKey(key);
	}
	return days;
}

export const PERIODS = ['24h', '7d', '30d', '90d', 'all'] as const;
export type Period = (typeof PERIODS)[number];

/** Parses --since: 24h, 7d, 30d, 90d, any N with unit m/h/d/w, and 0 or all for no limit. */
export function parseSince(text: string): Result<number | null> {
	const t = text.trim().toLowerCase();
	if (t === '' || t === '0' || t === 'all') return {ok: true, value: null};
	const m = /^(\d+(?:\.\d+)?)(m|h|d|w)$/.exec(t);
	if (!m) return {ok: false, error: `invalid --since "${text}": expected 24h, 7d, 30d, 90d, a number with m/h/d/w, or 0/all`};
	const unit = {m: 60_000, h: HOUR_MS, d: DAY_MS, w: 7 * DAY_MS}[m[2] as 'm' | 'h' | 'd' | 'w'];
	const ms = Number(m[1]) * unit;
	if (ms <= 0) return {ok: true, value: null};
	return {ok: true, value: ms};
}

/**
 * Parses --from / --to: YYYY-MM-DD (a local day in the zone) or RFC 3339.
 * A day given to --to includes that whole day, so the exclusive bound is the next midnight.
 */
export function parseDateBound(text: string, bound: 'from' | 'to', timeZone: string): Result<number> {
	const t = text.trim();
	const day = parseDayKey(t);
	if (day) {
		const key = t;
		return {ok: true, value: dayStart(bound === 'to' ? nextDayKey(key) : key, timeZone)};
	}
	const rfc = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
	if (rfc.test(t)) {
		const ms = Date.parse(t.replace(' ', 'T'));
		if (Number.isFinite(ms)) return {ok: true, value: bound === 'to' ? ms + 1 : ms};
	}
	return {ok: false, error: `invalid --${bound} "${text}": expected YYYY-MM-DD or RFC 3339 (2026-11-20T15:04:05Z)`};
}

export interface Window {
	fromMs: number | null;
	toMs: number | null;
}

/** The window of equal length just before `w`; null when `w` has no start (all time). */
export function previousWindow(w: Window, now: number): Window | null {
	if (w.fromMs === null) return null;
	const end = w.toMs ?? now;
	const length = end - w.fromMs;
	if (length <= 0) return null;
	return {fromMs: w.fromMs - length, toMs: w.fromMs};
}

export function periodSince(period: Period): number | null {
	return period === 'all' ? null : (parseSince(period) as {ok: true; value: number}).value;
}
