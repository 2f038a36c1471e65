// The catalog's answers, kept beside its data file: loading the package (half a megabyte of code and data)
// is about 60 ms, the longest part of a small sync that prices a few models (a cron `tapedeck sync`, a tapes
// server's incremental poll), and each run asks it the same few questions. The answers are kept per
// catalog version (package version plus the refreshed data file's time and size), so `pricing --update`
// or a new package starts them afresh. It is only a cache: unreadable, unwritable or damaged, the catalog
// is asked again.
import fs from 'node:fs';
import path from 'node:path';
import type {Pricing} from '../core/types.js';

/**
 * This module's own writer name: each thread loads its own copy, so with the pid it names one writer
 * (worker_threads' threadId did, but loading worker_threads cost every report a millisecond).
 */
const WRITER = Math.random().toString(36).slice(2, 10);

/** Model names a source could make up without end: past this, answers are not kept on disk. */
const KEPT_MODELS = 500;

interface MemoFile {
	version: string;
	lookups: Record<string, Pricing | null>;
}

export function catalogMemoFile(dataFile: string): string {
	return path.join(path.dirname(dataFile), 'genai-prices-lookups.json');
}

export interface CatalogMemo {
	/** The kept answer: a price, null (the catalog has no such model), or undefined (not asked yet). */
	get(model: string): Pricing | null | undefined;
	put(model: string, answer: Pricing | null): void;
}

export function openCatalogMemo(file: string, version: string): CatalogMemo {
	let lookups: Record<string, Pricing | null> | null = null;
	const read = (): Record<string, Pricing | null> => {
		if (lookups) return lookups;
		lookups = Object.create(null) as Record<string, Pricing | null>;
		try {
			const kept = JSON.parse(fs.readFileSync(file, 'utf8')) as MemoFile;
			if (kept.version === version && kept.lookups && typeof kept.lookups === 'object') Object.assign(lookups, kept.lookups);
		} catch {
			// None yet, or damaged: every answer is asked of the catalog again.
		}
		return lookups;
	};
	return {
		get: (model) => (Object.hasOwn(read(), model) ? read()[model] : undefined),
		put(model, answer) {
			const all = read();
			if (Object.keys(all).length >= KEPT_MODELS) return;
			all[model] = answer;
			// Written whole and renamed into place: the explorer's sync thread and a cron sync may write it at once.
			const temp = `${file}.${process.pid}-${WRITER}.tmp`;
			try {
				fs.mkdirSync(path.dirname(file), {recursive: true});
				fs.writeFileSync(temp, JSON.stringify({version, lookups: all} satisfies MemoFile));
				fs.renameSync(temp, file);
			} catch {
				// A read-only data directory: the answer is kept for this run only.
				fs.rmSync(temp, {force: true});
			}
		},
	};
}
