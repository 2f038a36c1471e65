// Syncs in the background while the explorer is open: once at start, then every `refreshMs` after the
// previous run ended (0: never again). Progress, warnings and failures go into a coalesced store for the
// status bar; nothing is written to the terminal. A failed run is reported and the loop carries on.
import type {Warning} from '../../core/types.js';
import {IDLE_SYNC, type ExternalStore, type SyncSnapshot} from './types.js';
import {createValueStore} from './value-store.js';
import {progressText, type ProgressSample} from '../../core/sync-progress.js';

export interface SyncRunResult {
	/** Whether anything was written to the index. */
	changed: boolean;
	warnings: Warning[];
	errors: string[];
}

/** `unit`: what is counted (a tapes database's rows, or transcript files). Called after each commit. */
export type SyncRun = (onProgress: (read: number, total: number, unit?: 'rows' | 'files' | 'sessions' | 'messages') => void, signal: AbortSignal) => Promise<SyncRunResult>;

/**
 * How often a sync in progress tells the screens that the index has new rows: a first import of a large
 * source shows its sessions as their files are committed instead of an empty list until the end.
 */
export const LIVE_VERSION_MS = 2000;
/** The first of those comes sooner: the first sessions of a first import show within a second of start. */
export const FIRST_LIVE_MS = 250;
/** A long import commits every few milliseconds; its count in the status bar changes 4 times a second. */
export const PROGRESS_MS = 250;
/**
 * "syncing" shows once a run has taken this long: a refresh that finds nothing new ends well before, and
 * flashing the spinner for it redrew the whole frame twice a refresh.
 */
export const SHOW_SYNCING_MS = 300;

export interface SyncLoop {
	store: ExternalStore<SyncSnapshot>;
	/** Starts the first run and the interval. */
	start(): void;
	/** Runs a sync now (or waits for the one in flight). */
	syncNow(): Promise<void>;
	/** Stops the interval, aborts a run in flight and waits for it to finish. */
	stop(): Promise<void>;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

export function createSyncLoop(opts: {
	run: SyncRun; refreshMs: number; now: () => number; coalesceMs?: number; liveVersionMs?: number;
	/** A monotonic clock for the throttle and the rate (tests pass their own). */
	clock?: () => number;
}): SyncLoop {
	const clock = opts.clock ?? (() => performance.now());
	const liveMs = opts.liveVersionMs ?? LIVE_VERSION_MS;
	const store = createValueStore<SyncSnapshot>(IDLE_SYNC, opts.coalesceMs ?? 32);
	const abort = new AbortController();
	let inFlight: Promise<void> | null = null;
	let timer: NodeJS.Timeout | null = null;
	let stopped = false;

	const update = (patch: Partial<SyncSnapshot>, flush = false) => store.set({...store.current(), ...patch}, flush);

	const schedule = () => {
		if (stopped || opts.refreshMs <= 0) return;
		// setTimeout takes at most 2^31 − 1 ms and fires after 1 ms for anything longer.
		timer = setTimeout(() => void syncNow(), Math.min(opts.refreshMs, MAX_TIMER_MS));
		timer.unref?.();
	};

	const runOnce = async () => {
		const showSyncing = setTimeout(() => update({syncing: true}, true), SHOW_SYNCING_MS);
		showSyncing.unref?.();
		const startVersion = store.current().version;
		let nextLive = clock() + Math.min(FIRST_LIVE_MS, liveMs);
		let shownAt = -Infinity;
		// The rate and the time left are measured from the first report (see core/sync-progress.ts).
		let first: ProgressSample | null = null;
		try {
			const result = await opts.run((read, total, unit = 'rows') => {
				const at = clock();
				const sample = {read, total, unit, atMs: at};
				// A count of another unit starts: a first tapes load's rows are done and its search index fills in
				// behind a session list that is final now, which the screens re-read at once (not up to a beat later).
				const turned = first !== null && first.unit !== unit;
				if (!first || turned || read < first.read) first = sample;
				// Progress comes after a commit: now and then, the screens re-read what is there so far.
				const live = at >= nextLive || turned;
				if (!live && at - shownAt < PROGRESS_MS) return;
				shownAt = at;
				if (live) nextLive = at + liveMs;
				const progress = progressText(first, sample);
				update(live ? {syncing: true, progress, version: store.current().version + 1} : {syncing: true, progress});
			}, abort.signal);
			clearTimeout(showSyncing);
			const current = store.current();
			const changed = result.changed || current.version !== startVersion;
			const at = opts.now();
			update({
				syncing: false, progress: null, lastSyncMs: at, warnings: result.warnings, errors: result.errors,
				changedMs: changed || current.changedMs === null ? at : current.changedMs,
				version: changed ? current.version + 1 : current.version,
			}, true);
		} catch (error) {
			clearTimeout(showSyncing);
			const at = opts.now();
			update({syncing: false, progress: null, lastSyncMs: at, changedMs: store.current().changedMs ?? at, errors: [`sync failed: ${(error as Error).message}`]}, true);
		}
	};

	function syncNow(): Promise<void> {
		if (stopped) return Promise.resolve();
		if (inFlight) return inFlight;
		if (timer) clearTimeout(timer);
		timer = null;
		inFlight = runOnce().finally(() => {
			inFlight = null;
			schedule();
		});
		return inFlight;
	}

	return {
		store,
		start: () => void syncNow(),
		syncNow,
		async stop() {
			stopped = true;
			if (timer) clearTimeout(timer);
			abort.abort();
			await inFlight;
		},
	};
}
