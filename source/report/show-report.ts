// `tapedeck show <id>`: one session as text, JSON (with grouped messages and tool calls) or Markdown.
import {toJson} from './json.js';
import type {Result} from '../core/time.js';
import {formatCost, formatDuration, formatTokens} from '../core/format.js';
import {sanitize, sanitizeLine} from '../core/sanitize.js';
import type {Workspace} from '../workspace/open-workspace.js';
import {loadSessionDetail, type SessionDetail} from '../workspace/session-detail.js';
import {iso, sessionJson} from './session-json.js';
import {localTime} from './sessions-report.js';
import {renderTable} from './text-table.js';
import {workspaceSessionMarkdown} from './session-markdown.js';
import {toCsv} from './csv.js';
import {partBody, partHeading} from '../core/content-parts.js';

function detailJson(d: SessionDetail) {
	const a = d.analytics;
	return {
		summary: {...sessionJson(d.summary), status_reason: d.notes?.statusReason ?? null, tool_rejections: d.notes?.rejections ?? 0,
			price_source: d.notes?.priceSource ?? null},
		messages: d.messages.map((m) => ({
			id: m.facts.id,
			role: m.facts.role,
			model: m.facts.model,
			timestamp: iso(m.facts.timestamp),
			delta_ns: Math.round(m.deltaMs * 1e6),
			input_tokens: m.facts.usage.input,
			output_tokens: m.facts.usage.output,
			cache_read_tokens: m.facts.usage.cacheRead,
			cache_write_tokens: m.facts.usage.cacheWrite + m.facts.usage.cacheWrite1h,
			input_cost: m.cost?.input ?? null,
			output_cost: m.cost?.output ?? null,
			total_cost: m.cost?.total ?? null,
			cost_info: m.facts.recordedCostUsd === null ? null : {total_cost_usd: m.facts.recordedCostUsd},
			stop_reason: m.facts.stopReason,
			latency_ms: m.latencyMs,
			tool_calls: m.toolCalls.map((c) => ({id: c.id, name: c.name, args: c.args})),
			tool_results: m.toolResults.map((r) => ({id: r.id, name: r.name, content: r.content, error: r.error, is_error: r.isError, latency_ms: r.latencyMs})),
			validations: m.validations.map((v) => ({validator_type: v.validator, passed: v.passed, details: v.details})),
			text: m.text,
			parts: (m.parts ?? []).map((p) => ({kind: p.kind, text: p.text, size: p.size ?? null})),
		})),
		grouped_messages: d.groups.map((g) => ({
			role: g.role, start_time: iso(g.startMs), end_time: iso(g.endMs), delta_ns: Math.round(g.deltaMs * 1e6),
			input_tokens: g.inputTokens, output_tokens: g.outputTokens, total_tokens: g.totalTokens,
			input_cost: g.inputCost, output_cost: g.outputCost, total_cost: g.totalCost,
			tool_calls: g.toolCalls, text: g.text, count: g.count, start_index: g.startIndex, end_index: g.endIndex,
		})),
		tool_frequency: Object.fromEntries(d.tools.map((t) => [t.tool, t.calls])),
		tool_errors: Object.fromEntries(d.tools.filter((t) => t.errors > 0).map((t) => [t.tool, t.errors])),
		session_analytics: {
			user_message_count: a.userMessages,
			assistant_message_count: a.assistantMessages,
			avg_response_time_ns: Math.round(a.avgResponseTimeMs * 1e6),
			longest_pause_ns: Math.round(a.longestPauseMs * 1e6),
			unique_tools: a.uniqueTools,
			tool_error_count: a.toolErrors,
			tokens_per_minute: a.tokensPerMinute,
			avg_prompt_length: a.avgPromptLength,
			avg_response_length: a.avgResponseLength,
			first_prompt: a.firstPrompt,
		},
		body_error: d.bodyError,
		computed_cost: d.computedCost,
	};
}

function detailText(d: SessionDetail, timeZone: string): string {
	const s = d.summary;
	const lines = [
		sanitizeLine(s.label),
		`${s.id}`,
		`${s.project || '—'} · ${s.agent || '—'} · ${s.models.join(', ') || '—'} · ${s.status}`,
		`${localTime(s.startMs, timeZone)} · ${formatDuration(s.durationMs)} · ${s.messageCount} messages · ${s.toolCalls} tool calls`,
		`tokens ${formatTokens(s.inputTokens)} in / ${formatTokens(s.outputTokens)} out · cost ${formatCost(s.totalCost)} (${s.costSource})` +
			(s.costSource === 'recorded' && d.computedCost !== null ? ` · ${formatCost(d.computedCost)} at tapedeck's prices` : ''),
		'',
		renderTable(d.groups, [
			{header: '#', align: 'right', cell: (g) => (g.count > 1 ? `${g.startIndex + 1}-${g.endIndex}` : String(g.startIndex + 1))},
			{header: 'role', cell: (g) => (g.count > 1 ? `${g.role} ×${g.count}` : g.role)},
			{header: 'time', cell: (g) => localTime(g.startMs, timeZone).slice(11)},
			{header: 'gap', align: 'right', cell: (g) => (g.deltaMs > 0 ? formatDuration(g.deltaMs) : '')},
			{header: 'tokens', align: 'right', cell: (g) => formatTokens(g.totalTokens)},
			{header: 'cost', align: 'right', cell: (g) => formatCost(g.totalCost)},
			{header: 'tools', max: 30, cell: (g) => g.toolCalls.map(sanitizeLine).join(', ')},
			{header: 'text', max: 60, cell: (g) => sanitizeLine(g.text)},
		]),
	];
	if (d.notes?.statusReason) lines.splice(3, 0, `${s.status}: ${d.notes.statusReason}`);
	const said = d.messages.flatMap((m, i) => (m.parts ?? []).map((p) => ({i, p})));
	if (said.length) {
		lines.push('', 'besides the text:');
		for (const {i, p} of said) lines.push(`  #${i + 1} ${partHeading(p)}${partBody(p) ? `: ${sanitizeLine(partBody(p)).slice(0, 100)}` : ''}`);
	}
	if (d.bodyError) lines.push('', `note: message text unavailable: ${d.bodyError}`);
	return sanitize(lines.join('\n')) + '\n';
}

function detailCsv(d: SessionDetail): string {
	return toCsv(['index', 'id', 'role', 'model', 'timestamp', 'delta_ns', 'input_tokens', 'output_tokens', 'total_cost', 'tool_calls', 'tool_errors', 'text'],
		d.messages.map((m, i) => [i + 1, m.facts.id, m.facts.role, m.facts.model, iso(m.facts.timestamp), Math.round(m.deltaMs * 1e6),
			m.facts.usage.input, m.facts.usage.output, m.cost?.total ?? null, m.toolCalls.map((c) => c.name).join(' '),
			m.facts.toolErrorCount, sanitize(m.text)]));
}

export function showReport(ws: Workspace, id: string, format: 'table' | 'json' | 'md' | 'csv', timeZone: string): Result<string> {
	const loaded = loadSessionDetail(ws, id);
	if (!loaded.ok) return loaded;
	const d = loaded.value;
	if (format === 'json') return {ok: true, value: toJson(detailJson(d), 2) + '\n'};
	if (format === 'md') return {ok: true, value: workspaceSessionMarkdown(ws, d, timeZone)};
	if (format === 'csv') return {ok: true, value: detailCsv(d)};
	return {ok: true, value: detailText(d, timeZone)};
}
