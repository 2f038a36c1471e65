// The background sync: runs at start and every refresh, reports into a coalesced store, survives failures.
import {afterEach, describe, expect, it, vi} from 'vitest';
import {createSyncLoop, type SyncRun} from '../../../source/ui/services/sync-loop.js';
import {createValueStore} from '../../../source/ui/services/value-store.js';
import {createSlotStore} from '../../../source/ui/services/slot-store.js';
import {constantStore, type SyncSnapshot} from '../../../source/ui/services/types.js';

afterEach(() => vi.useRealTimers());

const ok = (changed: boolean): SyncRun => async () => ({changed, warnings: [], errors: []});

describe('sync loop', () => {
	it('an interval past setTimeout\'s range waits that long, not one millisecond', async () => {
		vi.useFakeTimers();
		const run = vi.fn<SyncRun>(async () => ({changed: false, warnings: [], errors: []}));
		const loop = createSyncLoop({run, refreshMs: 1e12, now: () => 1, coalesceMs: 0});
		loop.start();
		await vi.advanceTimersByTimeAsync(1000);
		expect(run).toHaveBeenCalledTimes(1);
		await loop.stop();
	});

	it('syncs at start and then every refresh interval, bumping the version only when something changed', async () => {
		vi.useFakeTimers();
		const runs: boolean[] = [true, false, true];
		const run = vi.fn<SyncRun>(async () => ({changed: runs.shift() ?? false, warnings: [], errors: []}));
		const loop = createSyncLoop({run, refreshMs: 10_000, now: () => 42, coalesceMs: 0});
		loop.start();
		await vi.advanceTimersByTimeAsync(0);
		expect(run).toHaveBeenCalledTimes(1);
		expect(loop.store.getSnapshot()).toMatchObject({syncing: false, lastSyncMs: 42, version: 1});
		await vi.advanceTimersByTimeAsync(10_000);
		expect(run).toHaveBeenCalledTimes(2);
		expect(loop.store.getSnapshot().version).toBe(1);
		await vi.advanceTimersByTimeAsync(10_000);
		expect(loop.store.getSnapshot().version).toBe(2);
		await loop.stop();
		await vi.advanceTimersByTimeAsync(60_000);
		expect(run).toHaveBeenCalledTimes(3);
	});

	it('with refresh 0 syncs once; syncNow joins a run in flight', async () => {
		let finish!: () => void;
		const run = vi.fn<SyncRun>(() => new Promise((resolve) => {
			finish = () => resolve({changed: true, warnings: [], errors: []});
		}));
		const loop = createSyncLoop({run, refreshMs: 0, now: () => 1, coalesceMs: 0});
		loop.start();
		// A run that goes on shows as syncing once it has taken SHOW_SYNCING_MS.
		expect(loop.store.getSnapshot().syncing).toBe(false);
		await vi.waitFor(() => expect(loop.store.getSnapshot().syncing).toBe(true));
		const joined = loop.syncNow();
		finish();
		await joined;
		expect(run).toHaveBeenCalledTimes(1);
		expect(loop.store.getSnapshot()).toMatchObject({syncing: false, version: 1});
	});

	it('reports progress, warnings and a failed run, and keeps going', async () => {
		const warning = {where: 'tapes.sqlite: nodes', message: 'bad row', count: 2};
		const loop = createSyncLoop({
			run: async (progress) => {
				progress(500, 1000);
				progress(7, 20, 'files');
				return {changed: false, warnings: [warning], errors: []};
			},
			refreshMs: 0, now: () => 5, coalesceMs: 0,
		});
		const seen: Array<string | null> = [];
		loop.store.subscribe(() => seen.push(loop.store.getSnapshot().progress));
		await loop.syncNow();
		// The first report shows at once; the next within PROGRESS_MS is folded into the one after it.
		expect(seen).toContain('▕████    ▏ 500 / 1,000 rows');
		expect(loop.store.getSnapshot().warnings).toEqual([warning]);

		const failing = createSyncLoop({run: async () => {
			throw new Error('disk I/O error');
		}, refreshMs: 0, now: () => 5, coalesceMs: 0});
		await failing.syncNow();
		expect(failing.store.getSnapshot()).toMatchObject({syncing: false, errors: ['sync failed: disk I/O error']});
	});

	it('names what it counts, and while a long first import runs, tells the screens it has new rows', async () => {
		let release!: () => void;
		const gate = new Promise<void>((r) => {
			release = r;
		});
		const loop = createSyncLoop({
			run: async (progress) => {
				progress(3, 20_000, 'files');
				await gate;
				return {changed: true, warnings: [], errors: []};
			},
			refreshMs: 0, now: () => 5, coalesceMs: 0, liveVersionMs: 0,
		});
		const running = loop.syncNow();
		await vi.waitFor(() => expect(loop.store.getSnapshot()).toMatchObject({syncing: true, progress: '▕        ▏ 3 / 20,000 files', version: 1}));
		release();
		await running;
		expect(loop.store.getSnapshot()).toMatchObject({syncing: false, progress: null, version: 2});
	});

	it('has the screens re-read at once when the count turns from rows to messages (the list is final, the search index fills in)', async () => {
		let ms = 0;
		const versions: number[] = [];
		const loop = createSyncLoop({
			run: async (progress) => {
				progress(500, 1000, 'rows');
				versions.push(loop.store.getSnapshot().version);
				ms = 10;
				progress(1000, 1000, 'rows');
				versions.push(loop.store.getSnapshot().version);
				ms = 20;
				progress(0, 1000, 'messages');
				versions.push(loop.store.getSnapshot().version);
				return {changed: true, warnings: [], errors: []};
			},
			// Long between live re-reads: only the turn can bring one this soon.
			refreshMs: 0, now: () => 5, coalesceMs: 0, clock: () => ms, liveVersionMs: 60_000,
		});
		await loop.syncNow();
		expect(versions).toEqual([0, 0, 1]);
	});

	it('shows the rate and the time left, measured from the first report of the run', async () => {
		let ms = 0;
		const loop = createSyncLoop({
			run: async (progress) => {
				// A resumed import: 1,000 files were done before this run.
				progress(1000, 2000, 'files');
				ms = 2000;
				progress(1400, 2000, 'files');
				return {changed: true, warnings: [], errors: []};
			},
			refreshMs: 0, now: () => 5, coalesceMs: 0, clock: () => ms,
		});
		const seen: Array<string | null> = [];
		loop.store.subscribe(() => seen.push(loop.store.getSnapshot().progress));
		await loop.syncNow();
		expect(seen).toContain('▕████    ▏ 1,000 / 2,000 files');
		expect(seen).toContain('▕█████▌  ▏ 1,400 / 2,000 files · 200/s · 3s left');
	});

	it('a quick run that finds nothing new changes nothing the status bar shows', async () => {
		let changed = true;
		let now = 100;
		const loop = createSyncLoop({run: async () => ({changed, warnings: [], errors: []}), refreshMs: 0, now: () => now, coalesceMs: 0});
		await loop.syncNow();
		expect(loop.store.getSnapshot()).toMatchObject({syncing: false, lastSyncMs: 100, changedMs: 100, version: 1});
		changed = false;
		now = 200;
		const seen: SyncSnapshot[] = [];
		loop.store.subscribe(() => seen.push(loop.store.getSnapshot()));
		await loop.syncNow();
		// Never shown as syncing, and the time shown is still that of the last change.
		expect(seen.some((s) => s.syncing)).toBe(false);
		expect(loop.store.getSnapshot()).toMatchObject({syncing: false, lastSyncMs: 200, changedMs: 100, version: 1});
		changed = true;
		now = 300;
		await loop.syncNow();
		expect(loop.store.getSnapshot()).toMatchObject({lastSyncMs: 300, changedMs: 300, version: 2});
	});

	it('stop aborts the run in flight and waits for it', async () => {
		let aborted = false;
		const loop = createSyncLoop({
			run: (_p, signal) => new Promise((resolve) => {
				signal.addEventListener('abort', () => {
					aborted = true;
					resolve({changed: false, warnings: [], errors: []});
				});
			}),
			refreshMs: 1000, now: () => 0, coalesceMs: 0,
		});
		loop.start();
		await loop.stop();
		expect(aborted).toBe(true);
	});
});

