// Reads a line's `"type":"…"` values straight from its bytes, so lines a reader does not want (progress
// ticks, file-history snapshots, reasoning blobs) are passed by without decoding or JSON.parse.
// A quoted `"type":"` can only be JSON structure, never inside a string value (quotes there are escaped).

const TYPE_KEY = Buffer.from('"type":"');
const QUOTE = 34;
/** How far into a line the type keys are looked for; both formats write them in the first few hundred bytes. */
const HEAD_BYTES = 1024;
/** Longest type value read; longer ones are not types anyone skips. */
const MAX_VALUE = 40;

/**
 * The value of the nth (1-based) `"type":"…"` in the first HEAD_BYTES of buf[start, end), or null.
 * Searches the buffer in place (no copy): this runs once per line of every transcript.
 */
export function typeValueAt(buf: Buffer, start: number, end: number, nth = 1): string | null {
	const limit = Math.min(end, start + HEAD_BYTES);
	let from = start;
	for (let i = 1; ; i++) {
		const at = buf.indexOf(TYPE_KEY, from);
		if (at === -1 || at >= limit) return null;
		const valueStart = at + TYPE_KEY.length;
		const valueEnd = buf.indexOf(QUOTE, valueStart);
		if (valueEnd === -1 || valueEnd > end || valueEnd - valueStart > MAX_VALUE) return null;
		if (i === nth) return buf.toString('latin1', valueStart, valueEnd);
		from = valueEnd + 1;
	}
}
