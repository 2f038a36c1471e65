// Incremental sync of one transcript root (Claude Code, Codex or PromptKit) into the index. Each file
// keeps a cursor (size, mtime, inode, byte offset, lines): unchanged files cost one stat, grown files are
// read from the offset, shrunk or replaced ones from the start. Lines stream through a bounded buffer and
// are applied in chunked transactions; a bad line becomes a warning with its file and line number.
import fs from 'node:fs';
import type {IndexStore} from '../store/index-store.js';
import type {PricingTable, Warning} from '../core/types.js';
import type {FileProblem, FileState} from '../store/file-state-repo.js';
import {createFileMessagesRepo} from '../store/file-messages-repo.js';
import {createSessionMetaRepo} from '../store/session-meta-repo.js';
import {createFileStateRepo} from '../store/file-state-repo.js';
import {createFileSessionsRepo} from '../store/file-sessions-repo.js';
import type {FileEntry, FileOutput, FileSourceAdapter, FileSourceReader} from '../sources/jsonl/file-source.js';
import {readLines} from '../sources/jsonl/line-reader.js';
import {isDirectory} from '../sources/jsonl/walk.js';
import {headFingerprint, planRead, type ReadPlan} from './file-plan.js';
import {applyFileBatch, emptyBatch, type FileBatch, type FileSyncContext} from './file-apply.js';
import {yieldToLoop, type SyncProgress, type SyncSummary} from './tapes-sync.js';

export interface FileSyncDeps {
	store: IndexStore;
	sourceId: number;
	root: string;
	adapter: FileSourceAdapter;
	pricing: PricingTable;
	now: () => number;
	/** Lines per transaction (default 20,000). */
	batchLines?: number;
	/** Longest line read (default 64 MB); longer ones are reported and passed by. */
	maxLineBytes?: number;
}

export type FileSyncProgress = SyncProgress & {unit: 'files'};

/** Line numbers kept per problem and file; the count says how many there were. */
const LINES_KEPT = 5;
/** Largest small JSON document (PromptKit state.json) read whole. */
const MAX_JSON_BYTES = 1 << 20;

export function addProblem(problems: FileProblem[], lineNo: number, problem: string): void {
	const seen = problems.find((p) => p.problem === problem);
	if (!seen) problems.push({problem, count: 1, lines: [lineNo]});
	else {
		seen.count++;
		if (seen.lines.length < LINES_KEPT) seen.lines.push(lineNo);
	}
}

export function problemWarning(file: string, p: FileProblem): Warning {
	const lines = p.lines.filter((l) => l > 0);
	const more = p.count > lines.length && lines.length > 0 ? ` and ${p.count - lines.length} more` : '';
	const at = lines.length === 0 ? '' : ` (line${p.count > 1 ? 's' : ''} ${lines.join(', ')}${more})`;
	return {where: lines.length ? `${file}:${lines[0]}` : file, message: `${p.problem}${at}`, count: p.count};
}

