// A braille spinner that ticks only while something is running, so an idle screen never re-renders.
import {useEffect, useState} from 'react';

export const SPINNER_FRAMES = ['⣾', '⣽', '⣻', '⢿', '⡿', '⣟', '⣯', '⣷'];

/**
 * Four turns a second: each turn redraws the whole frame, and during a long first import those redraws
 * are what keys wait behind.
 */
export const SPINNER_MS = 250;

export function useSpinner(active: boolean, intervalMs = SPINNER_MS): string {
	const [frame, setFrame] = useState(0);
	useEffect(() => {
		if (!active) return;
		const timer = setInterval(() => setFrame((f) => (f + 1) % SPINNER_FRAMES.length), intervalMs);
		return () => clearInterval(timer);
	}, [active, intervalMs]);
	return active ? SPINNER_FRAMES[frame]! : '';
}
