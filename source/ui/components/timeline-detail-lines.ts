// The detail pane's lines for the selected group or message: figures, then each message's text, tool
// calls (arguments pretty-printed), tool results (error flag, error text, latency) and validations.
// Every string from the source goes through the sanitizer; wrapping is by display width.
import {COST_SOURCE_NOTES} from '../../core/cost.js';
import {formatCost, formatDuration, formatTokens} from '../../core/format.js';
import {sanitize, sanitizeLine} from '../../core/sanitize.js';
import type {TimelineOutline} from '../services/types.js';
import type {DetailMessage} from '../../workspace/session-detail.js';
import type {Segment} from './segments.js';
import {wrapText} from '../text-fit.js';
import {clockTime, roleLabel} from './timeline-format.js';
import {isFoldable, partBody, partHeading} from '../../core/content-parts.js';

/** Messages of one group shown in full; more are one Enter away (expanded, each row has its own detail). */
const MAX_MESSAGES = 20;
/** Characters of one text shown; the export has them all. */
const MAX_TEXT = 20_000;

function capped(text: string): string {
	return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT)}\n… ${text.length - MAX_TEXT} more characters (e exports all of it)`;
}

function pretty(args: unknown): string {
	if (args === null || args === undefined) return '(no arguments)';
	if (typeof args === 'string') return args;
	return JSON.stringify(args, null, 2) ?? String(args);
}

export interface DetailInput {
	outline: TimelineOutline;
	/** Bodies by message index; null while they load. */
	bodies: readonly DetailMessage[] | null;
	bodyError: string | null;
	/** The selected row: a group, or one message of it. */
	group: number;
	message: number | null;
	timeZone: string;
	width: number;
	/** Thinking and reasoning in full; folded to a line each when false. */
	thinking?: boolean;
}

export function detailLines(p: DetailInput): Segment[][] {
	const out: Segment[][] = [];
	const add = (text: string, token?: Segment['token']) => {
		for (const line of wrapText(text, p.width)) out.push([token ? {text: line, token} : {text: line}]);
	};
	const g = p.outline.groups[p.group];
	if (!g) return out;
	const from = p.message ?? g.startIndex;
	const to = p.message === null ? g.endIndex : p.message + 1;
	const members = p.outline.messages.slice(from, to);
	const sum = (f: (m: (typeof members)[number]) => number) => members.reduce((a, m) => a + f(m), 0);
	const priced = members.filter((m) => m.totalCost !== null);
	const saving = members.some((m) => m.cacheSavingUsd !== null) ? sum((m) => m.cacheSavingUsd ?? 0) : null;
	const cacheRead = sum((m) => m.facts.usage.cacheRead);
	const role = p.message === null ? roleLabel(g.role, g.count) : roleLabel(members[0]!.facts.role, 1);

	add(`${role} · ${to - from > 1 ? `messages ${from + 1}–${to}` : `message ${from + 1}`}`, 'title');
	const start = members[0]!.facts.timestamp;
	const end = members.at(-1)!.facts.timestamp;
	const gap = p.message === null ? g.deltaMs : members[0]!.deltaMs;
	add(`${clockTime(start, p.timeZone)}${end > start ? ` – ${clockTime(end, p.timeZone)}` : ''}${gap > 0 ? `  (+${formatDuration(gap)})` : ''}`, 'muted');
	add(`tokens ${formatTokens(sum((m) => m.facts.usage.input))} in · ${formatTokens(sum((m) => m.facts.usage.output))} out`);
	if (cacheRead || sum((m) => m.facts.usage.cacheWrite + m.facts.usage.cacheWrite1h)) {
		add(`cache ${formatTokens(cacheRead)} read · ${formatTokens(sum((m) => m.facts.usage.cacheWrite + m.facts.usage.cacheWrite1h))} written` +
			(saving !== null && cacheRead ? ` · saved ${formatCost(saving)}` : ''), 'good');
	}
	const recorded = members.some((m) => m.costRecorded);
	add(`cost ${priced.length ? formatCost(priced.reduce((a, m) => a + m.totalCost!, 0)) : 'unpriced'}` +
		(priced.length ? ` (${COST_SOURCE_NOTES[recorded ? 'recorded' : 'computed']}${priced.length < members.length ? ', part unpriced' : ''})` : ''),
		priced.length ? 'cost' : 'unpriced');
	const tools = p.message === null ? g.toolCalls : members[0]!.facts.toolNames;
	if (tools.length) add(`tools ${tools.map(sanitizeLine).join(', ')}`, 'warn');

	if (p.bodyError) {
		out.push([]);
		add(`text unavailable: ${sanitizeLine(p.bodyError)}`, 'bad');
		return out;
	}
	if (!p.bodies) {
		out.push([]);
		add('loading the text…', 'muted');
		return out;
	}
	for (let i = from; i < Math.min(to, from + MAX_MESSAGES); i++) messageLines(p.bodies[i], i, p, add, out);
	if (to - from > MAX_MESSAGES) {
		out.push([]);
		add(`… ${to - from - MAX_MESSAGES} more messages: Enter lists them one by one`, 'muted');
	}
	return out;
}

type Add = (text: string, token?: Segment['token']) => void;

function messageLines(m: DetailMessage | undefined, i: number, p: DetailInput, add: Add, out: Segment[][]): void {
	if (!m) return;
	out.push([{text: '─'.repeat(Math.max(1, p.width)), token: 'rule'}]);
	const latency = m.latencyMs !== null ? ` · took ${formatDuration(m.latencyMs)}` : '';
	add(`#${i + 1} ${m.facts.role} · ${clockTime(m.facts.timestamp, p.timeZone)}${m.facts.model ? ` · ${sanitizeLine(m.facts.model)}` : ''}${latency}`, 'label');
	for (const part of m.parts ?? []) {
		const body = sanitize(capped(partBody(part))).trim();
		if (isFoldable(part) && !p.thinking) {
			const n = body.split('\n').length;
			add(`▸ ${partHeading(part)} · ${n} ${n === 1 ? 'line' : 'lines'} · t unfolds`, 'muted');
			continue;
		}
		add(`${isFoldable(part) ? '▾ ' : ''}${sanitizeLine(partHeading(part))}`, part.kind === 'aborted' ? 'warn' : 'muted');
		if (body) add(body, 'muted');
	}
	// Tool output and calls have their own lines below; the display text would repeat them.
	const text = sanitize(capped(m.toolCalls.length || m.toolResults.length ? m.blockText : m.text)).trim();
	if (text) add(text);
	for (const c of m.toolCalls) {
		add(`→ ${sanitizeLine(c.name) || '(unnamed tool)'}${c.id ? `  ${sanitizeLine(c.id)}` : ''}`, 'warn');
		add(sanitize(capped(pretty(c.args))), 'muted');
	}
	for (const r of m.toolResults) {
		const failed = r.isError || r.error.trim() !== '';
		add(`← ${sanitizeLine(r.name) || 'result'}${failed ? ' · ERROR' : ' · ok'}${r.latencyMs !== null ? ` · ${r.latencyMs} ms` : ''}`, failed ? 'bad' : 'good');
		if (r.error.trim()) add(sanitize(capped(r.error)), 'bad');
		// Sources that flag an error often put its text in both fields; show it once.
		if (r.content.trim() && r.content !== r.error) add(sanitize(capped(r.content)));
	}
	for (const v of m.validations) {
		add(`${v.passed ? '✓ passed' : '✗ failed'} · ${sanitizeLine(v.validator)}`, v.passed ? 'good' : 'bad');
		if (v.details && !v.passed) add(sanitize(capped(pretty(v.details))), 'muted');
	}
}
