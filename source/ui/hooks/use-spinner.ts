// A braille spinner that ticks only while something is running, so an idle screen never re-renders.
import {useEffect, useState} from 'react';

export const SPINNER_FRAMES = ['⣾', '⣽', '⣻', '⢿', '⡿', '⣟', '⣯', '⣷'];

export function useSpinner(active: boolean, intervalMs = 100): string {
	const [frame, setFrame] = useState(0);
	useEffect(() => {
		if (!active) return;
		const timer = setInterval(() => setFrame((f) => (f + 1) % SPINNER_FRAMES.length), intervalMs);
		return () => clearInterval(timer);
	}, [active, intervalMs]);
	return active ? SPINNER_FRAMES[frame]! : '';
}
