// The facet worker's progress as an external store for useSyncExternalStore: subscribe/getSnapshot.
// Updates are coalesced so that a burst (a heuristic pass finishes hundreds of sessions in a second)
// costs the UI one render per interval rather than one per session, and getSnapshot returns the same
// object until the next emit, as React requires.
import {IDLE_PROGRESS, facetStatusText, type FacetProgress} from '../core/facet-status.js';

export interface FacetProgressStore {
	subscribe(listener: () => void): () => void;
	getSnapshot(): FacetProgress;
	/** Merge a change; listeners hear of it within the coalescing interval. */
	update(change: Partial<FacetProgress> | ((p: FacetProgress) => Partial<FacetProgress>)): void;
	/** Emit a pending change now (end of a run, tests). */
	flush(): void;
	/** The status bar's text for the current snapshot. */
	statusText(frame?: number): string;
}

export interface ProgressStoreOptions {
	/** Coalescing interval; kept within 16–50 ms (one frame to a twentieth of a second). */
	intervalMs?: number;
	initial?: Partial<FacetProgress>;
}

export function createFacetProgressStore(opts: ProgressStoreOptions = {}): FacetProgressStore {
	const interval = Math.min(Math.max(opts.intervalMs ?? 33, 16), 50);
	const listeners = new Set<() => void>();
	let snapshot: FacetProgress = {...IDLE_PROGRESS, ...opts.initial};
	let pending: FacetProgress | null = null;
	let timer: ReturnType<typeof setTimeout> | null = null;

	const emit = () => {
		if (timer) clearTimeout(timer);
		timer = null;
		if (!pending) return;
		snapshot = pending;
		pending = null;
		for (const listener of [...listeners]) listener();
	};

	return {
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		getSnapshot: () => snapshot,
		update(change) {
			const base = pending ?? snapshot;
			const delta = typeof change === 'function' ? change(base) : change;
			pending = {...base, ...delta};
			if (!timer) {
				timer = setTimeout(emit, interval);
				// Progress must never keep a finished process alive.
				timer.unref?.();
			}
		},
		flush: emit,
		statusText: (frame = 0) => facetStatusText(snapshot, frame),
	};
}

export interface TextStore {
	subscribe(listener: () => void): () => void;
	getSnapshot(): string | null;
}

/**
 * The status bar's text as its own store (the shape the UI's services take): the progress text,
 * with the spinner advanced every `spinMs` while a run is going. The spinner timer runs only while
 * someone listens and the worker runs; the string is cached so getSnapshot is stable between changes.
 */
export function createStatusTextStore(progress: FacetProgressStore, spinMs = 120): TextStore {
	let frame = 0;
	let text: string | null = null;
	let textFor: {snapshot: FacetProgress | null; frame: number} = {snapshot: null, frame: -1};
	const listeners = new Set<() => void>();
	let spinner: ReturnType<typeof setInterval> | null = null;
	const compute = (): string | null => {
		const s = progress.getSnapshot();
		if (textFor.snapshot !== s || textFor.frame !== frame) {
			text = s.state === 'idle' && s.total === 0 ? null : facetStatusText(s, frame);
			textFor = {snapshot: s, frame};
		}
		return text;
	};
	const notify = () => {
		for (const listener of [...listeners]) listener();
	};
	const syncSpinner = () => {
		const running = progress.getSnapshot().state === 'running' && listeners.size > 0;
		if (running && !spinner) {
			spinner = setInterval(() => {
				frame++;
				notify();
			}, spinMs);
			spinner.unref?.();
		} else if (!running && spinner) {
			clearInterval(spinner);
			spinner = null;
		}
	};
	let unsubscribe: (() => void) | null = null;
	return {
		subscribe(listener) {
			listeners.add(listener);
			unsubscribe ??= progress.subscribe(() => {
				syncSpinner();
				notify();
			});
			syncSpinner();
			return () => {
				listeners.delete(listener);
				if (listeners.size === 0) {
					unsubscribe?.();
					unsubscribe = null;
				}
				syncSpinner();
			};
		},
		getSnapshot: compute,
	};
}
