// An external store whose listeners hear at most once per `ms`: the facet worker's status text (progress
// plus a spinner) would otherwise redraw every screen up to 30 times a second, and on a 2-core machine
// each Ink frame costs a key press its latency. The newest value always arrives, at most `ms` late.
import type {ExternalStore} from './types.js';

export function throttledStore<T>(inner: ExternalStore<T>, ms: number): ExternalStore<T> {
	const listeners = new Set<() => void>();
	let snapshot = inner.getSnapshot();
	let last = 0;
	let timer: NodeJS.Timeout | null = null;
	let unsubscribe: (() => void) | null = null;
	const publish = () => {
		timer = null;
		last = performance.now();
		const next = inner.getSnapshot();
		if (Object.is(next, snapshot)) return;
		snapshot = next;
		for (const l of [...listeners]) l();
	};
	const onChange = () => {
		if (timer) return;
		timer = setTimeout(publish, Math.max(0, last + ms - performance.now()));
		timer.unref?.();
	};
	return {
		subscribe(listener) {
			listeners.add(listener);
			if (!unsubscribe) {
				snapshot = inner.getSnapshot();
				unsubscribe = inner.subscribe(onChange);
			}
			return () => {
				listeners.delete(listener);
				if (listeners.size === 0 && unsubscribe) {
					unsubscribe();
					unsubscribe = null;
					if (timer) clearTimeout(timer);
					timer = null;
				}
			};
		},
		// Stable between notifications while watched; the live value otherwise.
		getSnapshot: () => (unsubscribe ? snapshot : inner.getSnapshot()),
	};
}
