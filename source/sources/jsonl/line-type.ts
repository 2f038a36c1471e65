// Reads a line's `"type":"…"` values straight from its bytes, so lines a reader does not want (progress
// ticks, file-history snapshots, reasoning blobs) are passed by without decoding or JSON.parse.
// A quoted `"type":"` can only be JSON structure, never inside a string value (quotes there are escaped).

const TYPE_KEY = Buffer.from('"type":"');
const QUOTE = 34;
/** How far into a line the type keys are looked for; both formats write them in the first few hundred bytes. */
const HEAD_BYTES = 1024;

/**
 * The value of the nth (1-based) `"type":"…"` in the line's head, or null when there is none.
 * Values with escapes are returned raw; the types looked for have none.
 */
export function typeValueAt(buf: Buffer, start: number, end: number, nth = 1): string | null {
	const head = buf.subarray(start, Math.min(end, start + HEAD_BYTES));
	let from = 0;
	for (let i = 1; ; i++) {
		const at = head.indexOf(TYPE_KEY, from);
		if (at === -1) return null;
		const valueStart = at + TYPE_KEY.length;
		const valueEnd = head.indexOf(QUOTE, valueStart);
		if (valueEnd === -1) return null;
		if (i === nth) return head.toString('latin1', valueStart, valueEnd);
		from = valueEnd + 1;
	}
}
