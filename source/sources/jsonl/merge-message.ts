// Merging two copies of one message. Claude Code writes an assistant response as one line per content
// block, each repeating the response's usage as it stood (partial, then final), and resumed or forked
// transcripts repeat whole responses. The merged message has every block once and the largest usage.
import type {CanonicalMessage, Usage} from '../../core/types.js';

export const usageSize = (u: Usage): number => u.input + u.output;

function unionBy<T>(a: readonly T[], b: readonly T[], key: (x: T) => string): T[] {
	if (b.length === 0) return [...a];
	const seen = new Set(a.map(key));
	return [...a, ...b.filter((x) => !seen.has(key(x)))];
}

/** How store/message-body.ts ends a text it cut: such a text is already the most the index keeps. */
const CUT_MARK = ' more characters not kept]';

function joinText(a: string, b: string): string {
	if (b === '' || a.includes(b) || a.endsWith(CUT_MARK)) return a;
	if (a === '' || b.includes(a)) return b;
	return `${a}\n${b}`;
}

/** `a` is the copy seen first; the result keeps its ID and identity fields. */
export function mergeMessages(a: CanonicalMessage, b: CanonicalMessage): CanonicalMessage {
	const bigger = usageSize(b.usage) > usageSize(a.usage);
	return {
		...a,
		model: a.model || b.model,
		timestamp: Math.min(a.timestamp, b.timestamp),
		text: joinText(a.text, b.text),
		toolCalls: unionBy(a.toolCalls, b.toolCalls, (c) => c.id || `${c.name}\u0000${JSON.stringify(c.args)}`),
		toolResults: unionBy(a.toolResults, b.toolResults, (r) => r.id || r.content),
		usage: bigger ? {...b.usage} : a.usage,
		// A later copy knows how the response ended; an earlier partial one does not.
		stopReason: b.stopReason || a.stopReason,
		latencyMs: a.latencyMs ?? b.latencyMs,
		recordedCost: a.recordedCost ?? b.recordedCost,
		validations: a.validations.length ? a.validations : b.validations,
		meta: a.meta || b.meta ? {...(b.meta ?? {}), ...(a.meta ?? {})} : null,
		...(a.parts?.length || b.parts?.length ? {parts: unionBy(a.parts ?? [], b.parts ?? [], (p) => `${p.kind}\u0000${p.text}\u0000${p.size ?? ''}`)} : {}),
	};
}
