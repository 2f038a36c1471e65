// Fast local-time breakdown for many instants in one zone: Intl is asked once per UTC hour, not per call.
import {HOUR_MS, pad2, zoneOffsetMs} from './time.js';

export interface LocalTime {
	day: string;
	hour: number;
	/** 0 = Monday ... 6 = Sunday. */
	weekday: number;
}

/**
 * Returns a function mapping epoch ms to the local day, hour and weekday in `timeZone`. Offsets are cached
 * per UTC hour: zones change offset on hour boundaries (a few historic half-hour shifts are off by minutes).
 */
export function zonedClock(timeZone: string): (ms: number) => LocalTime {
	const offsets = new Map<number, number>();
	return (ms) => {
		const hourKey = Math.floor(ms / HOUR_MS);
		let offset = offsets.get(hourKey);
		if (offset === undefined) {
			offset = zoneOffsetMs(hourKey * HOUR_MS, timeZone);
			offsets.set(hourKey, offset);
		}
		const local = new Date(ms + offset);
		return {
			day: `${local.getUTCFullYear()}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}`,
			hour: local.getUTCHours(),
			weekday: (local.getUTCDay() + 6) % 7,
		};
	};
}
