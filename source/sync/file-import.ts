// Reading changed transcript files into the index: each file's lines are parsed into pieces (file-parse.ts),
// on this thread or, for a large import, on a thread of its own (file-parse-thread.ts), and the pieces are
// applied in chunked transactions (file-apply.ts). A bad line becomes a problem with its file and line
// number; it never stops the import.
import type fs from 'node:fs';
import {isMainThread} from 'node:worker_threads';
import type {Cursor} from '../store/cursors-repo.js';
import type {FileProblem, FileState} from '../store/file-state-repo.js';
import type {FileEntry, FileSourceReader} from '../sources/jsonl/file-source.js';
import {headFingerprint, planRead, tailFingerprint} from './file-plan.js';
import {applyFileBatch, createFileSyncContext, emptyBatch} from './file-apply.js';
import {addProblem} from './file-problems.js';
import {loadDue} from './summaries-due.js';
import {COMMIT_MS, createSlicer, yieldToLoop} from './slicer.js';
import {cutByTime, parseFile, type FileJob, type FilePiece} from './file-parse.js';
import {parseThreadProgram, threadPieces} from './file-parse-thread.js';
import type {FileSyncDeps} from './file-sync.js';
import type {SyncSummary} from './sync-summary.js';

/** The longest a sync's first commit waits (later ones wait `commitMs`). */
const FIRST_COMMIT_MS = 150;

/** Lines from which a batch is committed while the parsing thread is behind (fewer: commits too small to pay). */
const IDLE_COMMIT_LINES = 2_000;

/** How long a file must be unchanged before a last line without a newline counts as finished. */
const SETTLED_MS = 60_000;

/**
 * Bytes to read from which the files are parsed on a thread of their own: starting it (and its parsers) costs
 * ~50 ms, which a few megabytes of transcripts repay.
 */
const THREAD_FROM_BYTES = 8 << 20;

/** A file whose size, mtime or inode changed since its cursor was saved (or that has none). */
export interface ChangedFile {
	entry: FileEntry;
	stat: fs.Stats;
	cursor: Cursor | undefined;
}

export interface FileImport {
	/** Reads the files in order; `onFile` as each one starts. Stops between files once `signal` is aborted. */
	files(changed: readonly ChangedFile[], onFile: () => void, signal?: AbortSignal): Promise<void>;
	finish(): Promise<SyncSummary>;
}

/** A changed file as the import reads it: the job the parser gets, and what this thread keeps of it. */
interface Planned {
	job: FileJob;
	stat: fs.Stats;
	state: FileState;
	/** Read again because it was rewritten in place: its messages replace their stored copies. */
	overwrite: boolean;
	/** The session of a replaced one-file-per-session file, whose old messages go first. */
	owned: string | null;
}

