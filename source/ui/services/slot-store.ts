// A store whose source can be plugged in later: the status bar subscribes at once, the facet worker's
// text store arrives when the worker has started (after the first frame).
import type {ExternalStore} from './types.js';

export interface SlotStore<T> extends ExternalStore<T> {
	attach(store: ExternalStore<T>): void;
}

export function createSlotStore<T>(initial: T): SlotStore<T> {
	let inner: ExternalStore<T> | null = null;
	let detach: (() => void) | null = null;
	const listeners = new Set<() => void>();
	const notify = () => {
		for (const l of [...listeners]) l();
	};
	return {
		subscribe(listener) {
			listeners.add(listener);
			if (inner && !detach) detach = inner.subscribe(notify);
			return () => {
				listeners.delete(listener);
				if (listeners.size === 0 && detach) {
					detach();
					detach = null;
				}
			};
		},
		getSnapshot: () => (inner ? inner.getSnapshot() : initial),
		attach(store) {
			detach?.();
			detach = null;
			inner = store;
			if (listeners.size > 0) detach = store.subscribe(notify);
			notify();
		},
	};
}
