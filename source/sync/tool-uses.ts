// Per-tool call and error counts of one session, from its message facts.
import type {MessageFacts} from '../core/message-facts.js';
import type {ToolUse} from '../store/sessions-repo.js';

/**
 * Tool results rarely name their tool (the tapes proxy keeps only the block type), so an error is charged to
 * the tools of the nearest message at or before it that called any (reference §7: errors were only counted
 * when the result sat in the same node as the call, which almost never happens).
 */
export function toolUses(messages: MessageFacts[]): ToolUse[] {
	const byTool = new Map<string, ToolUse>();
	let lastCalled: string[] = [];
	const ordered = [...messages].sort((a, b) => a.timestamp - b.timestamp || (a.id < b.id ? -1 : 1));
	for (const m of ordered) {
		for (const name of m.toolNames) {
			const use = byTool.get(name) ?? {tool: name, calls: 0, errors: 0};
			use.calls++;
			byTool.set(name, use);
		}
		if (m.toolNames.length > 0) lastCalled = m.toolNames;
		if (m.toolErrorCount > 0) {
			const blamed = lastCalled[lastCalled.length - 1] ?? '(unknown tool)';
			const use = byTool.get(blamed) ?? {tool: blamed, calls: 0, errors: 0};
			use.errors += m.toolErrorCount;
			byTool.set(blamed, use);
		}
	}
	return [...byTool.values()].sort((a, b) => b.calls - a.calls || (a.tool < b.tool ? -1 : 1));
}