export async function syncFileSource(
	deps: FileSyncDeps,
	onProgress: (p: FileSyncProgress) => void = () => {},
	signal?: AbortSignal,
): Promise<SyncSummary> {
	const {store, sourceId, root, adapter} = deps;
	if (!isDirectory(root)) throw new Error("not a directory (or not readable)");
	const files = adapter.list(root);
	const kindIds = store.sources.list().filter((s) => s.kind === adapter.kind).map((s) => s.id);
	const ctx: FileSyncContext = {
		store, sourceId, kind: adapter.kind, pricing: deps.pricing, now: deps.now, singleSource: kindIds.length <= 1,
		repo: createFileMessagesRepo(store.db, kindIds), meta: createSessionMetaRepo(store.db),
		states: createFileStateRepo(store.db), sessions: createFileSessionsRepo(store.db),
	};
	const summary: SyncSummary = {source: root, newMessages: 0, sessionsTouched: 0, warnings: []};
	const touchedAll = new Set<string>();
	const runProblems = new Map<string, FileProblem[]>();
	const problemsOf = (file: string) => runProblems.get(file) ?? runProblems.set(file, []).get(file)!;
	const batchLines = deps.batchLines ?? 20_000;
	let batch = emptyBatch();
	let reader: FileSourceReader | null = null;
	let done = 0;

	const flush = async () => {
		if (batch.files.size === 0 && batch.messages.length === 0) return;
		const applied = applyFileBatch(ctx, batch);
		summary.newMessages += applied.newMessages;
		for (const id of applied.touched) touchedAll.add(id);
		batch = emptyBatch();
		onProgress({source: root, read: done, total: files.length, unit: 'files'});
		await yieldToLoop();
	};
	const take = (out: FileOutput) => {
		for (const m of out.messages) batch.messages.push(m);
		for (const n of out.notes) batch.notes.push(n);
	};
	const report = (file: string, state: FileState, lineNo: number, problem: string) => {
		addProblem(state.problems, lineNo, problem);
		addProblem(problemsOf(file), lineNo, problem);
	};

	for (const entry of files) {
		if (signal?.aborted) break;
		done++;
		let stat: fs.Stats;
		try {
			stat = fs.statSync(entry.path);
		} catch (error) {
			addProblem(problemsOf(entry.path), 0, `cannot read: ${(error as Error).message}`);
			continue;
		}
		const cursor = store.cursors.get(sourceId, entry.path);
		const saved = ctx.states.get(sourceId, entry.path);
		const plan = planRead(stat, cursor, saved?.head ?? '', (n) => headFingerprint(entry.path, n));
		if (plan.action === 'skip') continue;
		reader ??= await adapter.load();
		const fresh = plan.action === 'reread';
		// A replaced file of a one-file-per-session source: its old messages go before the new ones come.
		const owned = fresh && cursor && entry.kind === 'lines' ? adapter.sessionOfState?.(saved?.state) : null;
		if (owned) batch.resets.push(owned);
		const state: FileState = {head: headFingerprint(entry.path), state: fresh ? null : (saved?.state ?? null), problems: fresh ? [] : (saved?.problems ?? [])};
		const cursorAt = (offset: number, rows: number) => ({sourceId, file: entry.path, size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, offset, lastRowid: 0, rows});
		if (entry.kind === 'json') {
			readJson(entry, stat.size, reader, state, (line, problem) => report(entry.path, state, line, problem), take);
			batch.files.set(entry.path, {cursor: cursorAt(stat.size, 0), state});
		} else {
			await readLineFile(entry, plan, reader, state, stat, {batchLines, maxLineBytes: deps.maxLineBytes, skip: adapter.skipLine}, {
				report: (line, problem) => report(entry.path, state, line, problem),
				take,
				record: (offset, rows, parserState) => batch.files.set(entry.path, {cursor: cursorAt(offset, rows), state: {...state, state: parserState}}),
				batch: () => batch,
				flush,
			});
		}
		if (batch.lines >= batchLines) await flush();
	}
	await flush();
	summary.sessionsTouched = touchedAll.size;
	summary.warnings = [...runProblems].flatMap(([file, problems]) => problems.map((p) => problemWarning(file, p)));
	return summary;
}

interface LineFileHooks {
	report: (lineNo: number, problem: string) => void;
	take: (out: FileOutput) => void;
	record: (offset: number, rows: number, parserState: unknown) => void;
	batch: () => FileBatch;
	flush: () => Promise<void>;
}

async function readLineFile(
	entry: FileEntry, plan: Exclude<ReadPlan, {action: 'skip'}>, reader: FileSourceReader, state: FileState, stat: fs.Stats,
	opts: {batchLines: number; maxLineBytes?: number | undefined; skip?: FileSourceAdapter['skipLine']}, hooks: LineFileHooks,
): Promise<void> {
	const parser = reader.parser(entry, state.state, {size: stat.size, mtimeMs: stat.mtimeMs});
	let offset = plan.action === 'append' ? plan.offset : 0;
	let rows = plan.action === 'append' ? plan.line : 0;
	const lines = readLines(entry.path, {offset, line: rows, ...(opts.maxLineBytes ? {maxLineBytes: opts.maxLineBytes} : {}), ...(opts.skip ? {skip: opts.skip} : {})});
	for (const ev of lines) {
		if (ev.kind === 'line') {
			let value: unknown;
			let parsed = true;
			try {
				value = JSON.parse(ev.buf.toString('utf8', ev.start, ev.end));
			} catch {
				parsed = false;
			}
			// A last line without a newline that does not parse is still being written: leave it for later.
			if (!parsed && ev.tail) break;
			const problem = parsed ? parser.accept(value, ev.lineNo) : 'not valid JSON';
			if (problem) hooks.report(ev.lineNo, problem);
		} else if (ev.kind === 'too-long') {
			hooks.report(ev.lineNo, `line of ${ev.bytes.toLocaleString('en-US')} bytes is longer than the limit, not read`);
		}
		offset = ev.nextOffset;
		rows = ev.lineNo;
		if (++hooks.batch().lines >= opts.batchLines) {
			hooks.take(parser.drain(false));
			hooks.record(offset, rows, parser.state());
			await hooks.flush();
		}
	}
	hooks.take(parser.drain(true));
	hooks.record(offset, rows, parser.state());
}

function readJson(
	entry: FileEntry, size: number, reader: FileSourceReader, state: FileState,
	report: (lineNo: number, problem: string) => void, take: (out: FileOutput) => void,
): void {
	state.problems = [];
	if (size > MAX_JSON_BYTES) return report(0, `larger than ${MAX_JSON_BYTES} bytes, not read`);
	let value: unknown;
	try {
		value = JSON.parse(fs.readFileSync(entry.path, 'utf8'));
	} catch (error) {
		return report(0, error instanceof SyntaxError ? 'not valid JSON' : `cannot read: ${(error as Error).message}`);
	}
	const out = reader.readJson?.(entry, value) ?? 'no reader for this file';
	if (typeof out === 'string') report(0, out);
	else take(out);
}
