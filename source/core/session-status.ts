// Why a session got its status. tapes data keeps the reference's rule (any tool error fails the session;
// its demo figures depend on it). Transcripts get one that holds on real sessions: a declined call is
// friction, not an error; an error that a later call of the same tool recovers from does not fail the
// session; an error no later call recovered from does.
import type {MessageFacts} from './message-facts.js';
import {determineStatus} from './status.js';
import type {SourceKind, Status} from './types.js';

export interface StatusVerdict {
	status: Status;
	reason: string;
	/** Tool calls the user declined. */
	rejections: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function leafReason(status: Status, leaf: MessageFacts): string {
	if (status === 'abandoned') return `ended on a ${leaf.role || 'message'} message with no answer after it`;
	const stop = leaf.stopReason.trim();
	if (stop === '') return 'the last answer has no stop reason';
	return status === 'failed' ? `the last answer stopped with "${stop}"` : `the last answer ended with "${stop}"`;
}

/** The status and its reason; `messages` are in time order and not empty. */
export function sessionStatus(source: SourceKind, messages: readonly MessageFacts[]): StatusVerdict {
	const last = messages[messages.length - 1]!;
	const anyGit = messages.some((m) => m.gitActivity);
	const rejections = messages.reduce((a, m) => a + (m.toolRejectionCount ?? 0), 0);
	const errors = messages.reduce((a, m) => a + m.toolErrorCount, 0);
	const declined = rejections > 0 ? `; ${plural(rejections, 'tool call')} declined by the user` : '';
	if (source === 'tapes') {
		const status = determineStatus(last.role, last.stopReason, errors > 0, anyGit);
		const reason = errors > 0 ? `${plural(errors, 'tool error')} (any tool error fails a tapes session)`
			: anyGit ? 'committed or pushed with git' : leafReason(status, last);
		return {status, reason, rejections};
	}
	// Tools whose last outcome was an error, with how many errors are still unrecovered.
	const lasting = new Map<string, number>();
	for (const m of messages) {
		for (const [tool, outcome] of m.toolOutcomes ?? Array.from({length: m.toolErrorCount}, (): [string, 1] => ['', 1])) {
			if (outcome === 1) lasting.set(tool, (lasting.get(tool) ?? 0) + 1);
			else if (outcome === 0) lasting.delete(tool);
		}
	}
	if (lasting.size > 0) {
		const tools = [...lasting.keys()].map((t) => t || 'a tool').join(', ');
		return {status: 'failed', reason: `${tools} failed and no later call of ${lasting.size === 1 ? 'it' : 'them'} succeeded${declined}`, rejections};
	}
	// Harness lines after the last exchange (a /clear's output, a compaction marker) do not end a conversation.
	const leaf = [...messages].reverse().find((m) => m.role !== 'system') ?? last;
	const recovered = errors > 0 ? `; ${plural(errors, 'tool error')}, all recovered` : '';
	// Transcripts often keep no stop reason on the final line; an answer that calls no tool ended its turn.
	const endedTurn = leaf.role === 'assistant' && leaf.stopReason.trim() === '' && leaf.toolCallCount === 0;
	const status = endedTurn ? 'completed' : determineStatus(leaf.role, leaf.stopReason, false, anyGit);
	const why = anyGit ? 'committed or pushed with git' : endedTurn ? 'the last answer calls no tool, so the turn ended' : leafReason(status, leaf);
	return {status, reason: `${why}${recovered}${declined}`, rejections};
}