describe('value store', () => {
	it('coalesces bursts into one notification and flushes on demand', async () => {
		vi.useFakeTimers();
		const store = createValueStore(0, 32);
		const listener = vi.fn();
		store.subscribe(listener);
		for (let i = 1; i <= 100; i++) store.set(i);
		expect(store.getSnapshot()).toBe(0);
		expect(store.current()).toBe(100);
		await vi.advanceTimersByTimeAsync(32);
		expect(listener).toHaveBeenCalledTimes(1);
		expect(store.getSnapshot()).toBe(100);
		store.set(101, true);
		expect(listener).toHaveBeenCalledTimes(2);
	});
});

describe('slot store', () => {
	it('shows nothing until a store is attached, then follows it', () => {
		const slot = createSlotStore<string | null>(null);
		const listener = vi.fn();
		slot.subscribe(listener);
		expect(slot.getSnapshot()).toBeNull();
		const inner = createValueStore<string | null>('insights 1/4', 0);
		slot.attach(inner);
		expect(slot.getSnapshot()).toBe('insights 1/4');
		inner.set('insights 2/4');
		expect(slot.getSnapshot()).toBe('insights 2/4');
		expect(listener).toHaveBeenCalledTimes(2);
		slot.attach(constantStore('off'));
		expect(slot.getSnapshot()).toBe('off');
	});
});
