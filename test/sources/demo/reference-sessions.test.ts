// The reference's seven demo sessions, checked against the table in reference §2.17.
import { describe, expect, it } from 'vitest';
import { REFERENCE_DEMO_SESSIONS } from '../../../source/sources/demo/seed.js';
import type { DemoSessionSpec } from '../../../source/sources/demo/seed.js';

const PRICES: Record<string, [number, number]> = {
	'claude-sonnet-4.5': [3, 15],
	'gpt-4o': [2.5, 10],
	'claude-haiku-4.5': [1, 5],
	'gpt-4o-mini': [0.15, 0.6],
};

const sum = (s: DemoSessionSpec, f: (n: DemoSessionSpec['nodes'][number]) => number) => s.nodes.reduce((a, n) => a + f(n), 0);
const cost = (s: DemoSessionSpec) =>
	sum(s, (n) => {
		const [pin, pout] = PRICES[n.model] ?? [0, 0];
		return ((n.promptTokens ?? 0) * pin + (n.completionTokens ?? 0) * pout) / 1e6;
	});
const tools = (s: DemoSessionSpec) => s.nodes.flatMap((n) => n.blocks.filter((b) => b.type === 'tool_use').map((b) => b.tool_name));

/** The reference's label rule (§2.4), enough for these prompts: last 3 user prompts, 36 bytes. */
function label(s: DemoSessionSpec): string {
	const prompts = s.nodes.filter((n) => n.role === 'user').map((n) => n.blocks.map((b) => b.text ?? '').join('\n').split('\n')[0] ?? '');
	const v = prompts.slice(-3).join(' / ');
	return v.length <= 36 ? v : `${v.slice(0, 33)}...`;
}

/** The reference's status rule (§2.5) for these sessions. */
function status(s: DemoSessionSpec): string {
	if (s.nodes.some((n) => n.blocks.some((b) => b.type === 'tool_result' && b.is_error))) return 'failed';
	const leaf = s.nodes.at(-1);
	if (leaf?.role !== 'assistant') return 'abandoned';
	return leaf.stopReason === 'stop' ? 'completed' : 'unknown';
}

// Costs are exact here; the reference table rounds them to 4 places ($0.0140, $0.0013).
type Row = [name: string, hoursAgo: number, project: string, model: string, nodes: number, label: string, tokensIn: number, tokensOut: number, usd: number, tools: string[], durationS: number, status: string];
const TABLE: Row[] = [
	['code review', 6, 'tapes', 'claude-sonnet-4.5', 6, 'Can you review PR #342? It adds J...', 16800, 6200, 0.1434, ['Read', 'Grep', 'Edit', 'Write'], 360, 'completed'],
	['bug hunt', 12, 'tapes', 'claude-sonnet-4.5', 9, 'Memory usage climbs until the wor...', 26300, 8700, 0.2094, ['Read', 'Grep', 'Edit', 'Write', 'Write'], 540, 'completed'],
	['rate limit', 18, 'acme-api', 'gpt-4o', 7, 'We need rate limiting across auth...', 19000, 6100, 0.1085, ['Read', 'Write', 'Edit', 'Edit', 'Write'], 360, 'completed'],
	['infra check', 24, 'acme-api', 'claude-haiku-4.5', 4, '', 4200, 1950, 0.01395, ['Bash', 'Bash', 'Bash'], 90, 'completed'],
	['deploy failure', 30, 'infra-ops', 'gpt-4o', 3, 'Deploy failed in production. Can ...', 7800, 1700, 0.0365, ['Bash'], 40, 'failed'],
	['quick question', 36, 'tapes', 'gpt-4o-mini', 2, 'What is the syntax for Go generics?', 2000, 1600, 0.00126, [], 6, 'completed'],
	['abandoned research', 42, 'acme-api', 'claude-sonnet-4.5', 3, 'Research pricing changes for the ...', 4900, 900, 0.0282, ['Read'], 300, 'abandoned'],
];

describe('REFERENCE_DEMO_SESSIONS', () => {
	it.each(TABLE)('%s', (name, hours, project, model, nodes, lbl, tin, tout, usd, toolNames, durationS, st) => {
		const s = REFERENCE_DEMO_SESSIONS.find((x) => x.name === name) as DemoSessionSpec;
		expect(s.startAgoMs).toBe(hours * 3600e3);
		expect(s.project).toBe(project);
		expect(s.agentName).toBeNull();
		expect(new Set(s.nodes.map((n) => n.model))).toEqual(new Set([model]));
		expect(s.nodes).toHaveLength(nodes);
		expect(label(s)).toBe(lbl);
		expect(sum(s, (n) => n.promptTokens ?? 0)).toBe(tin);
		expect(sum(s, (n) => n.completionTokens ?? 0)).toBe(tout);
		expect(cost(s)).toBeCloseTo(usd, 8);
		expect(tools(s)).toEqual(toolNames);
		expect(s.nodes.at(-1)?.atMs).toBe(durationS * 1000);
		expect(status(s)).toBe(st);
		expect(s.nodes.every((n) => n.cacheCreation === null && n.cacheRead === null)).toBe(true);
		// Only leaves carry a stop reason.
		expect(s.nodes.slice(0, -1).every((n) => n.stopReason === '')).toBe(true);
	});

	it('adds up to the reference demo totals', () => {
		const all = REFERENCE_DEMO_SESSIONS;
		expect(all).toHaveLength(7);
		expect(all.reduce((n, s) => n + s.nodes.length, 0)).toBe(34);
		expect(all.reduce((n, s) => n + sum(s, (x) => x.promptTokens ?? 0), 0)).toBe(81_000);
		expect(all.reduce((n, s) => n + sum(s, (x) => x.completionTokens ?? 0), 0)).toBe(27_150);
		expect(all.reduce((n, s) => n + cost(s), 0)).toBeCloseTo(0.5412, 4);
		expect(all.reduce((n, s) => n + tools(s).length, 0)).toBe(19);
		expect(all.map(status).sort()).toEqual(['abandoned', 'completed', 'completed', 'completed', 'completed', 'completed', 'failed']);
		expect(all.reduce((n, s) => n + (s.nodes.at(-1)?.atMs ?? 0), 0)).toBe((28 * 60 + 16) * 1000);
	});

	it('gives the deploy failure an is_error tool result on its leaf', () => {
		const leaf = REFERENCE_DEMO_SESSIONS.find((s) => s.name === 'deploy failure')?.nodes.at(-1);
		expect(leaf?.blocks).toEqual([
			{ type: 'text', text: 'Found a migration error. The deploy rolled back.' },
			{ type: 'tool_result', tool_output: 'migration failed: missing column', is_error: true },
		]);
		expect(leaf?.stopReason).toBe('tool_use');
	});

	it('makes the infra check assistant-only, so its label falls back to the leaf hash', () => {
		const infra = REFERENCE_DEMO_SESSIONS.find((s) => s.name === 'infra check') as DemoSessionSpec;
		expect(infra.nodes.every((n) => n.role === 'assistant')).toBe(true);
		expect(infra.nodes.flatMap((n) => n.blocks).filter((b) => b.type === 'tool_use').map((b) => b.tool_input)).toEqual([
			{ command: 'kubectl get pods' },
			{ command: 'kubectl top pods' },
			{ command: 'check-db' },
		]);
	});
});
