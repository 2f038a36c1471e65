// The line streamer against real files: chunk boundaries, CRLF, a line still being written, lines
// longer than the limit, the cheap skip test, and resuming from a byte offset.
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {readLines, type LineEvent} from '../../../source/sources/jsonl/line-reader.js';
import {NotRegularFileError} from '../../../source/sources/regular-file.js';
import {typeValueAt} from '../../../source/sources/jsonl/line-type.js';
import {tempDir} from '../../helpers/workspace.js';

function write(text: string): string {
	const file = path.join(tempDir(), 'lines.jsonl');
	fs.writeFileSync(file, text);
	return file;
}

type Seen = {kind: string; lineNo: number; nextOffset: number; text?: string; tail?: boolean; bytes?: number};

function collect(file: string, opts: Partial<Parameters<typeof readLines>[1]> = {}): Seen[] {
	const out: Seen[] = [];
	for (const ev of readLines(file, {offset: 0, line: 0, ...opts}) as Generator<LineEvent>) {
		if (ev.kind === 'line') out.push({kind: ev.kind, lineNo: ev.lineNo, nextOffset: ev.nextOffset, text: ev.buf.toString('utf8', ev.start, ev.end), tail: ev.tail});
		else out.push({kind: ev.kind, lineNo: ev.lineNo, nextOffset: ev.nextOffset, ...(ev.kind === 'too-long' ? {bytes: ev.bytes} : {})});
	}
	return out;
}

describe('readLines', () => {
	it('yields every line with its number and the offset after it, whatever the chunk size', () => {
		const lines = ['{"a":1}', '{"b":"ünï"}', '', '{"c":[1,2,3]}'];
		const file = write(lines.join('\n') + '\n');
		const whole = collect(file);
		expect(whole.map((s) => [s.kind, s.lineNo, s.text])).toEqual([
			['line', 1, '{"a":1}'], ['line', 2, '{"b":"ünï"}'], ['skipped', 3, undefined], ['line', 4, '{"c":[1,2,3]}'],
		]);
		expect(whole.at(-1)!.nextOffset).toBe(fs.statSync(file).size);
		// A 4-byte buffer splits every line (and the multi-byte characters) across reads.
		expect(collect(file, {chunkBytes: 4})).toEqual(whole);
	});

	it('drops CR before LF, and yields a last line without newline as a tail', () => {
		const file = write('{"a":1}\r\n{"b":2');
		expect(collect(file)).toEqual([
			{kind: 'line', lineNo: 1, nextOffset: 9, text: '{"a":1}', tail: false},
			{kind: 'line', lineNo: 2, nextOffset: 15, text: '{"b":2', tail: true},
		]);
	});

	it('ends lines at a CR alone too, across chunk boundaries, with CRLF counted once', () => {
		const file = write('{"a":1}\r{"b":2}\r\n{"c":3}\r\r{"d":4}\r');
		const expected = [
			{kind: 'line', lineNo: 1, nextOffset: 8, text: '{"a":1}', tail: false},
			{kind: 'line', lineNo: 2, nextOffset: 17, text: '{"b":2}', tail: false},
			{kind: 'line', lineNo: 3, nextOffset: 25, text: '{"c":3}', tail: false},
			{kind: 'skipped', lineNo: 4, nextOffset: 26},
			{kind: 'line', lineNo: 5, nextOffset: 34, text: '{"d":4}', tail: false},
		];
		expect(collect(file)).toEqual(expected);
		for (const chunkBytes of [1, 2, 3, 4, 7, 8, 9]) expect(collect(file, {chunkBytes})).toEqual(expected);
	});

	it('refuses a file swapped for a symlink to /dev/zero (which never ends), and reads no further than the size at open', () => {
		const file = write('{"a":1}\n');
		fs.rmSync(file);
		fs.symlinkSync('/dev/zero', file);
		expect(() => collect(file)).toThrow(NotRegularFileError);
		const grows = write('{"a":1}\n');
		const seen: number[] = [];
		for (const ev of readLines(grows, {offset: 0, line: 0})) {
			seen.push(ev.lineNo);
			// A writer that keeps appending while the file is read: the lines past the size at open wait.
			fs.appendFileSync(grows, '{"b":2}\n');
		}
		expect(seen).toEqual([1]);
	});

	it('resumes from a byte offset and line count', () => {
		const file = write('{"a":1}\n{"b":2}\n{"c":3}\n');
		const first = collect(file)[0]!;
		expect(collect(file, {offset: first.nextOffset, line: 1}).map((s) => [s.lineNo, s.text])).toEqual([[2, '{"b":2}'], [3, '{"c":3}']]);
	});

	it('passes by a line longer than the limit without holding it, and goes on', () => {
		const long = `{"x":"${'y'.repeat(5000)}"}`;
		const file = write(`{"a":1}\n${long}\n{"b":2}\n`);
		const seen = collect(file, {chunkBytes: 64, maxLineBytes: 256});
		expect(seen.map((s) => [s.kind, s.lineNo])).toEqual([['line', 1], ['too-long', 2], ['line', 3]]);
		expect(seen[1]!.bytes).toBe(long.length);
		expect(seen[2]!.text).toBe('{"b":2}');
	});

	it('skips a long line whose head matches the skip test, with no warning', () => {
		const snapshot = `{"type":"file-history-snapshot","snapshot":"${'z'.repeat(3000)}"}`;
		const file = write(`${snapshot}\n{"type":"user"}\n`);
		const skip = (buf: Buffer, s: number, e: number) => typeValueAt(buf, s, e) === 'file-history-snapshot';
		expect(collect(file, {chunkBytes: 64, maxLineBytes: 128, skip}).map((s) => [s.kind, s.lineNo])).toEqual([['skipped', 1], ['line', 2]]);
	});
	it('reads a file left from an offset, or one filling its buffer to the last byte, the same as in small reads', () => {
		// The buffer is as large as what is left to read: a last line without a newline fills it exactly.
		const text = '{"a":1}\n{"b":2}\n{"c":3}';
		const file = write(text);
		const whole = collect(file);
		expect(whole.map((s) => [s.kind, s.text, s.tail])).toEqual([['line', '{"a":1}', false], ['line', '{"b":2}', false], ['line', '{"c":3}', true]]);
		expect(collect(file, {chunkBytes: 3})).toEqual(whole);
		expect(collect(file, {offset: 8, line: 1})).toEqual(whole.slice(1));
		expect(collect(file, {offset: text.length, line: 3})).toEqual([]);
	});
	it('hands the open file to beforeClose, when the lines run out and when the caller stops early', () => {
		const file = write('{"a":1}\n{"b":2}\n');
		const before = (fd: number) => {
			const buf = Buffer.alloc(7);
			fs.readSync(fd, buf, 0, 7, 8);
			return buf.toString();
		};
		const seen: string[] = [];
		for (const ev of readLines(file, {offset: 0, line: 0, beforeClose: (fd) => seen.push(before(fd))})) expect(ev.kind).toBe('line');
		for (const ev of readLines(file, {offset: 0, line: 0, beforeClose: (fd) => seen.push(before(fd))})) if (ev.kind === 'line') break;
		expect(seen).toEqual(['{"b":2}', '{"b":2}']);
	});
});

