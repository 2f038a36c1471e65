// How a message's parts besides its text (thinking, reasoning, notices, unknown blocks) are named when
// shown: every surface (Timeline detail, show, the Markdown export) uses these words.
import type {ContentPart} from './types.js';

const chars = (n: number) => `${n.toLocaleString('en-US')} characters`;

/** The heading of a part: its kind, and the size of what cannot be shown. */
export function partHeading(p: ContentPart): string {
	switch (p.kind) {
		case 'thinking': return 'thinking';
		case 'redacted_thinking': return `redacted thinking (${chars(p.size ?? 0)}, encrypted by the provider)`;
		case 'reasoning': return `reasoning summary${p.size ? ` (plus ${chars(p.size)} of encrypted reasoning)` : ''}`;
		case 'aborted': return 'turn aborted';
		case 'unknown': return `[${p.text}] (${chars(p.size ?? 0)}; a block type tapedeck does not read)`;
		default: {
			const never: never = p.kind;
			return String(never);
		}
	}
}

/** The words a part shows under its heading ('' when it has none to show). */
export function partBody(p: ContentPart): string {
	return p.kind === 'unknown' || p.kind === 'redacted_thinking' ? '' : p.text;
}

/** Thinking and reasoning are folded until asked for; notices and unknown blocks always show. */
export function isFoldable(p: ContentPart): boolean {
	return (p.kind === 'thinking' || p.kind === 'reasoning') && p.text.trim() !== '';
}
