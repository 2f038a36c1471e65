// A value that follows another once it has stopped changing for `delayMs`: a search typed key by key runs
// its queries when typing pauses, while each key's own frame (the query line) is drawn at once.
import {useEffect, useState} from 'react';

export function useDebounced<T>(value: T, delayMs: number): T {
	const [settled, setSettled] = useState(value);
	useEffect(() => {
		if (Object.is(value, settled)) return;
		const timer = setTimeout(() => setSettled(value), delayMs);
		return () => clearTimeout(timer);
	}, [value, settled, delayMs]);
	return settled;
}
