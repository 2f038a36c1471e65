// Decides how to read a transcript file given its cursor: not at all, from the saved offset, or again
// from the start (the file is new, shrank, or was replaced by another file with the same name).
import fs from 'node:fs';
import type {Cursor} from '../store/cursors-repo.js';

export interface FileStat {
	size: number;
	mtimeMs: number;
	ino: number;
}

export type ReadPlan =
	| {action: 'skip'}
	| {action: 'append'; offset: number; line: number}
	| {action: 'reread'; reason: 'new' | 'shrunk' | 'replaced' | 'rewritten'};

const HEAD_BYTES = 256;
/** Bytes just before the cursor fingerprinted too: a rewrite in place that keeps size, inode and head shows there. */
const TAIL_BYTES = 4096;

/** `n:hash` of a file's first n bytes (n ≤ 256), FNV-1a: enough to tell a replaced file from a grown one. */
export function fingerprint(head: Buffer): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < head.length; i++) h = Math.imul(h ^ head[i]!, 0x01000193) >>> 0;
	return `${head.length}:${h.toString(16)}`;
}

/** The fingerprint of the file's first `bytes` bytes, read from disk. */
export function headFingerprint(path: string, bytes = HEAD_BYTES): string {
	const buf = Buffer.alloc(bytes);
	const fd = fs.openSync(path, 'r');
	try {
		return fingerprint(buf.subarray(0, fs.readSync(fd, buf, 0, bytes, 0)));
	} finally {
		fs.closeSync(fd);
	}
}

/** The fingerprint of the `bytes` bytes before `offset` (fewer near the start), as `offset~n:hash`. */
export function tailFingerprint(path: string, offset: number, bytes = TAIL_BYTES): string {
	const fd = fs.openSync(path, 'r');
	try {
		return tailFingerprintOf(fd, offset, bytes);
	} finally {
		fs.closeSync(fd);
	}
}

/** tailFingerprint of a file already open. */
export function tailFingerprintOf(fd: number, offset: number, bytes = TAIL_BYTES): string {
	const n = Math.min(bytes, offset);
	const buf = Buffer.allocUnsafe(n);
	return `${offset}~${fingerprint(buf.subarray(0, fs.readSync(fd, buf, 0, n, offset - n)))}`;
}

/** The saved fingerprint: the head's, then (after `|`) the one of the bytes before the cursor. */
export function joinFingerprints(head: string, tail: string): string {
	return `${head.split('|')[0]}|${tail}`;
}

/**
 * `head` is the fingerprint saved with the cursor; `currentHead(n)` fingerprints the first n bytes now
 * (called only for files that changed, so unchanged files cost one stat).
 */
export function planRead(stat: FileStat, cursor: Cursor | undefined, head: string, currentHead: (bytes: number) => string,
	currentTail: (offset: number) => string = () => ''): ReadPlan {
	if (!cursor || cursor.offset === 0) return cursor && cursor.size === stat.size && cursor.mtimeMs === stat.mtimeMs ? {action: 'skip'} : {action: 'reread', reason: 'new'};
	if (cursor.ino !== 0 && stat.ino !== 0 && cursor.ino !== stat.ino) return {action: 'reread', reason: 'replaced'};
	if (stat.size < cursor.offset) return {action: 'reread', reason: 'shrunk'};
	if (stat.size === cursor.size && stat.mtimeMs === cursor.mtimeMs) return {action: 'skip'};
	const [headPart = '', tailPart = ''] = head.split('|');
	const bytes = Number(headPart.split(':')[0]);
	if (headPart !== '' && Number.isFinite(bytes) && currentHead(bytes) !== headPart) return {action: 'reread', reason: 'replaced'};
	// Same head, but the bytes the cursor stands after changed: rewritten in place (same size and inode too).
	const tailAt = Number(tailPart.split('~')[0]);
	if (tailPart !== '' && tailAt === cursor.offset && currentTail(tailAt) !== tailPart) return {action: 'reread', reason: 'rewritten'};
	return {action: 'append', offset: cursor.offset, line: cursor.rows};
}
