// The CLI's reading of the local time zone: TZ and the system's, for core/local-zone.ts (cli.tsx prints its warning).
import fs from 'node:fs';
import process from 'node:process';
import {localZone, type LocalZone} from './core/local-zone.js';

/** TZ as the C library reads it, else the system's zone; a TZ that names none is UTC, with a warning. */
export function localZoneOfSystem(): LocalZone {
	return localZone(process.env['TZ'], {
		system: () => Intl.DateTimeFormat().resolvedOptions().timeZone as string | undefined,
		realPath: (file) => {
			try {
				return fs.realpathSync(file);
			} catch {
				return null;
			}
		},
	});
}
