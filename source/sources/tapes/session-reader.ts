// One session's messages read back from the tapes file (read-only): each node's body and the facts the sync
// stores for it, worked out again from the node itself. The file is content-addressed and append-only, so the
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

/** The nodes in these ranges, in rowid order (rows the reader skips as unreadable are left out, as the sync left them out). */
function readRanges(source: TapesSource, ranges: RowidRanges): Array<{rowid: number; message: CanonicalMessage}> {
	const out: Array<{rowid: number; message: CanonicalMessage}> = [];
	for (const [from, to] of ranges) {
		for (let after = from - 1; after < to; ) {
			const batch = source.readAfter(after, Math.min(READ_ROWS, to - after));
			for (const m of batch.messages) if (m.rowid <= to) out.push(m);
			if (batch.lastRowid <= after) break;
			after = batch.lastRowid;
		}
	}
	return out;
}

/**
 * The messages of one session, in the index's order (time, then row), with the facts the sync stored: a node
 * without a model carries its parent's, as the sync did, which only knew a parent stored before it (a lower
 * rowid), in this session or another. Ancestors outside the session are looked up by hash, one level at a time.
 */
export function readTapesSession(source: TapesSource, ranges: RowidRanges): TapesSessionMessage[] {
	const rows = readRanges(source, ranges);
	// Known nodes: rowid and the model the sync gave it (undefined until worked out).
	const known = new Map<string, {rowid: number; parentId: string | null; model: string; carried: string | undefined}>();
	for (const {rowid, message} of rows) {
		const own = normalizeModel(message.model);
		known.set(message.id, {rowid, parentId: message.parentId, model: own, carried: own !== '' ? own : undefined});
	}
	// Ancestors outside the session, read until every chain ends in a model, a missing parent or a later row.
	for (;;) {
		const wanted = new Set<string>();
		for (const node of known.values()) {
			if (node.carried !== undefined || !node.parentId || known.has(node.parentId)) continue;
			wanted.add(node.parentId);
		}
		if (wanted.size === 0) break;
		const found = source.readByIds([...wanted]).messages;
		for (const {rowid, message} of found) {
			const own = normalizeModel(message.model);
			known.set(message.id, {rowid, parentId: message.parentId, model: own, carried: own !== '' ? own : undefined});
		}
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
	const out = rows.map(({rowid, message}): TapesSessionMessage => {
		const node = known.get(message.id)!;
		const parent = message.parentId ? known.get(message.parentId) : undefined;
		const carried = parent && parent.rowid < rowid ? modelOf(message.parentId!) : '';
		const facts = messageFacts(message, node.model || carried);
		// As stored: the parent link stays in the source.
		facts.parentId = null;
		return {rowid, facts, message};
	});
	return out.sort((a, b) => a.facts.timestamp - b.facts.timestamp || a.rowid - b.rowid);
}

/** Whether what was read is the rows the index has for the session (not another file at that path, or one rebuilt since). */
export function sameRows(rows: ReadonlyArray<{seq: number; id: string}>, read: readonly TapesSessionMessage[]): boolean {
	if (read.length !== rows.length) return false;
	const idAt = new Map(rows.map((r) => [r.seq, r.id]));
	return read.every((m) => idAt.get(m.rowid) === m.message.id);
}
