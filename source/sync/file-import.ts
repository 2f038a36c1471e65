// Reading changed transcript files into the index: lines stream through a bounded buffer into the
// source's parser, and what it yields is applied in chunked transactions (file-apply.ts). A bad line
// becomes a problem with its file and line number; it never stops the import.
import fs from 'node:fs';
import type {Cursor} from '../store/cursors-repo.js';
import type {FileProblem, FileState} from '../store/file-state-repo.js';
import type {FileEntry, FileOutput, FileSourceReader, LineParser} from '../sources/jsonl/file-source.js';
import {readLines} from '../sources/jsonl/line-reader.js';
import {NotRegularFileError, readRegularFile} from '../sources/regular-file.js';
import {MAX_JSON_DEPTH, mayNestDeeper, nestedDeeper} from '../sources/jsonl/json-depth.js';
import {fingerprint, headFingerprint, joinFingerprints, planRead, tailFingerprint} from './file-plan.js';
import {applyFileBatch, createFileSyncContext, emptyBatch} from './file-apply.js';
import {addProblem} from './file-problems.js';
import {loadDue} from './summaries-due.js';
import {COMMIT_MS, createSlicer, yieldToLoop} from './slicer.js';
import type {FileSyncDeps} from './file-sync.js';
import type {SyncSummary} from './tapes-sync.js';

/** The longest a sync's first commit waits (later ones wait `commitMs`). */
const FIRST_COMMIT_MS = 150;

/** Lines after which a file being read may be committed in parts by time, not only every batchLines. */
const LONG_FILE_LINES = 5_000;

/** Largest small JSON document (PromptKit state.json) read whole. */
const MAX_JSON_BYTES = 1 << 20;

/** How long a file must be unchanged before a last line without a newline counts as finished. */
const SETTLED_MS = 60_000;

export interface FileImport {
	file(entry: FileEntry, stat: fs.Stats, cursor: Cursor | undefined): Promise<void>;
	finish(): Promise<SyncSummary>;
}

