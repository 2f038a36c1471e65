// Incremental sync of one transcript root (Claude Code, Codex or PromptKit) into the index. Each file
// keeps a cursor (size, mtime, inode, byte offset, lines): an unchanged file costs one stat, a grown one
// is read from its offset, a shrunk or replaced one from the start. The reading and writing machinery
// (file-import.ts) loads only when some file changed, so an up-to-date sync stays cheap.
import fs from 'node:fs';
import {notRegular} from '../sources/regular-file.js';
import type {IndexStore} from '../store/index-store.js';
import type {PricingTable} from '../core/types.js';
import type {FileFingerprint, FileProblem} from '../store/file-state-repo.js';
import {createFileStateRepo} from '../store/file-state-repo.js';
import type {FileEntry, FileSourceAdapter} from '../sources/jsonl/file-source.js';
import {isDirectory} from '../sources/jsonl/walk.js';
import {addProblem, problemWarning} from './file-problems.js';
import {loadDue} from './summaries-due.js';
import {createSlicer, type Slicer} from './slicer.js';
import {beginBulkLoad, endBulkLoad, inBulkLoad, unsynced} from '../store/bulk-load.js';
import {writeTransaction} from '../store/write-transaction.js';
import type {ChangedFile, FileImport} from './file-import.js';
import type {SyncProgress, SyncSummary} from './sync-summary.js';

export interface FileSyncDeps {
	store: IndexStore;
	sourceId: number;
	root: string;
	adapter: FileSourceAdapter;
	pricing: PricingTable;
	now: () => number;
	/** Lines per transaction (default 20,000). */
	batchLines?: number;
	/** A batch is committed after this long even when small (default COMMIT_MS; a first import, FIRST_IMPORT_COMMIT_MS). */
	commitMs?: number;
	/** The clock commits are timed by, in ms (default performance.now; a test's own makes the timing exact). */
	clock?: () => number;
	/** Longest line read (default 64 MB); longer ones are reported and passed by. */
	maxLineBytes?: number;
	/** Bytes from which a first import drops the sessions' indexes until it ends (BULK_IMPORT_BYTES; tests lower it). */
	bulkFromBytes?: number;
	/** Parse on a thread of its own (file-parse-thread.ts): true always, false never; by default for a large import from the build. */
	parseThread?: boolean;
}

export type FileSyncProgress = SyncProgress & {unit: 'files'};

type Stated = {entry: FileEntry; stat: fs.Stats | null; error: string};

/** Stats every file once, then orders them by group, then oldest first (path breaks ties). */
async function orderFiles(entries: FileEntry[], slicer: Slicer): Promise<Stated[]> {
	const stated: Stated[] = [];
	for (const entry of entries) {
		// 20,000 stats take a few hundred milliseconds: keys pressed meanwhile are not kept waiting.
		if ((stated.length & 63) === 0) await slicer.turn();
		try {
			stated.push({entry, stat: fs.statSync(entry.path), error: ''});
		} catch (error) {
			stated.push({entry, stat: null, error: (error as Error).message});
		}
	}
	const mtime = (s: fs.Stats | null) => s?.mtimeMs ?? 0;
	return stated.sort((a, b) => a.entry.group - b.entry.group || mtime(a.stat) - mtime(b.stat) || (a.entry.path < b.entry.path ? -1 : 1));
}

/** Why a changed file cannot be read, or null; checked before reading starts so no half-read state is left. */
function unreadable(file: string): string | null {
	try {
		fs.accessSync(file, fs.constants.R_OK);
		return null;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return code === 'EACCES' || code === 'EPERM' ? 'cannot read: permission denied' : `cannot read: ${(error as Error).message}`;
	}
}

const firstImport = (sourceId: number) => `first-import:${Math.trunc(sourceId)}`;
/**
 * Commits of a first import come further apart: each one writes every page the batch dirtied in the
 * randomly keyed indexes, so small ones rewrite the same pages many times. The explorer syncs on its own
 * thread and reads through WAL, so a longer transaction keeps no key waiting; sessions still appear every second
 * (a second against 250 ms took 5–8% off a cold import of 2,400 files), and the progress bar moves with each commit.
 */
export const FIRST_IMPORT_COMMIT_MS = 1000;

/**
 * Bytes from which a first import is a bulk load: 2,400 sessions written with their indexes took 6% of a
 * 145 MB import, and building the indexes after costs a few milliseconds; a small import keeps its indexes.
 */
export const BULK_IMPORT_BYTES = 8 << 20;

