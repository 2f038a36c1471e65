import {describe, expect, it} from 'vitest';
import {describeFilters, resolveFilters} from '../../source/core/filters.js';

const now = Date.UTC(2026, 10, 21, 12);

describe('resolveFilters', () => {
	it('turns --since into a window ending now', () => {
		const r = resolveFilters({tz: 'UTC', since: '7d'}, now);
		expect(r.ok && r.value.fromMs).toBe(now - 7 * 86_400_000);
		expect(r.ok && r.value.toMs).toBeNull();
	});

	it('--sort time is an alias of date, not silently cost (fixes reference)', () => {
		const r = resolveFilters({tz: 'UTC', sort: 'time'}, now);
		expect(r.ok && r.value.sort).toBe('date');
	});

	it.each([
		[{sort: 'price'}, '--sort'], [{sortDir: 'up'}, '--sort-dir'], [{status: 'done'}, '--status'],
		[{since: 'forever'}, '--since'], [{from: 'tuesday'}, '--from'], [{source: 'slack'}, '--source'],
	])('refuses %j naming %s', (flags, flag) => {
		const r = resolveFilters({tz: 'UTC', ...flags}, now);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toContain(flag);
	});

	it('refuses an unknown time zone', () => {
		const r = resolveFilters({tz: 'Mars/Olympus'}, now);
		expect(r.ok).toBe(false);
	});

	it('asks for a zone given as a function only when a date needs it', () => {
		let asked = 0;
		const zone = () => {
			asked++;
			return 'Asia/Tokyo';
		};
		expect(resolveFilters({tz: zone, since: '7d'}, now).ok).toBe(true);
		expect(asked).toBe(0);
		const r = resolveFilters({tz: zone, from: '2026-11-20'}, now);
		expect(asked).toBe(1);
		// Midnight in Tokyo is 15:00 UTC the day before.
		expect(r.ok && r.value.fromMs).toBe(Date.UTC(2026, 10, 19, 15));
	});

	it('refuses --to before --from', () => {
		expect(resolveFilters({tz: 'UTC', from: '2026-11-20', to: '2026-11-01'}, now).ok).toBe(false);
	});

	it('describes the active filters as chips', () => {
		const r = resolveFilters({tz: 'UTC', status: 'failed', project: 'tapes', search: 'auth'}, now);
		expect(r.ok && describeFilters(r.value)).toEqual(['status:failed', 'project:tapes', 'search:auth']);
	});
});
