// Cross-session analytics (reference §2.12) with its fixes: providers count sessions, every day of the period is present.
import type {SessionSummary} from './types.js';
import {daysBetween} from './time.js';
import type {UsageBucket} from './usage-buckets.js';
import {zonedClock} from './zoned-clock.js';

export interface Bucket {
	label: string;
	count: number;
}

const DURATION_EDGES: Array<[string, number]> = [
	['<1m', 1], ['1-5m', 5], ['5-15m', 15], ['15-30m', 30], ['30-60m', 60], ['>1h', Infinity],
];
const COST_EDGES: Array<[string, number]> = [
	['<$0.01', 0.01], ['$0.01-0.10', 0.1], ['$0.10-0.50', 0.5], ['$0.50-1.00', 1], ['$1.00-5.00', 5], ['>$5.00', Infinity],
];

function bucketize(values: number[], edges: Array<[string, number]>): Bucket[] {
	const buckets = edges.map(([label]) => ({label, count: 0}));
	for (const v of values) {
		const i = edges.findIndex(([, upper]) => v < upper);
		buckets[i === -1 ? buckets.length - 1 : i]!.count++;
	}
	return buckets;
}

/** Bucket edges are exclusive upper bounds in minutes, as the reference tests Duration.Minutes(). */
export function durationBuckets(durationsMs: number[]): Bucket[] {
	return bucketize(durationsMs.map((ms) => ms / 60_000), DURATION_EDGES);
}

/** Unpriced sessions have no cost to bucket; they are left out rather than counted as $0. */
export function costBuckets(costs: Array<number | null>): Bucket[] {
	return bucketize(costs.filter((c): c is number => c !== null), COST_EDGES);
}

/** The bucket with the most sessions (the first one wins a tie), or null when all are empty. */
export function mostCommonBucket(buckets: Bucket[]): Bucket | null {
	let best: Bucket | null = null;
	for (const b of buckets) if (b.count > 0 && (!best || b.count > best.count)) best = b;
	return best;
}

export interface DayActivity {
	day: string;
	sessions: number;
	cost: number;
	tokens: number;
}

type DaySession = Pick<SessionSummary, 'startMs' | 'totalCost' | 'totalTokens'>;
/** Usage in a quarter hour (see usage-buckets.ts). */
export type DayUsage = Pick<UsageBucket, 'startMs' | 'input' | 'output' | 'cost'>;

/**
 * One entry for every calendar day of the window in the zone, zeros included. A session counts on its start
 * day; tokens and cost count on the day of each message (usage buckets), as ccusage's daily report does.
 */
export function activityByDay(
	sessions: DaySession[],
	window: {fromMs: number | null; toMs: number | null},
	now: number,
	timeZone: string,
	usage: readonly DayUsage[] | null = null,
): DayActivity[] {
	let from = window.fromMs;
	if (from === null) from = Math.min(sessions.reduce((min, s) => Math.min(min, s.startMs), now), (usage ?? []).reduce((min, u) => Math.min(min, u.startMs), now));
	const to = window.toMs ?? now + 1;
	const clock = zonedClock(timeZone);
	const byDay = new Map<string, DayActivity>();
	for (const day of daysBetween(from, Math.max(to, from + 1), timeZone)) byDay.set(day, {day, sessions: 0, cost: 0, tokens: 0});
	for (const s of sessions) {
		const entry = byDay.get(clock(s.startMs).day);
		if (!entry) continue; // started before the window (it overlaps it): counted in totals, not on a day outside the chart
		entry.sessions++;
		if (usage === null) {
			// Without usage buckets (summaries alone), a session's figures fall on its start day.
			entry.cost += s.totalCost ?? 0;
			entry.tokens += s.totalTokens;
		}
	}
	for (const u of usage ?? []) {
		const entry = byDay.get(clock(u.startMs).day);
		if (!entry) continue;
		entry.cost += u.cost ?? 0;
		entry.tokens += u.input + u.output;
	}
	return [...byDay.values()];
}

/** heatmap[weekday][hour]: sessions started in that hour of the week (weekday 0 = Monday), in the zone. */
export function hourOfWeekHeatmap(sessions: Array<Pick<SessionSummary, 'startMs'>>, timeZone: string): number[][] {
	const clock = zonedClock(timeZone);
	const heatmap = Array.from({length: 7}, () => new Array<number>(24).fill(0));
	for (const s of sessions) {
		const local = clock(s.startMs);
		heatmap[local.weekday]![local.hour]!++;
	}
	return heatmap;
}

