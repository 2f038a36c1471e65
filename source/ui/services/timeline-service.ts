// The Timeline screen's data over a workspace, in two steps so a long session opens at once: the outline
// (summary, per-message facts and costs, groups: index rows only) draws the first frame; the full detail
// (bodies read from the source, analytics that need the text) follows after it.
import type {Result} from '../../core/time.js';
import {pricingForModel} from '../../core/pricing.js';
import {cacheSavingUsd, messageCost} from '../../core/cost.js';
import {buildGroupedMessages} from '../../core/message-groups.js';
import {sessionFacet} from '../../facets/facet-lookup.js';
import {loadSessionDetail} from '../../workspace/session-detail.js';
import type {OutlineFacts} from '../../core/message-facts.js';
import {subSessionsOf} from '../../workspace/sub-sessions.js';
import type {Workspace} from '../../workspace/open-workspace.js';
import {sessionMarkdownLines, workspaceContext, workspaceSessionMarkdown} from '../../report/session-markdown.js';
import {codexPosition, transcriptPosition} from '../../workspace/transcript-position.js';
import {createFileStateRepo} from '../../store/file-state-repo.js';
import {writeSessionMarkdown} from '../export-markdown.js';
import type {MessagePosition, TimelineMessage, TimelineOutline, TimelineService} from './types.js';

export interface TimelineServiceOptions {
	timeZone: string;
	/** Where `e` writes Markdown files (the user's: by default the directory tapedeck started in). */
	exportDir: string;
	/** Where the Markdown `o`/`v` read is written (tapedeck's own, beside the index: never the user's folder). */
	viewDir: string;
}

export function createTimelineService(ws: Workspace, opts: TimelineServiceOptions): TimelineService {
	const versionOf = ws.store.db.prepare(`SELECT message_count || ':' || end_ms FROM sessions WHERE id = ?`).pluck();

	function messages(facts: readonly OutlineFacts[]): Array<TimelineMessage & {computedCost: number | null}> {
		return facts.map((f, i) => {
			const price = pricingForModel(ws.pricing, f.model);
			const computed = messageCost(price, f.usage);
			// A cost the source recorded (PromptKit cost_info) wins; its split is not in the index, only its total.
			const recorded = f.recordedCostUsd;
			return {
				facts: f,
				deltaMs: i === 0 ? 0 : f.timestamp - facts[i - 1]!.timestamp,
				totalCost: recorded ?? computed?.total ?? null,
				inputCost: recorded === null ? (computed?.input ?? null) : null,
				outputCost: recorded === null ? (computed?.output ?? null) : null,
				costRecorded: recorded !== null,
				computedCost: computed?.total ?? null,
				cacheSavingUsd: price ? cacheSavingUsd(price, f.usage) : null,
			};
		});
	}

	return {
		version: (id) => (versionOf.get(id) as string | undefined) ?? null,
		outline(id): TimelineOutline | null {
			const summary = ws.store.sessions.get(id);
			if (!summary) return null;
			const rows = messages(ws.store.messages.outlineForSession(id));
			const notes = ws.store.sessions.notes(id);
			const groups = buildGroupedMessages(rows.map((m) => ({
				role: m.facts.role,
				timestamp: m.facts.timestamp,
				inputTokens: m.facts.usage.input,
				outputTokens: m.facts.usage.output,
				totalTokens: m.facts.usage.total ?? m.facts.usage.input + m.facts.usage.output,
				inputCost: m.inputCost,
				outputCost: m.outputCost,
				totalCost: m.totalCost,
				toolCalls: m.facts.toolNames,
				// Group text comes from the bodies, which the detail pane reads; the rows need none.
				text: '',
			})));
			return {
				summary,
				messages: rows,
				groups,
				tools: ws.store.sessions.tools(id),
				facet: sessionFacet(ws, id),
				subSessions: subSessionsOf(ws, id),
				...(notes ? {notes} : {}),
				computedCost: computedTotal(rows),
			};
		},
		detail: (id) => loadSessionDetail(ws, id),
		exportMarkdown(id, purpose = 'export'): Result<string> {
			const loaded = loadSessionDetail(ws, id);
			if (!loaded.ok) return loaded;
			return writeSessionMarkdown(loaded.value.summary.id, workspaceSessionMarkdown(ws, loaded.value, opts.timeZone),
				purpose === 'view' ? opts.viewDir : opts.exportDir);
		},
		viewAt(id, messageId): Result<MessagePosition> {
			const summary = ws.store.sessions.get(id);
			if (!summary) return {ok: false, error: 'this session is no longer in the index'};
			if (summary.source === 'claude-code') {
				const roots = ws.sources.filter((s) => s.kind === 'claude-code').map((s) => s.path);
				const at = transcriptPosition(roots, summary, messageId);
				if (at) return {ok: true, value: {...at, transcript: true}};
			}
			if (summary.source === 'codex') {
				const ids = ws.sources.filter((s) => s.kind === 'codex').map((s) => s.id);
				const at = codexPosition(createFileStateRepo(ws.store.db).fileOfSession(ids, id), messageId);
				if (at) return {ok: true, value: {...at, transcript: true}};
			}
			// No transcript file to open (tapes, PostgreSQL, the API, or a file gone): the session as Markdown.
			const loaded = loadSessionDetail(ws, id);
			if (!loaded.ok) return loaded;
			const {text, headings} = sessionMarkdownLines(loaded.value, workspaceContext(ws, loaded.value, opts.timeZone));
			const written = writeSessionMarkdown(loaded.value.summary.id, text, opts.viewDir);
			if (!written.ok) return written;
			const index = loaded.value.messages.findIndex((m) => m.facts.id === messageId);
			return {ok: true, value: {file: written.value, line: index < 0 ? 1 : headings[index]!, transcript: false}};
		},
	};
}

/** The session at tapedeck's prices (as `show` prints it), summed from the messages it could price. */
function computedTotal(rows: ReadonlyArray<{computedCost: number | null}>): number | null {
	let total: number | null = null;
	for (const r of rows) if (r.computedCost !== null) total = (total ?? 0) + r.computedCost;
	return total;
}
