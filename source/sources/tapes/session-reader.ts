// One session's messages read back from the tapes file (read-only): each node's body and the facts the sync
// worked out for it, worked out again from the node itself. The file is content-addressed and append-only, so the
// rows a session was made of read the same every time; what the index needs to keep is which rows (rowid ranges).
import type {CanonicalMessage} from '../../core/types.js';
import {messageFacts, type MessageFacts} from '../../core/message-facts.js';
import {normalizeModel} from '../../core/models.js';
import type {TapesSource} from './reader.js';

export interface TapesSessionMessage {
	rowid: number;
	facts: MessageFacts;
	message: CanonicalMessage;
}

/** A session's rows as inclusive rowid ranges, in order (a session is usually a few dense runs of rows). */
export type RowidRanges = ReadonlyArray<readonly [from: number, to: number]>;

/** Sorted, deduplicated rowids → inclusive ranges. */
export function toRanges(rowids: Iterable<number>): Array<[number, number]> {
	const sorted = [...new Set(rowids)].sort((a, b) => a - b);
	const out: Array<[number, number]> = [];
	for (const r of sorted) {
		const last = out[out.length - 1];
		if (last && r === last[1] + 1) last[1] = r;
		else out.push([r, r]);
	}
	return out;
}

/** Rows of at most this many rowids are read per statement (a sparse range is cut to what is asked). */
const READ_ROWS = 5_000;

/** Runs shorter than this are read by rowid with others, in one statement; longer ones in order (a walk). */
const SHORT_RUN = 64;

/**
 * Each node in these ranges (rows the reader skips as unreadable are left out, as the sync left them out). A
 * session interleaved with others is many short runs: a statement per run made re-reading it cost more than
 * the sync had spent on it.
 */
function forEachInRanges(source: TapesSource, ranges: RowidRanges, fn: (rowid: number, message: CanonicalMessage) => void): void {
	let scattered: number[] = [];
	const flush = () => {
		for (const m of source.readRowids(scattered).messages) fn(m.rowid, m.message);
		scattered = [];
	};
	for (const [from, to] of ranges) {
		if (to - from + 1 < SHORT_RUN) {
			for (let r = from; r <= to; r++) scattered.push(r);
			if (scattered.length >= READ_ROWS) flush();
			continue;
		}
		for (let after = from - 1; after < to; ) {
			const batch = source.readAfter(after, Math.min(READ_ROWS, to - after));
			for (const m of batch.messages) if (m.rowid <= to) fn(m.rowid, m.message);
			if (batch.lastRowid <= after) break;
			after = batch.lastRowid;
		}
	}
	flush();
}

/** A node's row and the model the sync gave it (carried: undefined until worked out). */
type Known = Map<string, {rowid: number; parentId: string | null; model: string; carried: string | undefined}>;

function remember(known: Known, rowid: number, message: CanonicalMessage): void {
	const own = normalizeModel(message.model);
	known.set(message.id, {rowid, parentId: message.parentId, model: own, carried: own !== '' ? own : undefined});
}

/**
 * The model a node without one carries, as the sync gave it: its parent's, which the sync knew only when the
 * parent's row came first, in this session or another. Ancestors outside the session are looked up by hash,
 * one level at a time. Returns the model carried from a parent to its child: '' when the parent came later.
 */
function carriedFrom(source: TapesSource, known: Known): (rowid: number, parentId: string | null) => string {
	// Ancestors outside the session, read until every chain ends in a model, a missing parent or a later row.
	for (;;) {
		const wanted = new Set<string>();
		for (const node of known.values()) {
			if (node.carried !== undefined || !node.parentId || known.has(node.parentId)) continue;
			wanted.add(node.parentId);
		}
		if (wanted.size === 0) break;
		for (const {rowid, message} of source.readByIds([...wanted]).messages) remember(known, rowid, message);
		// A parent not in the file ends its children's chains.
		for (const id of wanted) if (!known.has(id)) known.set(id, {rowid: Infinity, parentId: null, model: '', carried: ''});
	}
	const modelOf = (id: string): string => {
		// Walk up to the first node whose model is settled, then settle the path down (no recursion: chains are long).
		const path: string[] = [];
		let at: string | null = id;
		let result = '';
		while (at !== null) {
			const node = known.get(at);
			if (!node) break;
			if (node.carried !== undefined) {
				result = node.carried;
				break;
			}
			path.push(at);
			const parent = node.parentId ? known.get(node.parentId) : undefined;
			// The sync knew a parent only when its row came first.
			if (!parent || parent.rowid >= node.rowid) {
				node.carried = '';
				path.pop();
				result = '';
				break;
			}
			at = node.parentId;
		}
		for (let i = path.length - 1; i >= 0; i--) {
			const node = known.get(path[i]!)!;
			node.carried = node.model || result;
			result = node.carried;
		}
		return known.get(id)?.carried ?? '';
	};
	return (rowid, parentId) => {
		const parent = parentId ? known.get(parentId) : undefined;
		return parent && parent.rowid < rowid ? modelOf(parentId!) : '';
	};
}

const byTimeThenRow = (a: {rowid: number; facts: MessageFacts}, b: {rowid: number; facts: MessageFacts}) =>
	a.facts.timestamp - b.facts.timestamp || a.rowid - b.rowid;

/** The messages of one session with the facts the sync worked out for them, in the index's order (time, then row). */
export function readTapesSession(source: TapesSource, ranges: RowidRanges): TapesSessionMessage[] {
	const rows: Array<{rowid: number; message: CanonicalMessage}> = [];
	const known: Known = new Map();
	forEachInRanges(source, ranges, (rowid, message) => {
		rows.push({rowid, message});
		remember(known, rowid, message);
	});
	const carried = carriedFrom(source, known);
	const out = rows.map(({rowid, message}): TapesSessionMessage => {
		const facts = messageFacts(message, known.get(message.id)!.model || carried(rowid, message.parentId));
		// As stored: the parent link stays in the source.
		facts.parentId = null;
		return {rowid, facts, message};
	});
	return out.sort(byTimeThenRow);
}

/**
 * The same facts without the messages, for summarizing a session again: each node's body is dropped once its
 * facts are worked out (a session of a million nodes held 2.5 GB with them).
 */
export function readTapesFacts(source: TapesSource, ranges: RowidRanges): Array<{rowid: number; facts: MessageFacts}> {
	const out: Array<{rowid: number; facts: MessageFacts}> = [];
	const known: Known = new Map();
	forEachInRanges(source, ranges, (rowid, message) => {
		remember(known, rowid, message);
		// Its own model, or none yet: what it carries is known once every row is read.
		const facts = messageFacts(message, '');
		facts.parentId = null;
		out.push({rowid, facts});
	});
	const carried = carriedFrom(source, known);
	for (const r of out) if (r.facts.model === '') r.facts.model = normalizeModel(carried(r.rowid, known.get(r.facts.id)!.parentId));
	return out.sort(byTimeThenRow);
}

/** Whether what was read is the rows the index has for the session (not another file at that path, or one rebuilt since). */
export function sameRows(rows: ReadonlyArray<{seq: number; id: string}>, read: ReadonlyArray<{rowid: number; facts: {id: string}}>): boolean {
	if (read.length !== rows.length) return false;
	const idAt = new Map(rows.map((r) => [r.seq, r.id]));
	return read.every((m) => idAt.get(m.rowid) === m.facts.id);
}
