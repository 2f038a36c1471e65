// Grouping a session's messages into bursts for the timeline (reference §2.11), and message sorting.

/** Consecutive messages of one role this close together form one group. */
export const MESSAGE_GROUP_WINDOW_MS = 5000;
/** Cap on a group's text, in characters (code points; the reference counted bytes). */
export const MAX_GROUPED_TEXT_CHARS = 4000;

export interface GroupInput {
	role: string;
	timestamp: number;
	inputTokens: number;
	outputTokens: number;
	totalTokens: number;
	/** null when the message's model has no price (shown as unpriced, never $0). */
	inputCost: number | null;
	outputCost: number | null;
	totalCost: number | null;
	toolCalls: string[];
	text: string;
}

export interface MessageGroup {
	role: string;
	startMs: number;
	endMs: number;
	/** Gap from the previous group's end (0 for the first). */
	deltaMs: number;
	inputTokens: number;
	outputTokens: number;
	totalTokens: number;
	/** Sum of the members' known costs; null only when no member has one. */
	inputCost: number | null;
	outputCost: number | null;
	totalCost: number | null;
	/** Unique tool names in first-use order. */
	toolCalls: string[];
	text: string;
	count: number;
	/** Half-open range of message indices [startIndex, endIndex). */
	startIndex: number;
	endIndex: number;
}

// A string of at most n UTF-16 units has at most n code points, so most texts skip the Array.from.
const withinCap = (s: string): boolean => s.length <= MAX_GROUPED_TEXT_CHARS || Array.from(s).length <= MAX_GROUPED_TEXT_CHARS;

function firstChars(s: string, n: number): string {
	return Array.from(s).slice(0, n).join('');
}

/** Cut text to 4000 characters plus `...`. */
export function truncateGroupedText(text: string): string {
	return withinCap(text) ? text : `${firstChars(text, MAX_GROUPED_TEXT_CHARS)}...`;
}

/** Append a message's text to its group's, separated by a blank line, within the 4000-character cap. */
export function appendGroupedText(current: string, next: string): string {
	if (next === '') return current;
	if (current === '') return truncateGroupedText(next);
	const used = Array.from(current).length;
	if (used >= MAX_GROUPED_TEXT_CHARS) return current;
	let remaining = MAX_GROUPED_TEXT_CHARS - used;
	if (remaining <= 2) return current;
	remaining -= 2; // the "\n\n" separator
	const piece = Array.from(next).length > remaining ? `${firstChars(next, remaining)}...` : next;
	return `${current}\n\n${piece}`;
}

/** Order-preserving union of tool names, empty names dropped. */
export function mergeToolCalls(current: readonly string[], next: readonly string[]): string[] {
	const out: string[] = [];
	for (const name of [...current, ...next]) if (name !== '' && !out.includes(name)) out.push(name);
	return out;
}

const addCost = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : a + b);

/**
 * Merge consecutive messages with the same role (tool and system are roles of their own) while each
 * starts within 5 s of the group's last message. Messages are taken in the order given.
 */
export function buildGroupedMessages(rows: readonly GroupInput[]): MessageGroup[] {
	const groups: MessageGroup[] = [];
	rows.forEach((row, i) => {
		const last = groups.at(-1);
		if (last && last.role === row.role && row.timestamp - last.endMs <= MESSAGE_GROUP_WINDOW_MS) {
			last.endMs = row.timestamp;
			last.inputTokens += row.inputTokens;
			last.outputTokens += row.outputTokens;
			last.totalTokens += row.totalTokens;
			last.inputCost = addCost(last.inputCost, row.inputCost);
			last.outputCost = addCost(last.outputCost, row.outputCost);
			last.totalCost = addCost(last.totalCost, row.totalCost);
			last.toolCalls = mergeToolCalls(last.toolCalls, row.toolCalls);
			last.text = appendGroupedText(last.text, row.text);
			last.count++;
			last.endIndex = i + 1;
			return;
		}
		groups.push({
			role: row.role,
			startMs: row.timestamp,
			endMs: row.timestamp,
			deltaMs: last ? row.timestamp - last.endMs : 0,
			inputTokens: row.inputTokens,
			outputTokens: row.outputTokens,
			totalTokens: row.totalTokens,
			inputCost: row.inputCost,
			outputCost: row.outputCost,
			totalCost: row.totalCost,
			toolCalls: mergeToolCalls([], row.toolCalls),
			text: truncateGroupedText(row.text),
			count: 1,
			startIndex: i,
			endIndex: i + 1,
		});
	});
	return groups;
}

export type MessageSortKey = 'time' | 'tokens' | 'cost' | 'gap';

/** What sortMessages needs: a time (`timestamp` for messages, `startMs` for groups) and the measures. */
export interface SortableMessage {
	timestamp?: number;
	startMs?: number;
	totalTokens: number;
	totalCost: number | null;
	deltaMs: number;
}

/**
 * Messages (or groups) by time ascending, or by tokens, cost or gap descending. Stable, ties by time;
 * an unpriced cost sorts below every priced one. Returns a new array.
 */
export function sortMessages<T extends SortableMessage>(rows: readonly T[], key: MessageSortKey): T[] {
	const time = (r: T) => r.timestamp ?? r.startMs ?? 0;
	const measure: (r: T) => number =
		key === 'tokens' ? (r) => r.totalTokens
		: key === 'cost' ? (r) => r.totalCost ?? -Infinity
		: key === 'gap' ? (r) => r.deltaMs
		: () => 0;
	return [...rows].sort((a, b) => {
		const ma = measure(a);
		const mb = measure(b);
		if (ma !== mb) return mb > ma ? 1 : -1;
		return time(a) - time(b);
	});
}