/**
 * A source's first full import runs with `synchronous = OFF` (store/bulk-load.ts): no fsync per commit.
 * Every batch is still one transaction in the WAL, so a killed import keeps what it committed; a meta flag
 * says a first import is under way, so the sync after a killed one goes on in the same mode until it ends.
 */
export async function syncFileSource(
	deps: FileSyncDeps,
	onProgress: (p: FileSyncProgress) => void = () => {},
	signal?: AbortSignal,
): Promise<SyncSummary> {
	const {store, sourceId, root} = deps;
	if (!isDirectory(root)) throw new Error('not a directory (or not readable)');
	const slicer = createSlicer();
	const files = await orderFiles(deps.adapter.list(root), slicer);
	const seen = createFileStateRepo(store.db).fingerprintsOf(sourceId);
	const flag = firstImport(sourceId);
	const first = store.meta.get(flag) !== undefined || (seen.size === 0 && files.length > 0);
	if (!first) return syncFiles(deps, files, seen, slicer, onProgress, signal);
	store.meta.set(flag, '1');
	// A large one (or one a killed large one left) writes its sessions without their sort and report indexes.
	const bulk = inBulkLoad(store.meta, sourceId) || files.reduce((n, f) => n + (f.stat?.size ?? 0), 0) >= (deps.bulkFromBytes ?? BULK_IMPORT_BYTES);
	if (bulk) writeTransaction(store.db, () => beginBulkLoad(store.db, store.meta, sourceId, {messages: false, key: false}))();
	return unsynced(store.db, async () => {
		const summary = await syncFiles({commitMs: FIRST_IMPORT_COMMIT_MS, ...deps}, files, seen, slicer, onProgress, signal);
		if (!signal?.aborted) {
			writeTransaction(store.db, () => {
				if (bulk) endBulkLoad(store.db, store.meta, sourceId);
				store.meta.delete(flag);
			})();
		}
		return summary;
	});
}

async function syncFiles(deps: FileSyncDeps, files: Stated[], seen: Map<string, FileFingerprint>, slicer: Slicer,
	onProgress: (p: FileSyncProgress) => void, signal?: AbortSignal): Promise<SyncSummary> {
	const {store, sourceId, root} = deps;
	const problems = new Map<string, FileProblem[]>();
	const problemsOf = (file: string) => problems.get(file) ?? problems.set(file, []).get(file)!;
	/** Files passed by without reading (no stat, no permission): nothing of them is stored. */
	const unread = new Set<string>();
	let done = 0;
	const progress = () => onProgress({source: root, read: done, total: files.length, unit: 'files'});
	const changed: ChangedFile[] = [];
	let visited = 0;
	for (const {entry, stat, error} of files) {
		if (signal?.aborted) break;
		if ((++visited & 63) === 0) await slicer.turn();
		if (!stat) {
			addProblem(problemsOf(entry.path), 0, `cannot read: ${error}`);
			unread.add(entry.path);
			done++;
			continue;
		}
		const was = seen.get(entry.path);
		// The common case, an unchanged file, costs one stat and no query.
		if (was && was[0] === stat.size && was[1] === stat.mtimeMs && was[2] === stat.ino) {
			done++;
			continue;
		}
		// A file this user may not read is one warning; the rest of the source is still read.
		const denied = notRegular(stat) ?? unreadable(entry.path);
		if (denied) {
			addProblem(problemsOf(entry.path), 0, denied);
			unread.add(entry.path);
			done++;
			continue;
		}
		changed.push({entry, stat, cursor: was ? store.cursors.get(sourceId, entry.path) : undefined});
	}
	let importer: FileImport | null = null;
	if (changed.length > 0 && !signal?.aborted) {
		importer = await (await import('./file-import.js')).createFileImport(deps, problemsOf, progress, slicer);
		await importer.files(changed, () => done++, signal);
	}
	// Summaries a sync that died in the middle of a long file left due are written even when nothing changed.
	if (!importer && loadDue(store, sourceId).length > 0) importer = await (await import('./file-import.js')).createFileImport(deps, problemsOf, progress);
	const summary: SyncSummary = importer ? await importer.finish() : {source: root, newMessages: 0, sessionsTouched: 0, warnings: []};
	summary.warnings = [...problems].flatMap(([file, list]) => list.map((p) => problemWarning(file, p)));
	summary.unread = [...unread].flatMap((file) => problems.get(file)!.map((p) => problemWarning(file, p)));
	return summary;
}
