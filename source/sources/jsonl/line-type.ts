// Reads a line's `"type":"…"` values straight from its bytes, so lines a reader does not want (progress
// ticks, file-history snapshots, reasoning blobs) are passed by without decoding or JSON.parse.
// A quoted `"type"` followed by a colon can only be JSON structure, never inside a string value (quotes
// there are escaped). Both `"type":"x"` and the spaced `"type": "x"` (pretty writers) are read.

const TYPE_KEY = Buffer.from('"type"');
const QUOTE = 34;
const COLON = 58;
/** How far into a line the type keys are looked for; both formats write them in the first few hundred bytes. */
const HEAD_BYTES = 1024;
/** Longest type value read; longer ones are not types anyone skips. */
const MAX_VALUE = 40;

const isSpace = (b: number | undefined) => b === 32 || b === 9;

/** Where the value of a `"type"` key ending at `at` starts (after `:` and `"`), or -1 when it is not one. */
function valueStart(buf: Buffer, at: number, limit: number): number {
	let i = at;
	while (i < limit && isSpace(buf[i])) i++;
	if (buf[i] !== COLON) return -1;
	i++;
	while (i < limit && isSpace(buf[i])) i++;
	return i < limit && buf[i] === QUOTE ? i + 1 : -1;
}

/**
 * The value of the nth (1-based) `"type":"…"` in the first HEAD_BYTES of buf[start, end), or null.
 * Searches only that head, in place (a view, no copy): this runs once per line of every transcript, and a
 * search running on to the end of the read buffer made every line cost as much as the whole chunk.
 */
export function typeValueAt(buf: Buffer, start: number, end: number, nth = 1): string | null {
	const limit = Math.min(end, start + HEAD_BYTES);
	const head = buf.subarray(start, limit);
	let from = 0;
	for (let i = 1; ; ) {
		const at = head.indexOf(TYPE_KEY, from);
		if (at === -1) return null;
		const value = valueStart(head, at + TYPE_KEY.length, head.length);
		if (value === -1) {
			from = at + TYPE_KEY.length;
			continue;
		}
		const valueEnd = buf.indexOf(QUOTE, start + value);
		if (valueEnd === -1 || valueEnd > end || valueEnd - (start + value) > MAX_VALUE) return null;
		if (i === nth) return buf.toString('latin1', start + value, valueEnd);
		i++;
		from = valueEnd - start + 1;
	}
}
