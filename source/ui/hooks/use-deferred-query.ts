// A query that runs after the frame instead of inside it: the key's own frame is drawn first, the
// aggregate follows `delayMs` later. A newer key within that time drops the older query before it runs
// (stale-result cancel), so typing a search over a large index runs the aggregates once, when typing
// pauses. The first value is computed at once, so the first frame is complete.
import {useEffect, useRef, useState} from 'react';

export function useDeferredQuery<T>(key: string, run: () => T, delayMs = 50): {value: T; pending: boolean} {
	const runRef = useRef(run);
	runRef.current = run;
	const [state, setState] = useState(() => ({key, value: run()}));
	useEffect(() => {
		if (state.key === key) return;
		// The query runs inside the updater, that is while React renders: if it throws, the screen's error
		// boundary shows it, where a throw in the timer itself would end the program.
		const timer = setTimeout(() => setState(() => ({key, value: runRef.current()})), delayMs);
		return () => clearTimeout(timer);
	}, [key, state.key, delayMs]);
	return {value: state.value, pending: state.key !== key};
}
