// Every file tapedeck reads by name (pricing, credentials, transcripts, PromptKit state) must be a regular
// file: /dev/zero never ends, a FIFO blocks the open until a writer comes, and a file swapped for a symlink
// to either mid-sync would hang the sync. Files are opened non-blocking, checked with fstat (the file
// actually opened, not the one stat saw a moment before), and read up to a size limit.
import fs from 'node:fs';
import type {Result} from '../core/time.js';

function kindOf(s: fs.Stats): string {
	if (s.isDirectory()) return 'a directory';
	if (s.isFIFO()) return 'a FIFO (named pipe)';
	if (s.isCharacterDevice()) return 'a character device';
	if (s.isBlockDevice()) return 'a block device';
	if (s.isSocket()) return 'a socket';
	return 'not a regular file';
}

/** Why this is not a regular file (a directory, a FIFO…), or null when it is one. */
export function notRegular(stat: fs.Stats): string | null {
	return stat.isFile() ? null : `is ${kindOf(stat)}, not a regular file`;
}

export class NotRegularFileError extends Error {
	readonly code = 'ENOTREG';
}

/** Opens a regular file for reading; throws NotRegularFileError for anything else (without blocking on a FIFO). */
export function openRegular(path: string): {fd: number; stat: fs.Stats} {
	const fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | (fs.constants.O_NOCTTY ?? 0));
	const stat = fs.fstatSync(fd);
	const problem = notRegular(stat);
	if (problem) {
		fs.closeSync(fd);
		throw new NotRegularFileError(problem);
	}
	return {fd, stat};
}

const MB = 1 << 20;

/** The whole text of a regular file of at most `maxBytes`; otherwise a message saying why not. */
export function readRegularFile(path: string, maxBytes: number): Result<string> {
	let opened: {fd: number; stat: fs.Stats};
	try {
		opened = openRegular(path);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const why = error instanceof NotRegularFileError ? error.message
			: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
		return {ok: false, error: why};
	}
	try {
		if (opened.stat.size > maxBytes) return {ok: false, error: `is ${(opened.stat.size / MB).toFixed(1)} MB, more than the ${maxBytes / MB} MB read`};
		// Sized by fstat; a file still growing gets room up to one byte past the limit, which tells it grew too far.
		let buf = Buffer.allocUnsafe(opened.stat.size + 1);
		let len = 0;
		for (;;) {
			const n = fs.readSync(opened.fd, buf, len, buf.length - len, len);
			len += n;
			if (n === 0 || len > maxBytes) break;
			if (len === buf.length) buf = Buffer.concat([buf, Buffer.allocUnsafe(Math.min(buf.length, maxBytes + 1 - buf.length))]);
		}
		if (len > maxBytes) return {ok: false, error: `grew past the ${maxBytes / MB} MB read`};
		return {ok: true, value: buf.toString('utf8', 0, len)};
	} catch (error) {
		return {ok: false, error: (error as Error).message};
	} finally {
		fs.closeSync(opened.fd);
	}
}
