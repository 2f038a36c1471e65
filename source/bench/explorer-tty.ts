// A terminal in memory for the explorer benchmark: a TTY-like stdout that timestamps every write and a
// stdin that accepts key presses, so Ink renders exactly as it does on a real terminal (throttled, not debug).
import {EventEmitter} from 'node:events';

export class BenchStdout extends EventEmitter {
	readonly isTTY = true;
	writes = 0;
	lastWriteAt = 0;
	private waiters: Array<() => void> = [];
	constructor(public columns: number, public rows: number) {
		super();
	}
	write = (_chunk: string): boolean => {
		this.writes++;
		this.lastWriteAt = performance.now();
		const waiting = this.waiters;
		this.waiters = [];
		for (const w of waiting) w();
		return true;
	};
	/** Resolves at the next write. */
	nextWrite(): Promise<void> {
		return new Promise((resolve) => this.waiters.push(resolve));
	}
	/**
	 * Resolves once nothing has been written for `quietMs`, or after `capMs` at most: a screen with work
	 * going on in the background (a spinner, facet progress) is never still for long.
	 */
	async settle(quietMs: number, capMs = Infinity): Promise<void> {
		const until = performance.now() + capMs;
		for (;;) {
			const seen = this.writes;
			await new Promise((r) => setTimeout(r, quietMs));
			if (this.writes === seen || performance.now() >= until) return;
		}
	}
}

export class BenchStdin extends EventEmitter {
	readonly isTTY = true;
	private data: string | null = null;
	press(data: string): void {
		this.data = data;
		this.emit('readable');
	}
	read = (): string | null => {
		const d = this.data;
		this.data = null;
		return d;
	};
	setEncoding(): void {}
	setRawMode(): void {}
	resume(): void {}
	pause(): void {}
	ref(): void {}
	unref(): void {}
}

export const KEYS = {down: '\u001b[B', up: '\u001b[A', pageDown: '\u001b[6~', pageUp: '\u001b[5~', enter: '\r', escape: '\u001b'};
