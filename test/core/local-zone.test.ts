// The local zone without --tz: TZ read as the C library reads it, else the system's; a TZ naming no zone is
// UTC with a warning, never a refusal (`TZ=:/etc/localtime` and an empty TZ stopped every command).
import {describe, expect, it} from 'vitest';
import {localZone, type ZoneSources} from '../../source/core/local-zone.js';

const sources = (system: string | undefined, links: Record<string, string> = {}): ZoneSources => ({
	system: () => system,
	realPath: (file) => links[file] ?? null,
});

describe('localZone', () => {
	it('takes a zone TZ names, with or without the leading colon', () => {
		expect(localZone('Europe/Berlin', sources('Asia/Tokyo'))).toEqual({zone: 'Europe/Berlin', warning: null});
		expect(localZone(':America/New_York', sources('Asia/Tokyo'))).toEqual({zone: 'America/New_York', warning: null});
	});

	it('reads an empty TZ as UTC, and no TZ as the system zone (UTC when the system cannot tell)', () => {
		expect(localZone('', sources('Asia/Tokyo')).zone).toBe('UTC');
		expect(localZone(':', sources('Asia/Tokyo')).zone).toBe('UTC');
		expect(localZone(undefined, sources('Asia/Tokyo')).zone).toBe('Asia/Tokyo');
		expect(localZone(undefined, sources(undefined))).toEqual({zone: 'UTC', warning: null});
		expect(localZone(undefined, sources('Etc/Unknown'))).toEqual({zone: 'UTC', warning: null});
	});

	it('follows a zoneinfo file, named or through a link such as /etc/localtime', () => {
		expect(localZone('/usr/share/zoneinfo/Europe/Berlin', sources(undefined)).zone).toBe('Europe/Berlin');
		expect(localZone(':/etc/localtime', sources(undefined, {'/etc/localtime': '/usr/share/zoneinfo/Asia/Kolkata'})).zone).toBe('Asia/Kolkata');
	});

	it('leaves a POSIX rule to the runtime, and shows UTC with a warning for what names no zone', () => {
		expect(localZone('EST5EDT', sources('America/New_York')).zone).toBe('EST5EDT');
		expect(localZone('CET-1CEST,M3.5.0,M10.5.0/3', sources('Europe/Paris'))).toEqual({zone: 'Europe/Paris', warning: null});
		for (const tz of ['Foo/Bar', ':/etc/localtime', '/nowhere/zone']) {
			const local = localZone(tz, sources(undefined));
			expect(local.zone).toBe('UTC');
			expect(local.warning).toContain(`TZ="${tz}" names no time zone`);
		}
	});
});
