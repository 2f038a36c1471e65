// A session as Markdown: a heading, its figures, then every message with its tool calls and results.
import {formatCost, formatDuration, formatTokens} from '../core/format.js';
import {sanitize, sanitizeLine} from '../core/sanitize.js';
import type {SessionDetail} from '../workspace/session-detail.js';
import {localTime} from './sessions-report.js';

/** Fences longer than any backtick run inside, so text containing ``` cannot break out of its block. */
function fence(text: string, lang = ''): string {
	const longest = Math.max(2, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
	const f = '`'.repeat(longest + 1);
	return `${f}${lang}\n${text}\n${f}`;
}

export function sessionMarkdown(d: SessionDetail, timeZone: string): string {
	const s = d.summary;
	const out = [
		`# ${sanitizeLine(s.label)}`,
		'',
		`- **Session:** \`${s.id}\` (${s.source})`,
		`- **Project:** ${sanitizeLine(s.project) || '—'} · **Agent:** ${sanitizeLine(s.agent) || '—'}`,
		`- **Models:** ${s.models.map(sanitizeLine).join(', ') || '—'}`,
		`- **Status:** ${s.status}`,
		`- **Started:** ${localTime(s.startMs, timeZone)} (${timeZone}) · **Duration:** ${formatDuration(s.durationMs)}`,
		`- **Tokens:** ${formatTokens(s.inputTokens)} in / ${formatTokens(s.outputTokens)} out` +
			(s.cacheReadTokens || s.cacheWriteTokens ? ` · cache ${formatTokens(s.cacheReadTokens)} read / ${formatTokens(s.cacheWriteTokens)} write` : ''),
		`- **Cost:** ${formatCost(s.totalCost)} (${s.costSource})`,
		`- **Messages:** ${s.messageCount} · **Tool calls:** ${s.toolCalls}`,
		'',
		'## Messages',
	];
	d.messages.forEach((m, i) => {
		const f = m.facts;
		out.push('', `### ${i + 1}. ${f.role} · ${localTime(f.timestamp, timeZone)}` +
			` · ${formatTokens(f.usage.input + f.usage.output)} tokens · ${formatCost(m.cost?.total ?? null)}`);
		if (m.text) out.push('', sanitize(m.text));
		for (const c of m.toolCalls) {
			out.push('', `**Tool call:** \`${sanitizeLine(c.name)}\``, '', fence(sanitize(JSON.stringify(c.args, null, 2) ?? 'null'), 'json'));
		}
		for (const r of m.toolResults) {
			out.push('', `**Tool result${r.isError ? ' (error)' : ''}:**`, '', fence(sanitize(r.isError && r.error ? r.error : r.content)));
		}
	});
	return out.join('\n') + '\n';
}
