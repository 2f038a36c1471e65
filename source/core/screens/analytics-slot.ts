// What a drill-down lists: the sessions the charts counted in a run of days or in one hour of the week.
// A session counts where it started (in the chosen zone), exactly as the model counts it.
import type {Filters, SessionSummary} from '../types.js';
import {dayStart, nextDayKey} from '../time.js';
import {zonedClock} from '../zoned-clock.js';

export type DrillSlot = {kind: 'days'; first: string; last: string} | {kind: 'hour'; weekday: number; hour: number};

export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Nov 20` for the day key 2026-11-20. */
export function shortDay(key: string): string {
	const [, m, d] = key.split('-').map(Number);
	return `${MONTHS[(m ?? 1) - 1]} ${d}`;
}

/** `Thu` for a day key (calendar arithmetic; the key is already local). */
export function dayOfWeek(key: string): string {
	const [y, m, d] = key.split('-').map(Number);
	return WEEKDAY_NAMES[(new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay() + 6) % 7]!;
}

export function hourRange(hour: number): string {
	const pad = (h: number) => String(h).padStart(2, '0');
	return `${pad(hour)}:00–${pad((hour + 1) % 24)}:00`;
}

export function slotLabel(slot: DrillSlot): string {
	if (slot.kind === 'hour') return `${WEEKDAY_NAMES[slot.weekday]} ${hourRange(slot.hour)}`;
	if (slot.first === slot.last) return `${dayOfWeek(slot.first)} ${shortDay(slot.first)}`;
	return `${shortDay(slot.first)} – ${shortDay(slot.last)}`;
}

/**
 * Filters that select a superset of the slot's sessions cheaply (in SQL): a day run narrows the window to
 * its days. The filters' own window stays in force, so a session must also overlap the period.
 */
export function slotFilters(f: Filters, slot: DrillSlot, timeZone: string): Filters {
	if (slot.kind === 'hour') return f;
	const from = dayStart(slot.first, timeZone);
	const to = dayStart(nextDayKey(slot.last), timeZone);
	return {...f, fromMs: f.fromMs === null ? from : Math.max(f.fromMs, from), toMs: f.toMs === null ? to : Math.min(f.toMs, to)};
}

/** Whether a session started inside the slot, in the zone. */
export function inSlot(slot: DrillSlot, timeZone: string): (s: Pick<SessionSummary, 'startMs'>) => boolean {
	const clock = zonedClock(timeZone);
	if (slot.kind === 'hour') return (s) => {
		const t = clock(s.startMs);
		return t.weekday === slot.weekday && t.hour === slot.hour;
	};
	return (s) => {
		const day = clock(s.startMs).day;
		return day >= slot.first && day <= slot.last;
	};
}
