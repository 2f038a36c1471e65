// A thread's replies, in order, as something to await one at a time (the server reader's and the parser's).
export function replyQueue<T>() {
	const queued: T[] = [];
	let waiting: ((r: T) => void) | null = null;
	return {
		push(reply: T) {
			if (waiting) {
				const w = waiting;
				waiting = null;
				w(reply);
			} else queued.push(reply);
		},
		/** Replies already here, to take without waiting. */
		ready: () => queued.length,
		next: () => new Promise<T>((resolve) => {
			if (queued.length > 0) resolve(queued.shift()!);
			else waiting = resolve;
		}),
	};
}
