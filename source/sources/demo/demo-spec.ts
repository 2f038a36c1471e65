// The shape the demo sessions are written in before they become tapes nodes. Times are relative
// (to the session start, and the start to "now"), so the specs are constants and the seed is
// deterministic for a given `now`.
import type { ContentBlock } from '../tapes/content-block.js';

export interface DemoNodeSpec {
	role: 'user' | 'assistant' | 'tool';
	/** Milliseconds after the session start (may carry a sub-millisecond fraction). */
	atMs: number;
	blocks: ContentBlock[];
	model: string;
	provider: string;
	promptTokens: number | null;
	completionTokens: number | null;
	cacheCreation: number | null;
	cacheRead: number | null;
	/** '' when the node has none (request nodes, the reference's non-leaf nodes). */
	stopReason: string;
	totalDurationMs: number | null;
	promptDurationMs: number | null;
	/** Index of the parent node in the session; the previous node when absent, -1 for a root. */
	parent?: number;
}

export interface DemoSessionSpec {
	/** Short name for tests and docs ("code review"); not written anywhere. */
	name: string;
	/** How long before `now` the session starts. */
	startAgoMs: number;
	project: string;
	/** agent_name; null leaves the column NULL. */
	agentName: string | null;
	nodes: DemoNodeSpec[];
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

export const textBlock = (text: string): ContentBlock => ({ type: 'text', text });

export function toolUseBlock(name: string, input: unknown, id?: string): ContentBlock {
	const block: ContentBlock = { type: 'tool_use', tool_name: name, tool_input: input };
	if (id !== undefined) block.tool_use_id = id;
	return block;
}

export function toolResultBlock(output: string, isError: boolean, answers?: string): ContentBlock {
	const block: ContentBlock = { type: 'tool_result', tool_output: output };
	if (answers !== undefined) block.tool_result_id = answers;
	// is_error is omitempty in tapes: only an error writes it.
	if (isError) block.is_error = true;
	return block;
}

/** Parent index of node `i` as the spec means it. */
export function parentIndex(spec: DemoSessionSpec, i: number): number {
	return spec.nodes[i]?.parent ?? i - 1;
}
