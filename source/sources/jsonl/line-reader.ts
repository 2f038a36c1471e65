// Streams the lines of a file from a byte offset with positioned reads into one reused buffer, so a
// 1 GB transcript is read in bounded memory: at most one line (up to maxLineBytes) is held at a time.
import fs from 'node:fs';
import {openRegular} from '../regular-file.js';

export type LineEvent =
	/** A line's bytes are buf[start, end) (newline and CR removed); valid only until the next iteration. */
	| {kind: 'line'; buf: Buffer; start: number; end: number; lineNo: number; nextOffset: number; tail: boolean}
	/** An empty line, or one the `skip` test turned away before decoding it. */
	| {kind: 'skipped'; lineNo: number; nextOffset: number}
	/** A line longer than maxLineBytes: read past, never held. */
	| {kind: 'too-long'; lineNo: number; nextOffset: number; bytes: number};

export interface ReadLinesOptions {
	/** Byte offset to start at (the start of a line) and the number of lines before it. */
	offset: number;
	line: number;
	chunkBytes?: number;
	maxLineBytes?: number;
	/** Cheap test on a line's bytes (or the head of a long one) to pass it by without decoding. */
	skip?: (buf: Buffer, start: number, end: number) => boolean;
	/** Receives the first bytes read (up to 256) when reading from offset 0, to fingerprint the file. */
	onHead?: (head: Buffer) => void;
	/**
	 * Called with the open file just before it is closed, when the lines are done or the caller stopped taking
	 * them: a caller reads what it needs of the file by then (the bytes before where it stopped) without opening it again.
	 */
	beforeClose?: (fd: number) => void;
}

const NEWLINE = 10;
const CR = 13;

/**
 * Yields every complete line from `offset` on. A last line without a newline is yielded with
 * `tail: true`: it may still be being written, so the caller consumes it only when it parses. A line
 * that does not fit is passed by in discard mode and reported as too long (or skipped, when its head
 * already matches `skip`), so memory stays bounded by maxLineBytes whatever the file holds.
 */
export function* readLines(path: string, opts: ReadLinesOptions): Generator<LineEvent> {
	const chunk = opts.chunkBytes ?? 1 << 20;
	const maxLine = Math.max(chunk, opts.maxLineBytes ?? 64 << 20);
	// Only a regular file, and only the bytes it held when opened: /dev/zero or a FIFO swapped in under the
	// name (throws NotRegularFileError), or a writer that never stops, cannot keep the sync reading forever.
	const {fd, stat} = openRegular(path);
	const limit = stat.size;
	try {
		// A buffer no larger than what is left to read (and one byte, so a file that fits never grows it): most
		// transcripts are tens of KB, and a fresh 1 MB per file was 2.4 GB of allocations for 2,400 files.
		let buf = Buffer.allocUnsafe(Math.max(1, Math.min(chunk, limit - opts.offset + 1)));
		let len = 0; // bytes in use; buf[0] is the start of the current line
		let base = opts.offset; // file offset of buf[0]
		let readPos = opts.offset;
		let lineNo = opts.line;
		let discard: 'skipped' | 'too-long' | null = null;
		let discarded = 0;
		for (;;) {
			if (len === buf.length) {
				if (!discard && opts.skip?.(buf, 0, len)) discard = 'skipped';
				else if (!discard && buf.length * 2 <= maxLine) {
					const bigger = Buffer.allocUnsafe(buf.length * 2);
					buf.copy(bigger, 0, 0, len);
					buf = bigger;
				} else discard ??= 'too-long';
				if (discard) {
					discarded += len;
					base += len;
					len = 0;
				}
			}
			const n = readPos >= limit ? 0 : fs.readSync(fd, buf, len, Math.min(buf.length - len, limit - readPos), readPos);
			if (n === 0) break;
			if (readPos === 0 && opts.onHead) opts.onHead(buf.subarray(0, Math.min(n, 256)));
			readPos += n;
			const end = len + n;
			const view = buf.subarray(0, end);
			const atEof = readPos >= limit;
			let pos = 0;
			// The bytes before len held no line end (but perhaps a last CR waiting to see if LF follows).
			let from = Math.max(0, len - 1);
			// Where the next CR is: found once per chunk and reused, so LF-only files are not scanned twice per line.
			let cr = -2;
			for (;;) {
				const nl = view.indexOf(NEWLINE, from);
				if (cr !== -1 && cr < from) cr = view.indexOf(CR, from);
				// A line ends at LF, at CRLF, or at a CR alone (JSON holds no raw CR, so it cannot be inside a line).
				let stop: number;
				let after: number;
				if (cr !== -1 && (nl === -1 || cr < nl)) {
					if (cr + 1 === end && !atEof) break; // an LF may be in the next read
					stop = cr;
					after = view[cr + 1] === NEWLINE ? cr + 2 : cr + 1;
				} else if (nl !== -1) {
					stop = nl;
					after = nl + 1;
				} else break;
				lineNo++;
				const nextOffset = base + after;
				if (discard) {
					yield discard === 'skipped' ? {kind: 'skipped', lineNo, nextOffset} : {kind: 'too-long', lineNo, nextOffset, bytes: discarded + stop};
					discard = null;
					discarded = 0;
				} else if (stop === pos || opts.skip?.(buf, pos, stop)) {
					yield {kind: 'skipped', lineNo, nextOffset};
				} else {
					yield {kind: 'line', buf, start: pos, end: stop, lineNo, nextOffset, tail: false};
				}
				pos = after;
				from = after;
			}
			if (pos > 0) {
				buf.copy(buf, 0, pos, end);
				base += pos;
			}
			len = end - pos;
		}
		if (len > 0 && !discard) yield {kind: 'line', buf, start: 0, end: len, lineNo: lineNo + 1, nextOffset: base + len, tail: true};
	} finally {
		try {
			opts.beforeClose?.(fd);
		} finally {
			fs.closeSync(fd);
		}
	}
}
