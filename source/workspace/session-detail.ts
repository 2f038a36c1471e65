// One session with its messages: facts from the index, bodies (text, tool calls, results) from the source.
import {sanitizeLine} from '../core/sanitize.js';
import type {ContentPart, CostBreakdown, SessionSummary, ToolCall, ToolResult, Validation} from '../core/types.js';
import type {MessageFacts} from '../core/message-facts.js';
import type {Result} from '../core/time.js';
import {displayText} from '../core/message-text.js';
import {pricingForModel} from '../core/pricing.js';
import {cacheSavingUsd, messageCost} from '../core/cost.js';
import {buildGroupedMessages, type MessageGroup} from '../core/message-groups.js';
import {buildSessionAnalytics, type SessionAnalytics} from '../core/session-analytics.js';
import type {SessionNotes, ToolUse} from '../store/sessions-repo.js';
import type {Workspace} from './open-workspace.js';
import {readSessionMessages} from './session-messages.js';
import {subSessionsOf} from './sub-sessions.js';

export interface DetailMessage {
	facts: MessageFacts;
	deltaMs: number;
	/** null when the model has no price. */
	cost: CostBreakdown | null;
	/** The cost is the one the source recorded (PromptKit cost_info), not one computed from prices. */
	costRecorded: boolean;
	/** What reading from the cache saved against the full input price; null when the model has no price. */
	cacheSavingUsd: number | null;
	text: string;
	/** The text blocks alone, without the tool output and tool-call lines `text` also shows. */
	blockText: string;
	toolCalls: ToolCall[];
	toolResults: ToolResult[];
	validations: Validation[];
	latencyMs: number | null;
	/** Thinking, reasoning, notices and unknown blocks, in order (absent: none). */
	parts?: ContentPart[];
}

export interface SessionDetail {
	summary: SessionSummary;
	messages: DetailMessage[];
	groups: MessageGroup[];
	analytics: SessionAnalytics;
	tools: ToolUse[];
	/** Its subagents' sessions, oldest first. */
	subSessions: SessionSummary[];
	/** Set when the bodies could not be read (the source is gone or unreadable). */
	bodyError: string | null;
	/** Why it got its status, its declined tool calls and the price layers used (absent for rows written before they were kept). */
	notes?: SessionNotes;
	/** What tapedeck's prices make of the tokens (shown beside a cost the source recorded); null when nothing is priced. */
	computedCost: number | null;
}

function computedCost(ws: Workspace, facts: readonly MessageFacts[]): number | null {
	let total: number | null = null;
	for (const f of facts) {
		const c = messageCost(pricingForModel(ws.pricing, f.model), f.usage);
		if (c) total = (total ?? 0) + c.total;
	}
	return total;
}

export function loadSessionDetail(ws: Workspace, idOrPrefix: string): Result<SessionDetail> {
	const found = ws.store.sessions.find(idOrPrefix);
	if (found.ambiguous) {
		const listed = found.candidates.slice(0, 8).map((s) => `  ${s.id}  ${sanitizeLine(s.label).slice(0, 60)}`);
		const more = found.candidates.length > 8 ? '\n  … and more' : '';
		return {ok: false, error: `session ID "${idOrPrefix}" matches several sessions; give more characters:\n${listed.join('\n')}${more}`};
	}
	if (!found.session) return {ok: false, error: `no session with ID "${idOrPrefix}"`};
	const summary = found.session;
	const {facts, bodies, error} = readSessionMessages(ws, summary);
	const notes = ws.store.sessions.notes(summary.id);
	const messages: DetailMessage[] = facts.map((f, i) => {
		const body = bodies.get(f.id);
		const price = pricingForModel(ws.pricing, f.model);
		return {
			facts: f,
			deltaMs: i === 0 ? 0 : f.timestamp - facts[i - 1]!.timestamp,
			// A cost the source recorded (PromptKit cost_info) is the message's cost, as it is the session's.
			cost: body?.recordedCost ? {input: body.recordedCost.inputUsd, output: body.recordedCost.outputUsd, total: body.recordedCost.totalUsd}
				: messageCost(price, f.usage),
			costRecorded: Boolean(body?.recordedCost),
			cacheSavingUsd: price ? cacheSavingUsd(price, f.usage) : null,
			text: body ? displayText(body) : '',
			blockText: body?.text ?? '',
			toolCalls: body?.toolCalls ?? f.toolNames.map((name) => ({id: '', name, args: null})),
			toolResults: body?.toolResults ?? [],
			validations: body?.validations ?? [],
			latencyMs: body?.latencyMs ?? null,
			parts: body?.parts ?? [],
		};
	});
	const rows = messages.map((m) => ({
		role: m.facts.role,
		timestamp: m.facts.timestamp,
		inputTokens: m.facts.usage.input,
		outputTokens: m.facts.usage.output,
		totalTokens: m.facts.usage.total ?? m.facts.usage.input + m.facts.usage.output,
		inputCost: m.cost?.input ?? null,
		outputCost: m.cost?.output ?? null,
		totalCost: m.cost?.total ?? null,
		toolCalls: m.toolCalls.map((c) => c.name).filter(Boolean),
		text: m.text,
		toolError: m.facts.toolErrorCount > 0,
	}));
	return {
		ok: true,
		value: {
			summary,
			messages,
			groups: buildGroupedMessages(rows),
			analytics: buildSessionAnalytics(rows),
			tools: ws.store.sessions.tools(summary.id),
			subSessions: subSessionsOf(ws, summary.id),
			bodyError: error,
			...(notes ? {notes} : {}),
			computedCost: computedCost(ws, facts),
		},
	};
}
