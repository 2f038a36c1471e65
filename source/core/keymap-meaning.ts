// What a key means across the explorer (issue 17: the same key means the same thing on every screen, or the
// footer says what it means here). A key's meaning is its most common action over the modes without a text
// field, a tie going to the mode listed first (Sessions); Esc and the other ways out are one meaning, "leave".
import type {Binding, KeyAction, KeyMode} from './keymap-types.js';

/** Modes with a text field: their letters are typed, so they take no part in a key's meaning. */
export const TYPING_MODES: ReadonlySet<KeyMode> = new Set(['search', 'find-query', 'timeline-find', 'picker']);

const LEAVE: ReadonlySet<KeyAction> = new Set(['back', 'close', 'search-cancel', 'replay-stop']);

export const meaningOf = (a: KeyAction): string => (LEAVE.has(a) ? 'leave' : a);

/** Each key's meaning over a keymap. */
export function keyMeanings(map: readonly Binding[]): Map<string, string> {
	const counts = new Map<string, Map<string, number>>();
	for (const b of map) {
		if (TYPING_MODES.has(b.mode)) continue;
		for (const k of b.keys) {
			const m = counts.get(k) ?? new Map<string, number>();
			m.set(meaningOf(b.action), (m.get(meaningOf(b.action)) ?? 0) + 1);
			counts.set(k, m);
		}
	}
	// Map order is first-seen order, so a tie keeps the earliest mode's action.
	return new Map([...counts].map(([k, m]) => [k, [...m].reduce((best, e) => (e[1] > best[1] ? e : best))[0]]));
}

/** Whether a binding gives one of its keys a meaning other than the key's own (its footer must say so). */
export function meansOtherThan(b: Binding, meanings: ReadonlyMap<string, string>): boolean {
	return !TYPING_MODES.has(b.mode) && b.keys.some((k) => meanings.get(k) !== undefined && meanings.get(k) !== meaningOf(b.action));
}
