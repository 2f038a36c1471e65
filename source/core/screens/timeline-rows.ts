// The Timeline's rows: one per message group, plus the messages of each expanded group right under it,
// in the chosen order. Built only when the data, the sort or the expansion changes, never per key press.
import type {MessageSortKey} from '../message-groups.js';

export const MESSAGE_SORTS: readonly MessageSortKey[] = ['time', 'tokens', 'cost', 'gap'];

/** What ordering needs of a group or a message. */
export interface RowMeasure {
	timeMs: number;
	totalTokens: number;
	totalCost: number | null;
	deltaMs: number;
}

export interface GroupMeasure extends RowMeasure {
	/** Half-open range of message indices [startIndex, endIndex). */
	startIndex: number;
	endIndex: number;
}

export interface RowSource {
	groups: readonly GroupMeasure[];
	messages: readonly RowMeasure[];
}

export type TimelineRow =
	| {kind: 'group'; group: number}
	| {kind: 'message'; group: number; message: number};

/** Indices in order: time ascending, or tokens, cost, gap descending with ties by time (unpriced last). */
function order(items: readonly RowMeasure[], indices: number[], key: MessageSortKey): number[] {
	if (key === 'time') return indices;
	const measure = (m: RowMeasure): number =>
		key === 'tokens' ? m.totalTokens : key === 'cost' ? (m.totalCost ?? -Infinity) : m.deltaMs;
	return indices.sort((a, b) => {
		const ma = measure(items[a]!);
		const mb = measure(items[b]!);
		if (ma !== mb) return mb > ma ? 1 : -1;
		return items[a]!.timeMs - items[b]!.timeMs || a - b;
	});
}

const range = (from: number, to: number): number[] => Array.from({length: Math.max(0, to - from)}, (_, i) => from + i);

export function buildRows(source: RowSource, sort: MessageSortKey, expanded: ReadonlySet<number>): TimelineRow[] {
	const rows: TimelineRow[] = [];
	for (const group of order(source.groups, range(0, source.groups.length), sort)) {
		rows.push({kind: 'group', group});
		if (!expanded.has(group)) continue;
		const g = source.groups[group]!;
		for (const message of order(source.messages, range(g.startIndex, g.endIndex), sort)) rows.push({kind: 'message', group, message});
	}
	return rows;
}

export function sameRow(a: TimelineRow | undefined, b: TimelineRow | undefined): boolean {
	if (!a || !b || a.kind !== b.kind || a.group !== b.group) return false;
	return a.kind === 'group' || (b.kind === 'message' && a.message === b.message);
}

/** Where a row went after a rebuild; its group's row when the row itself is gone (collapsed). */
export function findRow(rows: readonly TimelineRow[], row: TimelineRow | undefined): number {
	if (!row) return 0;
	const at = rows.findIndex((r) => sameRow(r, row));
	if (at >= 0) return at;
	const group = rows.findIndex((r) => r.kind === 'group' && r.group === row.group);
	return Math.max(0, group);
}
