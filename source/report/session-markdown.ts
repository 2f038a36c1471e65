// A session as Markdown, what `show --md` prints and the Timeline's `e` writes: a heading, the figures of
// the Timeline header (cost and where it comes from, tokens with cache, sub-sessions, facet, pace), then
// every message as its detail pane shows it (report/markdown-message.ts).
import {COST_SOURCE_NOTES} from '../core/cost.js';
import {formatCostFine, formatDuration, groupDigits} from '../core/format.js';
import {sanitizeLine} from '../core/sanitize.js';
import {sessionFacet, type StoredFacet} from '../facets/facet-lookup.js';
import type {Workspace} from '../workspace/open-workspace.js';
import type {SessionDetail} from '../workspace/session-detail.js';
import {describePriceLayers} from '../core/pricing.js';
import {code, messageMarkdown} from './markdown-message.js';
import {localTime} from './sessions-report.js';
import {pushAll} from '../core/numbers.js';

export interface MarkdownContext {
	timeZone: string;
	/** The price table's name, said after a computed cost as the Timeline header says it. */
	pricingSource: string;
	facet: StoredFacet | null;
}

const plural = (n: number, one: string, many: string) => `${groupDigits(n)} ${n === 1 ? one : many}`;
const words = (v: string) => v.replace(/_/g, ' ');

function costLine(d: SessionDetail, pricingSource: string): string {
	const s = d.summary;
	const note = s.totalCost === null || s.costSource === 'recorded' ? COST_SOURCE_NOTES[s.costSource]
		: `${COST_SOURCE_NOTES[s.costSource]}, ${sanitizeLine(describePriceLayers(d.notes?.priceSource ?? '', pricingSource))}`;
	return `- **Cost:** ${formatCostFine(s.totalCost)} · **Cost source:** ${s.costSource} (${note})`;
}

function tokensLine(d: SessionDetail): string {
	const s = d.summary;
	const priced = d.messages.filter((m) => m.cacheSavingUsd !== null);
	const saved = s.cacheReadTokens && priced.length ? ` · saved ${formatCostFine(priced.reduce((a, m) => a + m.cacheSavingUsd!, 0))}` : '';
	return `- **Tokens:** ${groupDigits(s.inputTokens)} in · ${groupDigits(s.outputTokens)} out · ` +
		`**Cache:** ${groupDigits(s.cacheReadTokens)} read · ${groupDigits(s.cacheWriteTokens)} written${saved}`;
}

function facetLine(f: StoredFacet | null): string[] {
	if (!f) return [];
	const by = `${f.heuristic ? 'heuristic' : sanitizeLine(f.model)}${f.current ? '' : ', stale'}`;
	return [`- **Facet:** ${words(f.facet.goalCategory)} · ${words(f.facet.outcome)} · ${words(f.facet.sessionType)} · ` +
		`${sanitizeLine(f.facet.briefSummary)} (${by})`];
}

function analyticsLines(d: SessionDetail): string[] {
	const a = d.analytics;
	return [
		`- **Pace:** ${a.userMessages} user · ${a.assistantMessages} assistant · avg response ${formatDuration(a.avgResponseTimeMs)} · ` +
			`longest pause ${formatDuration(a.longestPauseMs)} · ${groupDigits(a.tokensPerMinute)} tok/min`,
		`- **Tools:** ${a.uniqueTools} unique · ${a.toolErrors} with errors · avg prompt ${groupDigits(a.avgPromptLength)} chars · ` +
			`avg response ${groupDigits(a.avgResponseLength)} chars`,
	];
}

/** The whole document; pure, so the CLI and the Timeline give the same bytes for the same inputs. */
export function sessionMarkdown(d: SessionDetail, ctx: MarkdownContext): string {
	return sessionMarkdownLines(d, ctx).text;
}

/** The line count of lines joined with '\n' (a line may hold several). */
const linesIn = (parts: readonly string[]) => parts.reduce((n, p) => n + 1 + (p.match(/\n/g)?.length ?? 0), 0);

/**
 * The document, and the line (1-based) of each message's heading: where `o`/`v` on the Timeline open it.
 * `headings[i]` is message i's, in the order of `d.messages`.
 */
export function sessionMarkdownLines(d: SessionDetail, ctx: MarkdownContext): {text: string; headings: number[]} {
	const s = d.summary;
	const out = [
		`# ${sanitizeLine(s.label) || '(no label)'}`,
		'',
		`- **Session:** ${code(s.id)} (${s.source}) · **Status:** ${s.status}${d.notes?.statusReason ? ` (${sanitizeLine(d.notes.statusReason)})` : ''}`,
		`- **Project:** ${sanitizeLine(s.project) || '—'} · **Agent:** ${sanitizeLine(s.agent) || '—'} · **Models:** ${s.models.map(sanitizeLine).join(', ') || '—'}`,
		`- **Started:** ${localTime(s.startMs, ctx.timeZone)} (${ctx.timeZone}) · **Duration:** ${formatDuration(s.durationMs)}`,
		`- **Messages:** ${groupDigits(s.messageCount)} in ${plural(d.groups.length, 'group', 'groups')} · **Tool calls:** ${groupDigits(s.toolCalls)}` +
			` · **Sub-sessions:** ${groupDigits(d.subSessions.length)}`,
		...(s.parentId ? [`- **Parent session:** ${code(s.parentId)}`] : []),
		costLine(d, ctx.pricingSource),
		tokensLine(d),
		...facetLine(ctx.facet),
		...analyticsLines(d),
	];
	if (d.bodyError) out.push('', `> **Note:** message text unavailable: ${sanitizeLine(d.bodyError)}`);
	if (d.subSessions.length) {
		out.push('', '## Sub-sessions', '');
		for (const c of d.subSessions) {
			out.push(`- ${code(c.id)} ${sanitizeLine(c.label) || '(no label)'} · ${sanitizeLine(c.agent) || '—'} · ` +
				`${plural(c.messageCount, 'message', 'messages')} · ${formatCostFine(c.totalCost)}`);
		}
	}
	out.push('', '## Messages');
	const headings: number[] = [];
	let line = linesIn(out);
	d.messages.forEach((m, i) => {
		const lines = messageMarkdown(m, i, ctx.timeZone);
		// Each message's Markdown opens with a blank line, then its heading.
		headings.push(line + 2);
		line += linesIn(lines);
		pushAll(out, lines);
	});
	return {text: out.join('\n') + '\n', headings};
}

/** The session's Markdown with its facet and the workspace's price table: the one entry both callers use. */
export function workspaceSessionMarkdown(ws: Workspace, d: SessionDetail, timeZone: string): string {
	return sessionMarkdown(d, workspaceContext(ws, d, timeZone));
}

export function workspaceContext(ws: Workspace, d: SessionDetail, timeZone: string): MarkdownContext {
	return {timeZone, pricingSource: ws.pricing.source, facet: sessionFacet(ws, d.summary.id)};
}
