// Collects warnings by (where, message) so a thousand bad rows become one line with a count.
import type {Warning} from '../core/types.js';

export class WarningTally {
	private readonly byKey = new Map<string, Warning>();

	add(w: Warning): void {
		const key = `${w.where}\u0000${w.message}`;
		const seen = this.byKey.get(key);
		if (seen) seen.count += w.count;
		else this.byKey.set(key, {...w});
	}

	addAll(ws: Warning[]): void {
		for (const w of ws) this.add(w);
	}

	list(): Warning[] {
		return [...this.byKey.values()];
	}
}