export async function createFileImport(deps: FileSyncDeps, problemsOf: (file: string) => FileProblem[], progress: () => void,
	slicer = createSlicer()): Promise<FileImport> {
	const {store, sourceId, adapter} = deps;
	const ctx = createFileSyncContext(store, sourceId, adapter.kind, deps.pricing, deps.now);
	const reader: FileSourceReader = await adapter.load();
	const batchLines = deps.batchLines ?? 20_000;
	const commitMs = deps.commitMs ?? COMMIT_MS;
	const summary: SyncSummary = {source: deps.root, newMessages: 0, sessionsTouched: 0, warnings: []};
	const touched = new Set<string>();
	/** Sessions whose summaries were put off (by this sync, or by one that died before its file was done). */
	let pending = new Set<string>(loadDue(store, sourceId));
	let batch = emptyBatch();
	const clock = deps.clock ?? (() => performance.now());
	let batchStarted = clock();
	// The first commit comes soon whatever the pace after it: on a first import it is what puts the first
	// sessions on screen, and waiting the full second for it left the list empty that much longer.
	let due = Math.min(commitMs, FIRST_COMMIT_MS);
	/** Where the file being read starts in the batch, and its sessions: put off when a flush cuts the file. */
	let mark = {messages: 0, notes: 0};
	let reading = new Set<string>();

	const flush = async (midFile = false) => {
		if (batch.files.size === 0 && batch.messages.length === 0 && (midFile || pending.size === 0)) return;
		if (midFile) {
			for (let i = mark.messages; i < batch.messages.length; i++) reading.add(batch.messages[i]!.sessionId);
			for (let i = mark.notes; i < batch.notes.length; i++) reading.add(batch.notes[i]!.sessionId);
		}
		const applied = applyFileBatch(ctx, batch, pending, midFile ? reading : new Set());
		summary.newMessages += applied.newMessages;
		for (const id of applied.touched) touched.add(id);
		pending = applied.deferred;
		batch = emptyBatch();
		batchStarted = clock();
		due = commitMs;
		notedParents = new Map();
		mark = {messages: 0, notes: 0};
		progress();
		await yieldToLoop();
	};
	/** Set while a file rewritten in place is read again: its messages replace their stored copies. */
	let overwrite = false;
	/** Parents noted in the batch not yet applied: a subagent ID taken earlier in this sync is taken. */
	let notedParents = new Map<string, string>();
	const parentOf = (sessionId: string) => notedParents.get(sessionId) ?? ctx.meta.get(sessionId)?.parentId;
	const take = (out: FileOutput) => {
		for (const m of out.messages) batch.messages.push(overwrite ? {...m, overwrite: true} : m);
		for (const n of out.notes) {
			batch.notes.push(n);
			if (n.parentId && !notedParents.has(n.sessionId)) notedParents.set(n.sessionId, n.parentId);
		}
		for (const l of out.leaves ?? []) batch.leaves.push(l);
		for (const t of out.leafTitles ?? []) batch.leafTitles.push(t);
	};

	async function file(entry: FileEntry, stat: fs.Stats, cursor: Cursor | undefined): Promise<void> {
		const saved = cursor ? ctx.states.get(sourceId, entry.path) : undefined;
		const plan = planRead(stat, cursor, saved?.head ?? '', (n) => headFingerprint(entry.path, n), (offset) => tailFingerprint(entry.path, offset));
		if (plan.action === 'skip') return;
		const fresh = plan.action === 'reread';
		overwrite = plan.action === 'reread' && plan.reason === 'rewritten';
		mark = {messages: batch.messages.length, notes: batch.notes.length};
		reading = new Set();
		// A replaced file of a one-file-per-session source: its old messages go before the new ones come.
		const owned = fresh && cursor && entry.kind === 'lines' ? adapter.sessionOfState?.(saved?.state) : null;
		if (owned) {
			batch.resets.push(owned);
			reading.add(owned);
		}
		// A file read from the start gets its fingerprint from its first bytes; a grown one keeps its own.
		const state: FileState = {head: fresh ? '' : (saved?.head ?? ''), state: fresh ? null : (saved?.state ?? null), problems: fresh ? [] : (saved?.problems ?? [])};
		const report = (lineNo: number, problem: string) => {
			addProblem(state.problems, lineNo, problem);
			addProblem(problemsOf(entry.path), lineNo, problem);
		};
		// A cursor saved in the middle of a file claims only the bytes read: should the process die before
		// the file is done, the next sync reads on from there even though the file has not changed.
		const record = (offset: number, rows: number, parserState: unknown, size = stat.size) => batch.files.set(entry.path, {
			cursor: {sourceId, file: entry.path, size, mtimeMs: stat.mtimeMs, ino: stat.ino, offset, lastRowid: 0, rows},
			state: {...state, state: parserState},
		});
		if (entry.kind === 'json') {
			// A JSON document is read whole each time it changes, so its problems start over.
			state.head = headFingerprint(entry.path);
			state.problems = [];
			readJson(entry, stat.size, reader, report, take);
			record(stat.size, 0, null);
		} else {
			const parser = reader.parser(entry, state.state, {size: stat.size, mtimeMs: stat.mtimeMs, parentOf});
			let offset = plan.action === 'append' ? plan.offset : 0;
			let rows = plan.action === 'append' ? plan.line : 0;
			let fileLines = 0;
			const lines = readLines(entry.path, {offset, line: rows, ...(deps.maxLineBytes ? {maxLineBytes: deps.maxLineBytes} : {}),
				...(adapter.skipLine ? {skip: adapter.skipLine} : {}), onHead: (head) => {
					state.head = fingerprint(head);
				}});
			// A last line without a newline may still be being written, unless the file has not changed for a
			// while: then it is all there is, and is read (or reported) like any other line.
			const settled = deps.now() - stat.mtimeMs > SETTLED_MS;
			const events = guardedLines(lines, (message) => report(0, message));
			for (const ev of events) {
				if (ev.kind === 'line') {
					if (!acceptLine(parser, ev.buf.toString('utf8', ev.start, ev.end), ev.lineNo, ev.tail && !settled, report)) break;
				} else if (ev.kind === 'too-long') {
					report(ev.lineNo, `line of ${ev.bytes.toLocaleString('en-US')} bytes is longer than the limit, not read`);
				}
				offset = ev.nextOffset;
				rows = ev.lineNo;
				batch.lines++;
				// Only a file longer than a batch is cut: the batch then holds under two batches' lines, and a
				// crash leaves every other file's sessions summarized.
				// A long file is also cut by time once it is long (its sessions then wait for its end, see flush);
				// short files are only committed whole, so a crash never leaves their messages without a session.
				if (++fileLines >= batchLines || (fileLines >= LONG_FILE_LINES && (fileLines & 63) === 0 && clock() - batchStarted >= due)) {
					take(parser.drain(false));
					record(offset, rows, parser.state(), offset);
					await flush(true);
					fileLines = 0;
				} else if ((fileLines & 15) === 0) await slicer.turn();
			}
			take(parser.drain(true));
			if (offset > 0) state.head = joinFingerprints(state.head, tailFingerprint(entry.path, offset));
			record(offset, rows, parser.state());
		}
		if (batch.lines >= batchLines || clock() - batchStarted >= due) await flush();
		else await slicer.turn();
	}

	return {
		file,
		async finish() {
			await flush();
			// A parent whose file is gone or empty is named by its subagents only: no session row, counted apart.
			const exists = store.db.prepare(`SELECT 1 FROM sessions WHERE id = ?`).pluck();
			const parentsOnly = [...touched].filter((id) => exists.get(id) === undefined).length;
			summary.sessionsTouched = touched.size - parentsOnly;
			if (parentsOnly > 0) summary.parentsOnly = parentsOnly;
			return summary;
		},
	};
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

function readJson(entry: FileEntry, size: number, reader: FileSourceReader, report: (lineNo: number, problem: string) => void, take: (out: FileOutput) => void): void {
	if (size > MAX_JSON_BYTES) return report(0, `larger than ${MAX_JSON_BYTES} bytes, not read`);
	let value: unknown;
	const read = readRegularFile(entry.path, MAX_JSON_BYTES);
	if (!read.ok) return report(0, read.error.startsWith('is ') ? read.error : `cannot read: ${read.error}`);
	try {
		value = JSON.parse(read.value.replace(/^\ufeff/, ''));
	} catch {
		return report(0, 'not valid JSON');
	}
	const out = reader.readJson?.(entry, value) ?? 'no reader for this file';
	if (typeof out === 'string') report(0, out);
	else take(out);
}
