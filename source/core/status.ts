// Session outcome rules (reference §2.5), kept as the reference has them so figures compare.

import type {Status, ToolCall} from './types.js';

const COMPLETED_STOPS = new Set(['stop', 'end_turn', 'end-turn', 'eos']);
const FAILED_STOPS = new Set(['length', 'max_tokens', 'content_filter', 'tool_use', 'tool_use_response']);

/**
 * Status of a session from its last message (the leaf) and two whole-session facts. A tool error
 * anywhere wins, then git activity (a commit or push means the work landed), then the leaf: a
 * session that ends on a non-assistant message was abandoned; otherwise the stop reason decides.
 */
export function determineStatus(
	leafRole: string,
	leafStopReason: string,
	anyToolError: boolean,
	anyGitActivity: boolean,
): Status {
	if (anyToolError) return 'failed';
	if (anyGitActivity) return 'completed';
	if (leafRole.trim().toLowerCase() !== 'assistant') return 'abandoned';
	const stop = leafStopReason.trim().toLowerCase();
	if (COMPLETED_STOPS.has(stop)) return 'completed';
	if (FAILED_STOPS.has(stop)) return 'failed';
	if (stop === '') return 'unknown';
	if (stop.includes('error')) return 'failed';
	return 'unknown';
}

function commandOf(args: unknown): string {
	if (args === null || typeof args !== 'object' || Array.isArray(args)) return '';
	const command = (args as Record<string, unknown>)['command'];
	return typeof command === 'string' ? command : '';
}

/**
 * True when a Claude Code `Bash` call (tool name exactly `Bash`) runs `git commit` or `git push`.
 * Other tools that merely mention git do not count.
 */
export function hasGitActivity(calls: readonly ToolCall[]): boolean {
	return calls.some((call) => {
		if (call.name !== 'Bash') return false;
		const command = commandOf(call.args).toLowerCase();
		return command.includes('git commit') || command.includes('git push');
	});
}

/** A group's status: failed beats abandoned beats completed; nothing counted is unknown. */
export function summarizeGroupStatus(counts: Partial<Record<Status, number>>): Status {
	for (const status of ['failed', 'abandoned', 'completed'] as const) {
		if ((counts[status] ?? 0) > 0) return status;
	}
	return 'unknown';
}
