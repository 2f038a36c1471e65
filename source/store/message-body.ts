// The part of a canonical message the index keeps as JSON in `messages.body` for transcript sources
// (their files may be gone later: Claude Code deletes transcripts after 30 days). Empty fields are left
// out, and long texts are capped, so a 1 GB transcript does not become a 1 GB index.
import type {CanonicalMessage} from '../core/types.js';

export type MessageBody = Pick<CanonicalMessage, 'text' | 'toolCalls' | 'toolResults' | 'validations' | 'latencyMs' | 'recordedCost' | 'meta' | 'parts'>;

/** Longest message text kept, in UTF-16 units. */
export const BODY_TEXT_CAP = 32_000;
/** Longest tool result kept: whole files read by a tool are most of a transcript's bytes, and a terminal shows a page. */
export const RESULT_TEXT_CAP = 8_000;

/** Cuts a text to `cap`; a text cut before (merged copies of a message) is left as it is. */
export function capText(text: string, cap = BODY_TEXT_CAP): string {
	if (text.length <= cap || text.endsWith(' more characters not kept]')) return text;
	return `${text.slice(0, cap)}\n… [${(text.length - cap).toLocaleString('en-US')} more characters not kept]`;
}

interface StoredBody {
	t?: string;
	c?: CanonicalMessage['toolCalls'];
	r?: CanonicalMessage['toolResults'];
	v?: CanonicalMessage['validations'];
	l?: number;
	k?: CanonicalMessage['recordedCost'];
	m?: CanonicalMessage['meta'];
	/** Thinking, reasoning, notices and unknown blocks (ContentPart), texts capped like `t`. */
	x?: CanonicalMessage['parts'];
}

/** Longest string argument of a tool call kept (a Write's file content, an Edit's strings). */
export const ARG_TEXT_CAP = 4_000;

/** Tool arguments with long top-level strings cut: the call stays readable, the index stays small. */
function capArgs(args: unknown): unknown {
	if (typeof args !== 'object' || args === null || Array.isArray(args)) return args;
	const o = args as Record<string, unknown>;
	let out: Record<string, unknown> | null = null;
	for (const [k, v] of Object.entries(o)) {
		if (typeof v === 'string' && v.length > ARG_TEXT_CAP) (out ??= {...o})[k] = capText(v, ARG_TEXT_CAP);
	}
	return out ?? args;
}

export function encodeBody(m: MessageBody): string {
	const b: StoredBody = {};
	if (m.text !== '') b.t = capText(m.text);
	if (m.toolCalls.length) b.c = m.toolCalls.map((c) => {
		const args = capArgs(c.args);
		return args === c.args ? c : {...c, args};
	});
	if (m.toolResults.length) {
		b.r = m.toolResults.map((r) => (r.content.length <= RESULT_TEXT_CAP && r.error.length <= RESULT_TEXT_CAP ? r
			: {...r, content: capText(r.content, RESULT_TEXT_CAP), error: capText(r.error, RESULT_TEXT_CAP)}));
	}
	if (m.validations.length) b.v = m.validations;
	if (m.latencyMs !== null) b.l = m.latencyMs;
	if (m.recordedCost) b.k = m.recordedCost;
	if (m.meta) b.m = m.meta;
	if (m.parts?.length) b.x = m.parts.map((p) => (p.text.length <= BODY_TEXT_CAP ? p : {...p, text: capText(p.text)}));
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
		...(b.x ? {parts: b.x} : {}),
	};
}
