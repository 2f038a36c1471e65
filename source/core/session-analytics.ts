// Per-session analytics (reference §2.13): message counts, pacing, tools and prompt sizes.

import {firstLabelLine, labelText, truncate} from './labels.js';

const FIRST_PROMPT_LENGTH = 200;

export interface AnalyticsRow {
	role: string;
	timestamp: number;
	inputTokens: number;
	outputTokens: number;
	/** Display text (message-text.ts displayText). */
	text: string;
	toolCalls: string[];
	/** The message carries at least one errored tool result. */
	toolError: boolean;
}

export interface SessionAnalytics {
	userMessages: number;
	assistantMessages: number;
	/** Mean gap before each assistant message (not counting a first message). */
	avgResponseTimeMs: number;
	longestPauseMs: number;
	uniqueTools: number;
	/** Messages with at least one errored tool result. */
	toolErrors: number;
	tokensPerMinute: number;
	/** Mean text length in characters (code points), rounded down. */
	avgPromptLength: number;
	avgResponseLength: number;
	firstPrompt: string;
}

export interface ToolCount {
	name: string;
	count: number;
}

const chars = (s: string): number => Array.from(s).length;
const meanFloor = (values: readonly number[]): number =>
	values.length === 0 ? 0 : Math.floor(values.reduce((a, b) => a + b, 0) / values.length);

/** Calls per tool name, most used first (ties by name), empty names dropped. */
export function toolFrequency(rows: readonly {toolCalls: readonly string[]}[]): ToolCount[] {
	const counts = new Map<string, number>();
	for (const row of rows) for (const name of row.toolCalls) if (name !== '') counts.set(name, (counts.get(name) ?? 0) + 1);
	return [...counts]
		.map(([name, count]) => ({name, count}))
		.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The first user prompt that yields a label line, cut to 200 characters ('' when none does). */
function firstPromptOf(rows: readonly AnalyticsRow[]): string {
	for (const row of rows) {
		if (row.role !== 'user' || row.text.trim() === '') continue;
		const line = firstLabelLine(labelText(row.text));
		if (line !== '') return truncate(line, FIRST_PROMPT_LENGTH);
	}
	return '';
}

/**
 * Analytics over a session's messages. Rows are put in time order first (stable), so gaps are never
 * negative even when a source wrote them out of order.
 */
export function buildSessionAnalytics(input: readonly AnalyticsRow[]): SessionAnalytics {
	const rows = [...input].sort((a, b) => a.timestamp - b.timestamp);
	const users = rows.filter((r) => r.role === 'user');
	const assistants = rows.filter((r) => r.role === 'assistant');

	let longestPauseMs = 0;
	const responseGaps: number[] = [];
	rows.forEach((row, i) => {
		const prev = rows[i - 1];
		if (!prev) return;
		const gap = row.timestamp - prev.timestamp;
		longestPauseMs = Math.max(longestPauseMs, gap);
		if (row.role === 'assistant') responseGaps.push(gap);
	});

	const first = rows[0];
	const last = rows.at(-1);
	const spanMs = first && last ? last.timestamp - first.timestamp : 0;
	const tokens = rows.reduce((sum, r) => sum + r.inputTokens + r.outputTokens, 0);

	return {
		userMessages: users.length,
		assistantMessages: assistants.length,
		avgResponseTimeMs: responseGaps.length === 0 ? 0 : responseGaps.reduce((a, b) => a + b, 0) / responseGaps.length,
		longestPauseMs,
		uniqueTools: toolFrequency(rows).length,
		toolErrors: rows.filter((r) => r.toolError).length,
		tokensPerMinute: rows.length >= 2 && spanMs > 0 ? tokens / (spanMs / 60_000) : 0,
		avgPromptLength: meanFloor(users.map((r) => chars(r.text))),
		avgResponseLength: meanFloor(assistants.map((r) => chars(r.text))),
		firstPrompt: firstPromptOf(rows),
	};
}
