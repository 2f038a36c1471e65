// Problems are counted per kind rather than reported one by one: a million-row database with one
// systematic problem gives one warning with a count, not a million lines.
import type {Warning} from './types.js';

export class WarningTally {
	private readonly byKey = new Map<string, Warning>();

	/** `where` is the place `note` counts problems at (a file, a table). */
	constructor(private readonly where = '') {}

	/** Counts one problem at the tally's own place. */
	note(message: string): void {
		this.add({where: this.where, message, count: 1});
	}

	add(w: Warning): void {
		const key = `${w.where}\u0000${w.message}`;
		const seen = this.byKey.get(key);
		if (seen) seen.count += w.count;
		else this.byKey.set(key, {...w});
	}

	addAll(ws: readonly Warning[]): void {
		for (const w of ws) this.add(w);
	}

	list(): Warning[] {
		return [...this.byKey.values()];
	}
}
