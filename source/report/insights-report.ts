// `tapedeck insights`: the figures the Insights screen draws, for the same filters and period.
// JSON keeps the reference's names (goal_distribution, outcome_distribution, session_types,
// top_friction, recent_summaries) and adds coverage, providers and failures.
import {toJson} from './json.js';
import type {DistributionEntry, InsightsAggregate} from '../core/facet-aggregate.js';
import {formatCost, formatPercent, formatTokens} from '../core/format.js';
import {providerLabel} from '../core/facet-status.js';
import {sanitizeLine} from '../core/sanitize.js';
import {truncate} from '../core/labels.js';
import {iso} from './session-json.js';
import {localTime} from './sessions-report.js';
import {maxOf, pushAll} from '../core/numbers.js';

const asMap = (entries: readonly DistributionEntry[]) => Object.fromEntries(entries.map((e) => [e.key, e.count]));

export function insightsJson(a: InsightsAggregate) {
	const c = a.coverage;
	return {
		coverage: {
			sessions: c.sessions, with_facet: c.withFacet, current: c.current, ratio: c.ratio, heuristic: c.heuristic,
			stale: c.stale, failed: c.failed, missing: c.missing,
		},
		goal_distribution: asMap(a.goals),
		outcome_distribution: asMap(a.outcomes),
		session_types: asMap(a.sessionTypes),
		top_friction: a.friction.map((f) => ({type: f.key, count: f.count})),
		recent_summaries: a.recent.map((r) => ({
			session_id: r.sessionId, label: r.label, start_time: iso(r.startMs), underlying_goal: r.underlyingGoal,
			brief_summary: r.briefSummary, goal_category: r.goalCategory, outcome: r.outcome, provider: r.provider, model: r.model,
			heuristic: r.heuristic, current: r.current,
		})),
		providers: a.providers.map((p) => ({
			provider: p.provider, model: p.model, heuristic: p.heuristic, facets: p.facets, current: p.current,
			input_tokens: p.inputTokens, output_tokens: p.outputTokens, cost_usd: p.costUsd,
		})),
		failures: a.failures.map((f) => ({
			session_id: f.sessionId, label: f.label, reason: f.reason, provider: f.provider, model: f.model, attempts: f.attempts,
			failed_at: iso(f.failedMs),
		})),
	};
}

function bars(title: string, entries: readonly DistributionEntry[], width = 24): string[] {
	if (entries.length === 0) return [];
	const max = maxOf(entries.map((e) => e.count));
	const labelWidth = maxOf(entries.map((e) => e.label.length));
	return [
		title,
		...entries.map((e) => {
			const bar = '█'.repeat(Math.max(1, Math.round((e.count / max) * width)));
			return `  ${e.label.padEnd(labelWidth)}  ${bar} ${e.count} (${formatPercent(e.share)})`;
		}),
		'',
	];
}

export function insightsText(a: InsightsAggregate, timeZone: string): string {
	const c = a.coverage;
	const lines = [
		`coverage: ${c.current}/${c.sessions} sessions have a current facet (${formatPercent(c.ratio)})` +
			(c.heuristic ? `, ${c.heuristic} by the heuristic` : '') + (c.stale ? `, ${c.stale} stale` : '') +
			(c.failed ? `, ${c.failed} failed` : ''),
	];
	for (const p of a.providers) {
		const who = p.heuristic ? 'heuristic (rules, no LLM)' : providerLabel(p.provider, p.model);
		const spend = p.heuristic ? '' : ` · ${formatTokens(p.inputTokens)} in / ${formatTokens(p.outputTokens)} out · ${p.costUsd === null ? 'unpriced' : formatCost(p.costUsd)}`;
		lines.push(`  ${who}: ${p.facets} facets${spend}`);
	}
	if (c.withFacet === 0) {
		lines.push('', 'No facets yet: run `tapedeck facets` (with the same filters) to extract them.');
		return lines.join('\n') + '\n';
	}
	lines.push('');
	for (const part of [bars('What sessions were for', a.goals), bars('Outcomes', a.outcomes), bars('Session types', a.sessionTypes)]) pushAll(lines, part);
	pushAll(lines, bars('Friction', a.friction));
	if (a.recent.length) {
		lines.push('Recent sessions');
		for (const r of a.recent) {
			const tag = r.heuristic ? ' [heuristic]' : '';
			lines.push(`  ${localTime(r.startMs, timeZone)}  ${r.sessionId.slice(0, 12)}  ${r.outcome}${tag}`);
			lines.push(`    ${truncate(sanitizeLine(r.briefSummary), 160)}`);
		}
		lines.push('');
	}
	if (a.failures.length) {
		lines.push('Failures');
		for (const f of a.failures) lines.push(`  ${f.sessionId.slice(0, 12)}  ${truncate(sanitizeLine(f.reason), 140)}`);
		lines.push('');
	}
	return lines.join('\n');
}

export function insightsReport(all: InsightsAggregate, format: 'table' | 'json', timeZone: string, limit: number | null = null): string {
	const a = limit === null ? all : {...all, recent: all.recent.slice(0, limit), failures: all.failures.slice(0, limit)};
	return format === 'json' ? toJson(insightsJson(a), 2) + '\n' : insightsText(a, timeZone);
}
