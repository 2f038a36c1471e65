// Bad rows are counted per kind rather than reported one by one: a million-row database with one
// systematic problem should give one warning with a count, not a million lines.
import type { Warning } from '../../core/types.js';

export class WarningTally {
	private readonly counts = new Map<string, number>();

	constructor(private readonly where: string) {}

	add(message: string): void {
		this.counts.set(message, (this.counts.get(message) ?? 0) + 1);
	}

	warnings(): Warning[] {
		return [...this.counts].map(([message, count]) => ({ where: this.where, message, count }));
	}
}
