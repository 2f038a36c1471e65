// Reading one transcript file into what the index stores: its lines parsed by the source's parser, and each
// message's facts packed and body encoded, in pieces the sync applies (file-import.ts). It needs no index
// connection, so the same code runs on the sync's thread or on a thread of its own (file-parse-thread.ts),
// where a first import's parsing then overlaps its writes. A bad line becomes a problem with its line number.
import {messageFacts, type MessageFacts} from '../core/message-facts.js';
import type {FileEntry, FileMessage, FileOutput, FileSourceReader, LeafTitle, LineParser, SessionNote, TitleLeaf} from '../sources/jsonl/file-source.js';
import {readLines} from '../sources/jsonl/line-reader.js';
import {MAX_JSON_DEPTH, mayNestDeeper, nestedDeeper} from '../sources/jsonl/json-depth.js';
import {NotRegularFileError, readRegularFile} from '../sources/regular-file.js';
import {encodeBody} from '../store/message-body.js';
import {pack, type MessageRow} from '../store/messages-repo.js';
import {fingerprint, headFingerprint, joinFingerprints, tailFingerprint, tailFingerprintOf} from './file-plan.js';

/** Largest small JSON document (PromptKit state.json) read whole. */
const MAX_JSON_BYTES = 1 << 20;

/** Lines after which a file being read may be handed over in parts by time, not only every batchLines. */
const LONG_FILE_LINES = 5_000;

/**
 * Whether a long file is cut after `fileLines` lines of a batch started at `startedMs` and due after `dueMs`;
 * the clock is read every 64 lines only.
 */
export const cutByTime = (fileLines: number, startedMs: number, clock: () => number, dueMs: number): boolean =>
	fileLines >= LONG_FILE_LINES && (fileLines & 63) === 0 && clock() - startedMs >= dueMs;

/** What to read of one file, worked out by the sync from its cursor and saved state (plain data: it crosses threads). */
export interface FileJob {
	entry: FileEntry;
	size: number;
	mtimeMs: number;
	/** Where reading starts (0 from the start), and the lines before it. */
	offset: number;
	line: number;
	/** The parser's saved state (null read from the start). */
	saved: unknown;
	/** The head fingerprint kept from before ('' read from the start: taken from the first bytes read). */
	head: string;
	/** A last line without a newline is finished (the file has not changed for a while). */
	settled: boolean;
	/** Lines after which the file is handed over in parts. */
	batchLines: number;
	maxLineBytes?: number;
}

/** A message as the index stores it (facts packed, body encoded), with how the sync places it. */
export interface ParsedMessage extends Omit<FileMessage, 'message'> {
	row: MessageRow;
	body: string;
	/** `row.facts` as an object, kept where the message does not cross threads (the sync would unpack it again). */
	facts?: MessageFacts;
}

/** What a file gave since the last piece; `final` ends the file. Offsets and state are what a cursor saves. */
export interface FilePiece {
	messages: ParsedMessage[];
	notes: SessionNote[];
	leaves: TitleLeaf[];
	leafTitles: LeafTitle[];
	problems: Array<[lineNo: number, problem: string]>;
	offset: number;
	rows: number;
	/** Lines read for this piece. */
	lines: number;
	state: unknown;
	head: string;
	final: boolean;
}

export interface ParseHooks {
	/** The parent already recorded for a session ID (see FileFacts.parentOf). */
	parentOf: (sessionId: string) => string | null | undefined;
	/** Whether a long file is cut here (after `fileLines` lines since the last piece), besides every batchLines. */
	cut: (fileLines: number) => boolean;
	skipLine?: (buf: Buffer, start: number, end: number) => boolean;
	/** Keep each message's facts as an object too (ParsedMessage.facts): pieces applied on this thread. */
	keepFacts?: boolean;
}

/** A message's stored form: what the sync's thread used to work out as it wrote. */
export function parsedMessage(fm: FileMessage, keepFacts = false): ParsedMessage {
	const f = messageFacts(fm.message, fm.carriedModel ?? '');
	// Field by field (a rest and a spread per message cost more than the facts), optional fields only when set.
	const pm: ParsedMessage = {sessionId: fm.sessionId, seq: fm.seq, merge: fm.merge,
		row: {id: f.id, parent_id: f.parentId, ts: f.timestamp, model: f.model, facts: pack(f)}, body: encodeBody(fm.message)};
	if (fm.replayOf !== undefined) pm.replayOf = fm.replayOf;
	if (fm.overwrite !== undefined) pm.overwrite = fm.overwrite;
	if (fm.carriedModel !== undefined) pm.carriedModel = fm.carriedModel;
	if (keepFacts) pm.facts = f;
	return pm;
}

/** Lines between ticks (null), where a caller on the sync's thread lets keys and frames through. */
const TICK_LINES = 16;