describe('typeValueAt', () => {
	const at = (text: string, nth = 1) => {
		const buf = Buffer.from(text);
		return typeValueAt(buf, 0, buf.length, nth);
	};
	it('reads the nth "type" value from the line head', () => {
		expect(at('{"parentUuid":null,"cwd":"/a","type":"progress","data":{"type":"hook"}}')).toBe('progress');
		expect(at('{"timestamp":"t","type":"event_msg","payload":{"type":"token_count"}}', 2)).toBe('token_count');
		expect(at('{"a":1}')).toBeNull();
	});
	it('reads the spaced spelling too ("type": "x"), and a "type" that is a value, not a key, is passed by', () => {
		expect(at('{"parentUuid": null, "type": "progress", "data": {"type" : "hook"}}')).toBe('progress');
		expect(at('{"timestamp": "t", "type": "event_msg", "payload": {"type":\t"token_count"}}', 2)).toBe('token_count');
		expect(at('{"kind": "type", "type": "user"}')).toBe('user');
		expect(at('{"type": 3}')).toBeNull();
	});
	it('looks only at the first 1,024 bytes of the line, and never past its end', () => {
		expect(at(`{"pad":"${'x'.repeat(1100)}","type":"user"}`)).toBeNull();
		expect(at(`{"pad": "${'x'.repeat(1100)}", "type": "user"}`)).toBeNull();
		// Two lines in one buffer: the first has no type; the second's is not the first's.
		const buf = Buffer.from('{"a": 1}\n{"type": "user"}\n');
		expect(typeValueAt(buf, 0, 8)).toBeNull();
		expect(typeValueAt(buf, 9, buf.length - 1)).toBe('user');
	});
	it('never reads a "type" inside a string value (its quotes are escaped there)', () => {
		expect(at('{"text":"say \\"type\\":\\"progress\\"","type":"user"}')).toBe('user');
	});
});