export async function createFileImport(deps: FileSyncDeps, problemsOf: (file: string) => FileProblem[], progress: () => void,
	slicer = createSlicer()): Promise<FileImport> {
	const {store, sourceId, adapter} = deps;
	const ctx = createFileSyncContext(store, sourceId, adapter.kind, deps.pricing, deps.now);
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
	/** Parents noted in the batch not yet applied: a subagent ID taken earlier in this sync is taken. */
	let notedParents = new Map<string, string>();
	const parentOf = (sessionId: string) => notedParents.get(sessionId) ?? ctx.meta.get(sessionId)?.parentId;

	function plan({entry, stat, cursor}: ChangedFile): Planned | null {
		const saved = cursor ? ctx.states.get(sourceId, entry.path) : undefined;
		const read = planRead(stat, cursor, saved?.head ?? '', (n) => headFingerprint(entry.path, n), (offset) => tailFingerprint(entry.path, offset));
		if (read.action === 'skip') return null;
		const fresh = read.action === 'reread';
		// A file read from the start gets its fingerprint from its first bytes; a grown one keeps its own.
		// A JSON document is read whole each time it changes, so its problems start over.
		const state: FileState = {head: fresh ? '' : (saved?.head ?? ''), state: fresh ? null : (saved?.state ?? null),
			problems: fresh || entry.kind === 'json' ? [] : (saved?.problems ?? [])};
		const job: FileJob = {entry, size: stat.size, mtimeMs: stat.mtimeMs, offset: read.action === 'append' ? read.offset : 0,
			line: read.action === 'append' ? read.line : 0, saved: state.state, head: state.head,
			settled: deps.now() - stat.mtimeMs > SETTLED_MS, batchLines, ...(deps.maxLineBytes ? {maxLineBytes: deps.maxLineBytes} : {})};
		return {job, stat, state, overwrite: fresh && read.reason === 'rewritten',
			owned: fresh && cursor && entry.kind === 'lines' ? (adapter.sessionOfState?.(saved?.state) ?? null) : null};
	}

	/** The pieces of every planned file, parsed here (with the slicer turning between lines) or on the thread. */
	async function* piecesOf(planned: Planned[]): AsyncGenerator<{job: number; piece: FilePiece} | 'idle'> {
		const bytes = planned.reduce((n, p) => n + p.job.size - p.job.offset, 0);
		// Beside the explorer the sync already has a thread of its own (sync-thread.ts), and a third busy one made
		// keys during a first import of 20,000 sessions slower (p95 28-29 → 30-33 ms): there it parses here.
		const wanted = deps.parseThread ?? (isMainThread && bytes >= THREAD_FROM_BYTES);
		const program = wanted && !store.db.memory ? parseThreadProgram() : null;
		if (program) {
			yield* threadPieces({kind: adapter.kind, indexPath: store.db.name, cutMs: commitMs}, planned.map((p) => p.job), program);
			return;
		}
		const hooks = {parentOf, keepFacts: true, cut: (fileLines: number) => cutByTime(fileLines, batchStarted, clock, due),
			...(adapter.skipLine ? {skipLine: adapter.skipLine} : {})};
		// The parsers (and zod with them) load here only when this thread parses.
		const reader: FileSourceReader = await adapter.load();
		for (let job = 0; job < planned.length; job++) {
			for (const piece of parseFile(planned[job]!.job, reader, hooks)) {
				if (piece === null) await slicer.turn();
				else yield {job, piece};
			}
		}
	}

	/** Takes a piece of a file into the batch; a piece that ends before the file does is committed now. */
	async function take(p: Planned, piece: FilePiece): Promise<void> {
		const path = p.job.entry.path;
		for (const [lineNo, problem] of piece.problems) {
			addProblem(p.state.problems, lineNo, problem);
			addProblem(problemsOf(path), lineNo, problem);
		}
		for (const m of piece.messages) batch.messages.push(p.overwrite ? {...m, overwrite: true} : m);
		for (const n of piece.notes) {
			batch.notes.push(n);
			if (n.parentId && !notedParents.has(n.sessionId)) notedParents.set(n.sessionId, n.parentId);
		}
		for (const l of piece.leaves) batch.leaves.push(l);
		for (const t of piece.leafTitles) batch.leafTitles.push(t);
		batch.lines += piece.lines;
		p.state.head = piece.head;
		// A cursor saved in the middle of a file claims only the bytes read: should the process die before
		// the file is done, the next sync reads on from there even though the file has not changed.
		const size = piece.final ? p.stat.size : piece.offset;
		batch.files.set(path, {
			cursor: {sourceId, file: path, size, mtimeMs: p.stat.mtimeMs, ino: p.stat.ino, offset: piece.offset, lastRowid: 0, rows: piece.rows},
			state: {...p.state, state: piece.state},
		});
		if (!piece.final) await flush(true);
		else if (batch.lines >= batchLines || clock() - batchStarted >= due) await flush();
		else await slicer.turn();
	}

	return {
		async files(changed, onFile, signal) {
			const planned: Planned[] = [];
			for (const c of changed) {
				const p = plan(c);
				if (p) planned.push(p);
				else onFile();
			}
			let current = -1;
			for await (const next of piecesOf(planned)) {
				if (next === 'idle') {
					// The parsing thread is behind: what the batch holds is written while it parses on, not left for
					// one commit after its last file (0.3 s of a 2 s import). A batch ends with a whole file here:
					// a piece that ends before its file does is committed as it is taken.
					if (batch.lines >= IDLE_COMMIT_LINES) await flush();
					continue;
				}
				const {job, piece} = next;
				const p = planned[job]!;
				if (job !== current) {
					if (signal?.aborted) break;
					onFile();
					current = job;
					mark = {messages: batch.messages.length, notes: batch.notes.length};
					reading = new Set();
					if (p.owned) {
						batch.resets.push(p.owned);
						reading.add(p.owned);
					}
				}
				await take(p, piece);
			}
		},
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
