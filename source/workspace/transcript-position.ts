// Where a message sits in its Claude Code or Codex transcript: the file (`<project dir>/<session>.jsonl`, a subagent's
// `<project dir>/<parent>/subagents/agent-<id>.jsonl`) and the line that records it, so `o`/`v` on the
// Timeline open the transcript itself at the message. The index keeps no file or line per message, so
// both are found again here; null when the file is gone or no longer holds the message.
import fs from 'node:fs';
import path from 'node:path';
import type {FilePosition} from '../core/hand-off.js';

const CHUNK = 1 << 20;

/** The transcript file of a session under these projects directories, or null. */
export function transcriptFile(roots: readonly string[], sessionId: string, parentId: string | null): string | null {
	// A scoped subagent (`agent-<id>@<parent prefix>`) is still the file `agent-<id>.jsonl`.
	const base = `${sessionId.replace(/@[^@]*$/, '')}.jsonl`;
	if (base.includes('/') || base.includes('\\')) return null;
	// A source names a config directory (holding projects/) or a projects directory itself.
	for (const root of roots.flatMap((r) => [path.join(r, 'projects'), r])) {
		let dirs: string[];
		try {
			dirs = fs.readdirSync(root);
		} catch {
			continue;
		}
		for (const dir of dirs) {
			const candidates = parentId ? [path.join(root, dir, parentId, 'subagents', base), path.join(root, dir, base)] : [path.join(root, dir, base)];
			for (const file of candidates) if (isFile(file)) return file;
		}
	}
	return null;
}

/**
 * What a message is found by in its line: the API message ID of a merged assistant reply (`msg_…:req_…`), else
 * the line's uuid, as a JSON string (quoted, so `u1` does not match `u10`). Later lines name a message only as
 * a parent, after its own line.
 */
export function needleOf(messageId: string): string {
	return JSON.stringify(messageId.split(':')[0] ?? messageId);
}

/** The 1-based line of the first occurrence of `needle` in a file, read in chunks (transcripts reach hundreds of MB). */
export function lineOf(file: string, needle: string): number | null {
	if (needle.length === 0) return null;
	const want = Buffer.from(needle, 'utf8');
	let fd: number;
	try {
		fd = fs.openSync(file, 'r');
	} catch {
		return null;
	}
	try {
		const buf = Buffer.alloc(CHUNK + want.length);
		let carry = 0;
		let lines = 1;
		for (;;) {
			const read = fs.readSync(fd, buf, carry, CHUNK, null);
			const end = carry + read;
			const hit = buf.subarray(0, end).indexOf(want);
			if (hit >= 0) return lines + countNewlines(buf, 0, hit);
			if (read === 0) return null;
			// Keep the tail that could start a match across the chunk boundary; count the lines before it.
			const keep = Math.min(end, want.length - 1);
			lines += countNewlines(buf, 0, end - keep);
			buf.copy(buf, 0, end - keep, end);
			carry = keep;
		}
	} finally {
		fs.closeSync(fd);
	}
}

/** A message's place in its Claude Code transcript, or null (then the exported Markdown is opened instead). */
export function transcriptPosition(roots: readonly string[], s: {id: string; parentId: string | null}, messageId: string): FilePosition | null {
	const file = transcriptFile(roots, s.id, s.parentId);
	if (!file) return null;
	const line = lineOf(file, needleOf(messageId));
	return line === null ? null : {file, line};
}

/**
 * A Codex message's place: its ID is `<session>:<line>`, the line that records it (the first one, when later
 * lines were merged into it), in the file the index read the session from. Null when that file is gone.
 */
export function codexPosition(file: string | undefined, messageId: string): FilePosition | null {
	const line = Number(messageId.slice(messageId.lastIndexOf(':') + 1));
	if (!file || !Number.isSafeInteger(line) || line < 1 || !isFile(file)) return null;
	return {file, line};
}

function countNewlines(buf: Buffer, from: number, to: number): number {
	let n = 0;
	for (let i = buf.indexOf(10, from); i >= 0 && i < to; i = buf.indexOf(10, i + 1)) n++;
	return n;
}

function isFile(p: string): boolean {
	try {
		return fs.statSync(p).isFile();
	} catch {
		return false;
	}
}
