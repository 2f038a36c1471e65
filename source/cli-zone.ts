// The CLI edge's reading of the local time zone: TZ and the system's, for core/local-zone.ts.
import fs from 'node:fs';
import process from 'node:process';
import {localZone} from './core/local-zone.js';
import {stderrLine} from './cli-output.js';

/** TZ as the C library reads it, else the system's zone; a TZ that names none is UTC, said on stderr. */
export function localZoneOfSystem(): string {
	const local = localZone(process.env['TZ'], {
		system: () => Intl.DateTimeFormat().resolvedOptions().timeZone as string | undefined,
		realPath: (file) => {
			try {
				return fs.realpathSync(file);
			} catch {
				return null;
			}
		},
	});
	if (local.warning) stderrLine(`tapedeck: ${local.warning}`);
	return local.zone;
}
