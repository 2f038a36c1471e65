// The sixty generated sessions: what the explorer needs to have something to show.
import { describe, expect, it } from 'vitest';
import { extraDemoSessions } from '../../../source/sources/demo/seed.js';
import { parentIndex } from '../../../source/sources/demo/demo-spec.js';
import type { DemoSessionSpec } from '../../../source/sources/demo/seed.js';

const sessions = extraDemoSessions();
const nodes = sessions.flatMap((s) => s.nodes);
const DAY = 86_400_000;

function userPrompts(s: DemoSessionSpec): string[] {
	return s.nodes.filter((n) => n.role === 'user').flatMap((n) => n.blocks.filter((b) => b.type === 'text').map((b) => b.text ?? ''));
}

describe('extraDemoSessions', () => {
	it('makes sixty sessions, the same ones every time', () => {
		expect(sessions).toHaveLength(60);
		expect(extraDemoSessions()).toEqual(sessions);
	});

	it('spreads over models, providers, agents and projects', () => {
		expect(new Set(nodes.map((n) => n.model))).toEqual(
			new Set(['claude-sonnet-4-5-20250929', 'claude-opus-4-1', 'claude-haiku-4-5', 'gpt-4o', 'gpt-4.1', 'gpt-5', 'o3-mini', 'mistral-large-2411']),
		);
		expect(new Set(nodes.map((n) => n.provider))).toEqual(new Set(['anthropic', 'openai', 'mistral']));
		expect(new Set(sessions.map((s) => s.agentName))).toEqual(new Set(['claude', 'codex', 'opencode', null]));
		expect(new Set(sessions.map((s) => s.project))).toEqual(new Set(['tapes', 'acme-api', 'infra-ops', 'webshop', 'docs-site']));
	});

	it('ranges from 2 to 40 nodes and over the last 30 days at many hours', () => {
		const lengths = sessions.map((s) => s.nodes.length);
		expect(Math.min(...lengths)).toBe(2);
		expect(Math.max(...lengths)).toBe(40);
		for (const s of sessions) {
			expect(s.startAgoMs).toBeLessThanOrEqual(30 * DAY);
			// Each session has ended before now.
			expect(s.nodes.at(-1)?.atMs ?? 0).toBeLessThan(s.startAgoMs);
			s.nodes.slice(1).forEach((n, i) => expect(n.atMs).toBeGreaterThanOrEqual(s.nodes[i]?.atMs ?? 0));
		}
		const hours = new Set(sessions.map((s) => new Date(Date.UTC(2026, 1, 19, 12) - s.startAgoMs).getUTCHours()));
		expect(hours.size).toBeGreaterThanOrEqual(15);
	});

	it('puts tokens only on assistant nodes, with cache tokens inside prompt_tokens', () => {
		for (const n of nodes) {
			if (n.role !== 'assistant') {
				expect([n.promptTokens, n.completionTokens, n.cacheRead, n.cacheCreation, n.totalDurationMs]).toEqual([null, null, null, null, null]);
			} else {
				expect(n.promptTokens).toBeGreaterThanOrEqual((n.cacheCreation ?? 0) + (n.cacheRead ?? 0));
				expect(n.completionTokens).toBeGreaterThan(0);
				expect(n.stopReason).not.toBe('');
			}
		}
		expect(nodes.some((n) => (n.cacheRead ?? 0) > 0 && n.provider === 'anthropic')).toBe(true);
		expect(nodes.some((n) => (n.cacheCreation ?? 0) > 0)).toBe(true);
		expect(nodes.some((n) => (n.cacheRead ?? 0) > 0 && n.provider === 'openai')).toBe(true);
		expect(nodes.filter((n) => n.provider === 'mistral').every((n) => n.cacheRead === null)).toBe(true);
	});

	it('has tool errors, git commits and failed and abandoned endings', () => {
		const errored = sessions.filter((s) => s.nodes.some((n) => n.blocks.some((b) => b.type === 'tool_result' && b.is_error)));
		expect(errored.length).toBeGreaterThanOrEqual(8);
		const commits = sessions.filter((s) =>
			s.nodes.some((n) => n.blocks.some((b) => b.tool_name === 'Bash' && /git commit -m/.test(String((b.tool_input as { command?: string })?.command)))),
		);
		expect(commits.length).toBeGreaterThanOrEqual(5);
		expect(sessions.filter((s) => s.nodes.at(-1)?.role === 'user').length).toBe(3);
		expect(sessions.filter((s) => ['max_tokens', 'length'].includes(s.nodes.at(-1)?.stopReason ?? '')).length).toBe(2);
	});

	it('has exactly one branching conversation: a retried answer', () => {
		const branching = sessions.filter((s) => {
			const parents = s.nodes.map((_, i) => parentIndex(s, i));
			return new Set(parents).size < parents.length;
		});
		expect(branching).toHaveLength(1);
		const s = branching[0] as DemoSessionSpec;
		const siblings = s.nodes.filter((_, i) => parentIndex(s, i) === 0);
		expect(siblings.map((n) => [n.role, n.stopReason])).toEqual([
			['assistant', 'max_tokens'],
			['assistant', 'end_turn'],
		]);
	});

	it('opens with prompts that give every session its own label', () => {
		const openings = sessions.map((s) => userPrompts(s)[0] ?? '');
		expect(new Set(openings.map((p) => p.slice(0, 33))).size).toBe(60);
		// At most three text prompts each, so the label (last three prompts) starts with the opening.
		expect(Math.max(...sessions.map((s) => userPrompts(s).length))).toBeLessThanOrEqual(3);
	});
});
