// An external store whose updates are coalesced: background work may report hundreds of times a second,
// the screen re-renders at most once per `coalesceMs` (and at once when asked to flush).
import type {ExternalStore} from './types.js';

export interface ValueStore<T> extends ExternalStore<T> {
	set(value: T, flush?: boolean): void;
	/** The newest value, published or not. */
	current(): T;
}

export function createValueStore<T>(initial: T, coalesceMs = 32): ValueStore<T> {
	let published = initial;
	let pending = initial;
	let timer: NodeJS.Timeout | null = null;
	const listeners = new Set<() => void>();
	const publish = () => {
		if (timer) clearTimeout(timer);
		timer = null;
		if (published === pending) return;
		published = pending;
		for (const l of [...listeners]) l();
	};
	return {
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		getSnapshot: () => published,
		current: () => pending,
		set(value, flush = false) {
			pending = value;
			if (flush || coalesceMs <= 0) publish();
			else if (!timer) {
				timer = setTimeout(publish, coalesceMs);
				timer.unref?.();
			}
		},
	};
}
