// Which zone local times are shown in when --tz is not given: the one the TZ variable names, read as the
// C library reads it, else the system's. A TZ that names no zone must not stop every command (it did:
// `TZ=:/etc/localtime`, a common setting, and an empty TZ were refused as "invalid --tz"): it is read as
// UTC, as the C library does, with a line saying so.
import {isValidTimeZone} from './time.js';

export interface ZoneSources {
	/** The runtime's own reading of the system zone (Intl's default); undefined when it cannot tell. */
	system: () => string | undefined;
	/** Where a file path leads after links (/etc/localtime → …/zoneinfo/Europe/Berlin), or null. */
	realPath: (file: string) => string | null;
}

export interface LocalZone {
	zone: string;
	/** Why the zone is UTC although TZ says something else (for stderr), or null. */
	warning: string | null;
}

/** The name after a zoneinfo folder in a path, when it is a zone. */
function zoneInPath(file: string): string | null {
	const name = /\/zoneinfo\/(.+)$/.exec(file)?.[1];
	return name !== undefined && isValidTimeZone(name) ? name : null;
}

export function localZone(tz: string | undefined, from: ZoneSources): LocalZone {
	const system = () => {
		const zone = from.system();
		return zone !== undefined && isValidTimeZone(zone) ? zone : null;
	};
	if (tz === undefined) return {zone: system() ?? 'UTC', warning: null};
	// `:zone` and `:file` are how POSIX spells an implementation-defined TZ; glibc reads an empty one as UTC.
	const named = tz.startsWith(':') ? tz.slice(1) : tz;
	if (named === '') return {zone: 'UTC', warning: null};
	if (isValidTimeZone(named)) return {zone: named, warning: null};
	if (named.startsWith('/')) {
		const zone = zoneInPath(named) ?? zoneInPath(from.realPath(named) ?? '');
		if (zone) return {zone, warning: null};
	}
	// A POSIX rule (EST5EDT, CET-1CEST,…) the runtime may know by another name.
	const zone = system();
	if (zone) return {zone, warning: null};
	return {zone: 'UTC', warning: `TZ="${tz}" names no time zone this system knows; local times are shown in UTC (--tz chooses one)`};
}