/** The file's pieces, with a tick (null) every few lines. */
export function* parseFile(job: FileJob, reader: FileSourceReader, hooks: ParseHooks): Generator<FilePiece | null> {
	const {entry} = job;
	let problems: FilePiece['problems'] = [];
	const report = (lineNo: number, problem: string) => {
		problems.push([lineNo, problem]);
	};
	const piece = (out: FileOutput, offset: number, rows: number, lines: number, state: unknown, head: string, final: boolean): FilePiece => {
		const p: FilePiece = {messages: out.messages.map((fm) => parsedMessage(fm, hooks.keepFacts)), notes: out.notes, leaves: out.leaves ?? [], leafTitles: out.leafTitles ?? [],
			problems, offset, rows, lines, state, head, final};
		problems = [];
		return p;
	};
	if (entry.kind === 'json') {
		const out = readJson(entry, job.size, reader, report);
		yield piece(out, job.size, 0, 0, null, headFingerprint(entry.path), true);
		return;
	}
	const parser = reader.parser(entry, job.saved, {size: job.size, mtimeMs: job.mtimeMs, parentOf: hooks.parentOf});
	let head = job.head;
	let offset = job.offset;
	let rows = job.line;
	let fileLines = 0;
	// The bytes before where reading stopped, fingerprinted while the file is still open: `offset` is final by
	// then (the lines ran out, or the loop below stopped at a line still being written).
	let tail = '';
	const lines = readLines(entry.path, {offset, line: rows, ...(job.maxLineBytes ? {maxLineBytes: job.maxLineBytes} : {}),
		...(hooks.skipLine ? {skip: hooks.skipLine} : {}), onHead: (bytes) => {
			head = fingerprint(bytes);
		}, beforeClose: (fd) => {
			if (offset > 0) tail = tailFingerprintOf(fd, offset);
		}});
	for (const ev of guardedLines(lines, (message) => report(0, message))) {
		if (ev.kind === 'line') {
			// A last line without a newline may still be being written, unless the file has not changed for a
			// while: then it is all there is, and is read (or reported) like any other line.
			if (!acceptLine(parser, ev.buf.toString('utf8', ev.start, ev.end), ev.lineNo, ev.tail && !job.settled, report)) break;
		} else if (ev.kind === 'too-long') {
			report(ev.lineNo, `line of ${ev.bytes.toLocaleString('en-US')} bytes is longer than the limit, not read`);
		}
		offset = ev.nextOffset;
		rows = ev.lineNo;
		// Only a file longer than a batch is cut (or a long one, by time: hooks.cut), so short files are applied
		// whole and a crash never leaves their messages without a session.
		if (++fileLines >= job.batchLines || hooks.cut(fileLines)) {
			yield piece(parser.drain(false), offset, rows, fileLines, parser.state(), head, false);
			fileLines = 0;
		} else if (fileLines % TICK_LINES === 0) yield null;
	}
	const out = parser.drain(true);
	// A file that could not be opened as a regular one never reached beforeClose.
	if (offset > 0) head = joinFingerprints(head, tail || tailFingerprint(entry.path, offset));
	yield piece(out, offset, rows, fileLines, parser.state(), head, true);
}

/** The lines, ending quietly with a report when the file turns out not to be a regular file (swapped mid-sync). */
function* guardedLines<T>(lines: Generator<T>, report: (message: string) => void): Generator<T> {
	try {
		yield* lines;
	} catch (error) {
		if (!(error instanceof NotRegularFileError)) throw error;
		report(error.message);
	}
}

/** Parses and hands over one line; false for a last line still being written (left for the next sync). */
function acceptLine(parser: LineParser, text: string, lineNo: number, tail: boolean, report: (lineNo: number, problem: string) => void): boolean {
	let value: unknown;
	try {
		// A file saved with a byte-order mark (Windows editors, PowerShell) has it before line 1.
		value = JSON.parse(lineNo === 1 && text.startsWith('\ufeff') ? text.slice(1) : text);
	} catch {
		if (tail) return false;
		report(lineNo, 'not valid JSON');
		return true;
	}
	if (mayNestDeeper(text) && nestedDeeper(value)) {
		report(lineNo, `nested deeper than ${MAX_JSON_DEPTH} levels, not read`);
		return true;
	}
	const problem = parser.accept(value, lineNo);
	if (problem) report(lineNo, problem);
	return true;
}

const NOTHING: FileOutput = {messages: [], notes: []};

/** A JSON document, read whole each time it changes (so its problems start over). */
function readJson(entry: FileEntry, size: number, reader: FileSourceReader, report: (lineNo: number, problem: string) => void): FileOutput {
	if (size > MAX_JSON_BYTES) return report(0, `larger than ${MAX_JSON_BYTES} bytes, not read`), NOTHING;
	const read = readRegularFile(entry.path, MAX_JSON_BYTES);
	if (!read.ok) return report(0, read.error.startsWith('is ') ? read.error : `cannot read: ${read.error}`), NOTHING;
	let value: unknown;
	try {
		value = JSON.parse(read.value.replace(/^\ufeff/, ''));
	} catch {
		return report(0, 'not valid JSON'), NOTHING;
	}
	const out = reader.readJson?.(entry, value) ?? 'no reader for this file';
	if (typeof out === 'string') return report(0, out), NOTHING;
	return out;
}
