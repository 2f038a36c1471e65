// What a sync of any source reports: its progress as it goes, and what it did when it is done.
import type {Warning} from '../core/types.js';

export interface SyncProgress {
	source: string;
	read: number;
	total: number;
}

export interface SyncSummary {
	source: string;
	newMessages: number;
	sessionsTouched: number;
	/** Of the touched sessions, parents known only from their subagents (no messages of their own here). */
	parentsOnly?: number;
	warnings: Warning[];
	/** Read from the first row (a new source, or one VACUUMed or rebuilt): its warnings replace the stored ones. */
	fromStart?: boolean;
	/** Transcript files that could not be read at all this run: no state of theirs is stored, so only this run knows. */
	unread?: Warning[];
	/** How a tapes database was opened (see TapesReadMode): `immutable` when no writer had it, or its folder is read-only. */
	readMode?: 'shared' | 'immutable';
}
