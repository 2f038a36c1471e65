// The part of a canonical message the index keeps as JSON in `messages.body` for transcript sources
// (their files may be gone later: Claude Code deletes transcripts after 30 days). Empty fields are left
// out, and long texts are capped, so a 1 GB transcript does not become a 1 GB index.
import type {CanonicalMessage} from '../core/types.js';

export type MessageBody = Pick<CanonicalMessage, 'text' | 'toolCalls' | 'toolResults' | 'validations' | 'latencyMs' | 'recordedCost' | 'meta'>;

/** Longest text kept per message text or tool result, in UTF-16 units. */
export const BODY_TEXT_CAP = 32_000;

export function capText(text: string, cap = BODY_TEXT_CAP): string {
	return text.length <= cap ? text : `${text.slice(0, cap)}\n… [${(text.length - cap).toLocaleString('en-US')} more characters not kept]`;
}

interface StoredBody {
	t?: string;
	c?: CanonicalMessage['toolCalls'];
	r?: CanonicalMessage['toolResults'];
	v?: CanonicalMessage['validations'];
	l?: number;
	k?: CanonicalMessage['recordedCost'];
	m?: CanonicalMessage['meta'];
}

export function encodeBody(m: MessageBody): string {
	const b: StoredBody = {};
	if (m.text !== '') b.t = capText(m.text);
	if (m.toolCalls.length) b.c = m.toolCalls;
	if (m.toolResults.length) b.r = m.toolResults.map((r) => ({...r, content: capText(r.content), error: capText(r.error)}));
	if (m.validations.length) b.v = m.validations;
	if (m.latencyMs !== null) b.l = m.latencyMs;
	if (m.recordedCost) b.k = m.recordedCost;
	if (m.meta) b.m = m.meta;
	return JSON.stringify(b);
}

export function decodeBody(json: string | null): MessageBody {
	const b = (json ? JSON.parse(json) : {}) as StoredBody;
	return {
		text: b.t ?? '',
		toolCalls: b.c ?? [],
		toolResults: b.r ?? [],
		validations: b.v ?? [],
		latencyMs: b.l ?? null,
		recordedCost: b.k ?? null,
		meta: b.m ?? null,
	};
}
