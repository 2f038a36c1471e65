// One message of the Markdown export: what the Timeline's detail pane shows for it (figures, text, tool
// calls with arguments, tool results with error and latency, validations), in Markdown that no text from
// the source can break: every string is sanitized, and code spans and fences outgrow any backtick run.
import {COST_SOURCE_NOTES} from '../core/cost.js';
import {formatCostFine, formatDuration, groupDigits} from '../core/format.js';
import {sanitize, sanitizeLine} from '../core/sanitize.js';
import {pad2, zonedParts} from '../core/time.js';
import type {DetailMessage} from '../workspace/session-detail.js';
import {isFoldable, partBody, partHeading} from '../core/content-parts.js';
import {maxOf} from '../core/numbers.js';

const longestTicks = (text: string) => maxOf(Array.from(text.matchAll(/`+/g), (m) => m[0].length), 0);

/** Fences longer than any backtick run inside, so text containing ``` cannot break out of its block. */
export function fence(text: string, lang = ''): string {
	const f = '`'.repeat(Math.max(3, longestTicks(text) + 1));
	return `${f}${lang}\n${text}\n${f}`;
}

/** An inline code span of one sanitized line; padded when it starts or ends with a backtick, as CommonMark asks. */
export function code(text: string): string {
	const line = sanitizeLine(text);
	const ticks = '`'.repeat(longestTicks(line) + 1);
	const pad = /^`|`$/.test(line) ? ' ' : '';
	return `${ticks}${pad}${line}${pad}${ticks}`;
}

/** Message text is Markdown already; a fence it opens and never closes would swallow the rest of the document. */
export function closeFences(text: string): string {
	let open: string | null = null;
	for (const line of text.split('\n')) {
		const run = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
		if (!run) continue;
		if (open === null) open = run;
		else if (run[0] === open[0] && run.length >= open.length && line.trim() === run) open = null;
	}
	return open === null ? text : `${text}\n${open}`;
}

function pretty(value: unknown): string {
	return typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? String(value));
}

const ms = (n: number) => `${groupDigits(n)} ms`;

/** Date and time to the second: messages of one turn are seconds apart. */
function stamp(at: number, timeZone: string): string {
	const p = zonedParts(at, timeZone);
	return `${p.year}-${pad2(p.month)}-${pad2(p.day)} ${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}`;
}

function figures(m: DetailMessage): string[] {
	const u = m.facts.usage;
	const out: string[] = [];
	const about = [m.facts.model ? `**Model:** ${sanitizeLine(m.facts.model)}` : '', m.latencyMs !== null ? `**Latency:** ${ms(m.latencyMs)}` : ''];
	if (about.some(Boolean)) out.push(`- ${about.filter(Boolean).join(' · ')}`);
	const written = u.cacheWrite + u.cacheWrite1h;
	// A prompt, tool result or system line carries no tokens: nothing to count or price.
	if (u.input === 0 && u.output === 0 && u.cacheRead === 0 && written === 0 && !m.costRecorded) return out;
	const cost = m.cost ? `${formatCostFine(m.cost.total)} (${COST_SOURCE_NOTES[m.costRecorded ? 'recorded' : 'computed']})` : 'unpriced';
	out.push(`- **Tokens:** ${groupDigits(u.input)} in · ${groupDigits(u.output)} out · **Cost:** ${cost}`);
	if (u.cacheRead || written) {
		const saved = m.cacheSavingUsd !== null && u.cacheRead ? ` · saved ${formatCostFine(m.cacheSavingUsd)}` : '';
		out.push(`- **Cache:** ${groupDigits(u.cacheRead)} read · ${groupDigits(written)} written${saved}`);
	}
	return out;
}

/** The message's section: a `### n.` heading, its figures, then its text, tools and validations. */
export function messageMarkdown(m: DetailMessage, index: number, timeZone: string): string[] {
	const f = m.facts;
	const gap = m.deltaMs > 0 ? ` · +${formatDuration(m.deltaMs)}` : '';
	const facts = figures(m);
	const out = ['', `### ${index + 1}. ${sanitizeLine(f.role) || '(none)'} · ${stamp(f.timestamp, timeZone)}${gap}`, ...(facts.length ? ['', ...facts] : [])];
	// Thinking and reasoning come first, folded (<details>) as in the Timeline; their text is kept whole.
	for (const p of m.parts ?? []) {
		const body = sanitize(partBody(p)).trim();
		if (isFoldable(p)) out.push('', `<details><summary>${partHeading(p)}</summary>`, '', closeFences(body), '', '</details>');
		else {
			out.push('', `*${sanitizeLine(partHeading(p))}*`);
			if (body) out.push('', closeFences(body));
		}
	}
	// Tool calls and results have their own blocks below; the display text would repeat them (as in the pane).
	const text = sanitize(m.toolCalls.length || m.toolResults.length ? m.blockText : m.text).trim();
	if (text) out.push('', closeFences(text));
	for (const c of m.toolCalls) {
		out.push('', `**Tool call:** ${code(c.name || '(unnamed tool)')}${c.id ? ` · id ${code(c.id)}` : ''}`, '',
			c.args === null || c.args === undefined ? '*(no arguments)*' : fence(sanitize(pretty(c.args)), typeof c.args === 'string' ? '' : 'json'));
	}
	for (const r of m.toolResults) {
		const failed = r.isError || r.error.trim() !== '';
		out.push('', `**Tool result:** ${code(r.name || 'result')} · ${failed ? '**error**' : 'ok'}${r.latencyMs !== null ? ` · ${ms(r.latencyMs)}` : ''}`);
		if (r.error.trim()) out.push('', 'Error:', '', fence(sanitize(r.error)));
		// Sources that flag an error often put its text in both fields; print it once.
		if (r.content.trim() && r.content !== r.error) out.push('', fence(sanitize(r.content)));
	}
	for (const v of m.validations) {
		out.push('', `**Validation:** ${v.passed ? '✓ passed' : '✗ failed'} · ${code(v.validator || '(unnamed validator)')}`);
		if (v.details) out.push('', fence(sanitize(pretty(v.details)), 'json'));
	}
	return out;
}
