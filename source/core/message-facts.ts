// Per-message facts the index stores, so a session can be re-summarized (after a pricing change, or
// when a branch grows) without re-reading or re-parsing message bodies. Messages are immutable, so a
// message's facts are computed once.

import {firstLabelLine, labelText} from './labels.js';
import {normalizeModel} from './models.js';
import {hasGitActivity} from './status.js';
import type {CanonicalMessage, ToolResult, Usage} from './types.js';

/**
 * Characters of a prompt's first line stored for labels: the whole line as a person types it. Past this
 * it is pasted content (a log, a minified file), which would bloat every summary and export.
 */
export const LABEL_LINE_KEEP = 500;

/** The first n code points (never half a character). */
function keepChars(text: string, n: number): string {
	return text.length <= n ? text : Array.from(text).slice(0, n).join('');
}

export interface MessageFacts {
	id: string;
	parentId: string | null;
	role: string;
	/** Normalized model; a message without one carries the last model seen before it. */
	model: string;
	provider: string;
	agent: string;
	project: string;
	timestamp: number;
	usage: Usage;
	stopReason: string;
	/** Names of the tool calls, empty names dropped. */
	toolNames: string[];
	toolCallCount: number;
	/** Tool results flagged as errors or carrying error text (declined calls are not errors). */
	toolErrorCount: number;
	/** Tool calls the user declined (absent: none). */
	toolRejectionCount?: number;
	/**
	 * Each tool result's tool name and outcome, in order: what tells a recovered error from a lasting one.
	 * Absent (facts stored before outcomes were kept): every error counts as a lasting one.
	 */
	toolOutcomes?: ToolOutcomeFact[];
	gitActivity: boolean;
	/** firstLabelLine(labelText(text)) for user messages, else ''. */
	labelLine: string;
	recordedCostUsd: number | null;
}

/** What a Timeline row shows before the bodies are read: the index keeps it for every message, slim ones too. */
export type OutlineFacts = Pick<MessageFacts, 'id' | 'role' | 'model' | 'timestamp' | 'usage' | 'toolNames' | 'recordedCostUsd'>;

/** 0 = succeeded, 1 = failed, 2 = declined by the user. */
export type ToolOutcomeFact = [tool: string, outcome: 0 | 1 | 2];

const failedResult = (r: ToolResult) => !r.declined && (r.isError || r.error.trim() !== '');

export function messageFacts(m: CanonicalMessage, carriedModel: string): MessageFacts {
	return {
		id: m.id,
		parentId: m.parentId,
		role: m.role,
		model: normalizeModel(m.model) || normalizeModel(carriedModel),
		provider: m.provider,
		agent: m.agent,
		project: m.project,
		timestamp: m.timestamp,
		usage: {...m.usage},
		stopReason: m.stopReason,
		toolNames: m.toolCalls.map((call) => call.name).filter((name) => name !== ''),
		toolCallCount: m.toolCalls.length,
		toolErrorCount: m.toolResults.filter(failedResult).length,
		toolRejectionCount: m.toolResults.filter((r) => r.declined).length,
		toolOutcomes: m.toolResults.map((r): ToolOutcomeFact => [r.name, r.declined ? 2 : failedResult(r) ? 1 : 0]),
		gitActivity: hasGitActivity(m.toolCalls),
		// Labels show 36 characters of the last three lines, so the index keeps only the start of each.
		labelLine: m.role === 'user' ? keepChars(firstLabelLine(labelText(m.text)), LABEL_LINE_KEEP) : '',
		recordedCostUsd: m.recordedCost ? m.recordedCost.totalUsd : null,
	};
}

/**
 * Facts for messages in chronological order, carrying the model forward from one message to the next
 * (the reference prices a model-less assistant turn with the model named earlier in the chain).
 */
export function messageFactsInOrder(messages: readonly CanonicalMessage[], initialModel = ''): MessageFacts[] {
	let carried = initialModel;
	return messages.map((m) => {
		const facts = messageFacts(m, carried);
		carried = facts.model;
		return facts;
	});
}
