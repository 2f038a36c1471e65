// The progress store coalesces bursts of updates into one notification and keeps snapshots stable.
import {afterEach, describe, expect, it, vi} from 'vitest';
import {createFacetProgressStore, createStatusTextStore} from '../../source/facets/progress-store.js';

afterEach(() => {
	vi.useRealTimers();
});

describe('createFacetProgressStore', () => {
	it('a burst of updates reaches listeners once, after the interval', () => {
		vi.useFakeTimers();
		const store = createFacetProgressStore({intervalMs: 30});
		const heard: number[] = [];
		store.subscribe(() => heard.push(store.getSnapshot().done));
		for (let i = 1; i <= 500; i++) store.update({state: 'running', done: i, total: 500});
		expect(heard).toEqual([]);
		expect(store.getSnapshot().done).toBe(0);
		vi.advanceTimersByTime(29);
		expect(heard).toEqual([]);
		vi.advanceTimersByTime(1);
		expect(heard).toEqual([500]);
	});

	it('returns the same snapshot object until the next emit', () => {
		vi.useFakeTimers();
		const store = createFacetProgressStore();
		const a = store.getSnapshot();
		expect(store.getSnapshot()).toBe(a);
		store.update((p) => ({done: p.done + 1}));
		store.update((p) => ({done: p.done + 1}));
		expect(store.getSnapshot()).toBe(a);
		store.flush();
		expect(store.getSnapshot()).not.toBe(a);
		expect(store.getSnapshot().done).toBe(2);
	});

	it('keeps the interval within 16–50 ms', () => {
		vi.useFakeTimers();
		const store = createFacetProgressStore({intervalMs: 1000});
		let heard = 0;
		store.subscribe(() => heard++);
		store.update({done: 1});
		vi.advanceTimersByTime(50);
		expect(heard).toBe(1);
	});

	it('unsubscribed listeners hear nothing more', () => {
		vi.useFakeTimers();
		const store = createFacetProgressStore();
		let heard = 0;
		const off = store.subscribe(() => heard++);
		off();
		store.update({done: 1});
		store.flush();
		expect(heard).toBe(0);
	});
});

describe('createStatusTextStore', () => {
	it('gives the status text, spins while running and stops spinning when done', () => {
		vi.useFakeTimers();
		const progress = createFacetProgressStore();
		const text = createStatusTextStore(progress, 100);
		expect(text.getSnapshot()).toBeNull();
		const seen: Array<string | null> = [];
		text.subscribe(() => seen.push(text.getSnapshot()));
		progress.update({state: 'running', provider: 'openai', model: 'gpt-4o-mini', done: 1, total: 4});
		progress.flush();
		expect(text.getSnapshot()).toBe('insights 1/4 ⣾ · openai/gpt-4o-mini');
		expect(text.getSnapshot()).toBe(text.getSnapshot());
		vi.advanceTimersByTime(100);
		expect(text.getSnapshot()).toBe('insights 1/4 ⣽ · openai/gpt-4o-mini');
		progress.update({state: 'done', done: 4});
		progress.flush();
		const count = seen.length;
		vi.advanceTimersByTime(1000);
		expect(seen.length).toBe(count);
		expect(text.getSnapshot()).toBe('insights 4/4 ✓');
	});
});