export interface ToolMetric {
	name: string;
	calls: number;
	sessions: number;
	errors: number;
	errorRate: number;
}

/** Names agents give the same tool (Claude Code's Bash is Codex's shell and exec_command). */
const TOOL_DIALECTS: Record<string, string> = {shell: 'bash', exec_command: 'bash', local_shell: 'bash'};

/** One key for spellings of one tool: `Read`/`read`, `Bash`/`bash`/`shell`. */
export function toolKey(name: string): string {
	const lower = name.trim().toLowerCase();
	return TOOL_DIALECTS[lower] ?? lower;
}

/**
 * Tools by calls, spellings of one tool grouped under its most used one. A session that used two
 * spellings of a tool (two agents in one session) counts twice in its `sessions`: rare, and said here.
 */
export function topTools(rows: Array<{tool: string; calls: number; errors: number; sessions: number}>): ToolMetric[] {
	const groups = new Map<string, {name: string; nameCalls: number; calls: number; errors: number; sessions: number}>();
	for (const r of rows) {
		const key = toolKey(r.tool);
		const g = groups.get(key);
		if (!g) groups.set(key, {name: r.tool, nameCalls: r.calls, calls: r.calls, errors: r.errors, sessions: r.sessions});
		else {
			if (r.calls > g.nameCalls || (r.calls === g.nameCalls && r.tool < g.name)) Object.assign(g, {name: r.tool, nameCalls: r.calls});
			g.calls += r.calls;
			g.errors += r.errors;
			g.sessions += r.sessions;
		}
	}
	return [...groups.values()]
		.map((r) => ({name: r.name, calls: r.calls, sessions: r.sessions, errors: r.errors, errorRate: r.calls ? r.errors / r.calls : 0}))
		.sort((a, b) => b.calls - a.calls || b.sessions - a.sessions || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export interface ModelPerformance {
	model: string;
	provider: string;
	sessions: number;
	/** null when none of the model's sessions could be priced. */
	totalCost: number | null;
	avgCost: number | null;
	avgDurationMs: number;
	avgTokens: number;
	completed: number;
	successRate: number;
}

export function modelPerformance(sessions: SessionSummary[]): ModelPerformance[] {
	const byModel = new Map<string, {rows: SessionSummary[]}>();
	for (const s of sessions) {
		if (!s.model) continue;
		const entry = byModel.get(s.model) ?? {rows: []};
		entry.rows.push(s);
		byModel.set(s.model, entry);
	}
	const out: ModelPerformance[] = [];
	for (const [model, {rows}] of byModel) {
		const priced = rows.filter((r) => r.totalCost !== null);
		const totalCost = priced.length ? priced.reduce((a, r) => a + (r.totalCost ?? 0), 0) : null;
		const completed = rows.filter((r) => r.status === 'completed').length;
		out.push({
			model,
			provider: rows.find((r) => r.provider)?.provider ?? '',
			sessions: rows.length,
			totalCost,
			avgCost: totalCost === null ? null : totalCost / priced.length,
			avgDurationMs: rows.reduce((a, r) => a + r.durationMs, 0) / rows.length,
			avgTokens: rows.reduce((a, r) => a + r.totalTokens, 0) / rows.length,
			completed,
			successRate: completed / rows.length,
		});
	}
	return out.sort((a, b) => (b.totalCost ?? -1) - (a.totalCost ?? -1) || b.sessions - a.sessions || (a.model < b.model ? -1 : 1));
}

export interface ProviderShare {
	provider: string;
	sessions: number;
	share: number;
}

/** Sessions per provider (the reference counted nodes and called it sessions, §7). */
export function providerBreakdown(sessions: Array<Pick<SessionSummary, 'provider'>>): ProviderShare[] {
	const counts = new Map<string, number>();
	for (const s of sessions) counts.set(s.provider || 'unknown', (counts.get(s.provider || 'unknown') ?? 0) + 1);
	return [...counts.entries()]
		.map(([provider, n]) => ({provider, sessions: n, share: sessions.length ? n / sessions.length : 0}))
		.sort((a, b) => b.sessions - a.sessions || (a.provider < b.provider ? -1 : 1));
}
