// A tapes node's facts as they cross from the reader thread (tapes-reader-thread.ts) to the sync's thread: one
// flat array per node. Cloning a million facts objects cost the receiving thread 2.7 µs each, twice what flat
// arrays and building the objects again cost (their keys and nested usage are what the clone spends on).
import type {MessageFacts} from '../core/message-facts.js';

/** A node read and mapped: its row in the source and its facts (the model not yet carried from a parent). */
export interface ReadNode {
	rowid: number;
	facts: MessageFacts;
	/** The parent's hash as read: the sync clears facts.parentId when it stores the node (a retried write reads this). */
	parentHash: string | null;
}

export type NodeTuple = [
	rowid: number, id: string, parentId: string | null, role: string, model: string, provider: string, agent: string, project: string,
	timestamp: number, input: number, output: number, cacheWrite: number, cacheWrite1h: number, cacheRead: number, total: number | null,
	stopReason: string, toolNames: string[], toolCallCount: number, toolErrorCount: number, toolRejectionCount: number | undefined,
	toolOutcomes: MessageFacts['toolOutcomes'], gitActivity: boolean, labelLine: string, recordedCostUsd: number | null,
];

export function encodeNode({rowid, facts: f}: Omit<ReadNode, 'parentHash'>): NodeTuple {
	const u = f.usage;
	return [rowid, f.id, f.parentId, f.role, f.model, f.provider, f.agent, f.project, f.timestamp, u.input, u.output, u.cacheWrite, u.cacheWrite1h,
		u.cacheRead, u.total, f.stopReason, f.toolNames, f.toolCallCount, f.toolErrorCount, f.toolRejectionCount, f.toolOutcomes, f.gitActivity,
		f.labelLine, f.recordedCostUsd];
}

export function decodeNode(t: NodeTuple): ReadNode {
	const facts: MessageFacts = {
		id: t[1], parentId: t[2], role: t[3], model: t[4], provider: t[5], agent: t[6], project: t[7], timestamp: t[8],
		usage: {input: t[9], output: t[10], cacheWrite: t[11], cacheWrite1h: t[12], cacheRead: t[13], total: t[14]},
		stopReason: t[15], toolNames: t[16], toolCallCount: t[17], toolErrorCount: t[18], gitActivity: t[21], labelLine: t[22], recordedCostUsd: t[23],
	};
	// Optional fields stay absent when they were (the clone keeps undefined in an array).
	if (t[19] !== undefined) facts.toolRejectionCount = t[19];
	if (t[20] !== undefined) facts.toolOutcomes = t[20];
	return {rowid: t[0], facts, parentHash: t[2]};
}
