// Sharing the explorer's thread with a long import.

/** One turn of the event loop for whatever waits (keys, timers, another sync's callbacks). */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The import runs on the explorer's thread, so it gives the event loop a turn every SLICE_MS of work: a
 * key pressed during a first import is handled within a slice, not when a 20,000-line batch is done.
 */
export const SLICE_MS = 8;
/**
 * A batch is committed after this long even when it is small: the sessions of a first import appear as
 * their files are read, and one commit (a transaction that cannot yield) stays short.
 */
export const COMMIT_MS = 15;

export interface Slicer {
	/** Yields to the event loop when the slice is used up; otherwise returns at once. */
	turn(): Promise<void>;
}

/** Yields to the event loop once SLICE_MS have passed since the last turn. */
export function createSlicer(sliceMs = SLICE_MS): Slicer {
	let since = performance.now();
	return {
		async turn(): Promise<void> {
			if (performance.now() - since < sliceMs) return;
			await yieldToLoop();
			since = performance.now();
		},
	};
}
