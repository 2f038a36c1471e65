import { describe, expect, it } from 'vitest';
import type { CanonicalMessage } from '../../../source/core/types.js';
import { REFERENCE_DEMO_SESSIONS, seedDemo, sessionNodeRecords } from '../../../source/sources/demo/seed.js';
import { openTapesSource } from '../../../source/sources/tapes/reader.js';
import { useTempDir } from './temp-dir.js';

const temp = useTempDir();
const NOW = Date.UTC(2026, 1, 19, 12, 0, 0);

function readDemo(): { messages: CanonicalMessage[]; warnings: number } {
	const p = temp('demo.sqlite');
	seedDemo(p, { overwrite: false, now: NOW });
	const result = openTapesSource(p);
	if (!result.ok) throw new Error(result.error);
	const messages: CanonicalMessage[] = [];
	let warnings = 0;
	for (let rowid = 0; ; ) {
		const batch = result.source.readAfter(rowid, 250);
		warnings += batch.warnings.length;
		if (batch.messages.length === 0) break;
		messages.push(...batch.messages.map((m) => m.message));
		rowid = batch.lastRowid;
	}
	result.source.close();
	return { messages, warnings };
}

describe('the demo database through the tapes reader', () => {
	// Seeded once at collection time; the temp file is removed after the first test.
	const { messages, warnings } = readDemo();
	const byId = new Map(messages.map((m) => [m.id, m]));
	const sessions = REFERENCE_DEMO_SESSIONS.map((spec) => ({
		spec,
		nodes: sessionNodeRecords(spec, NOW).map((r) => byId.get(r.hash) as CanonicalMessage),
	}));
	const seven = sessions.flatMap((s) => s.nodes);

	it('holds the seven reference sessions, 34 nodes, as chains, with no warnings', () => {
		expect(warnings).toBe(0);
		expect(seven.every((m) => m !== undefined)).toBe(true);
		expect(seven).toHaveLength(34);
		for (const { nodes } of sessions) {
			expect(nodes[0]?.parentId).toBeNull();
			nodes.slice(1).forEach((m, i) => expect(m.parentId).toBe(nodes[i]?.id));
		}
	});

	it('maps the deploy failure’s tool error', () => {
		const deploy = sessions.find((s) => s.spec.name === 'deploy failure')?.nodes ?? [];
		const leaf = deploy.at(-1);
		expect(leaf).toMatchObject({
			role: 'assistant',
			model: 'gpt-4o',
			provider: 'openai',
			project: 'infra-ops',
			agent: '',
			stopReason: 'tool_use',
			text: 'Found a migration error. The deploy rolled back.',
			toolResults: [
				{ id: '', name: '', content: 'migration failed: missing column', error: 'migration failed: missing column', isError: true, latencyMs: null },
			],
		});
		expect(deploy[1]?.toolCalls).toEqual([{ id: '', name: 'Bash', args: { command: 'kubectl logs deploy/api' } }]);
	});

	it('has the reference’s tool calls: Write 5, Read 4, Edit 4, Bash 4, Grep 2', () => {
		const counts: Record<string, number> = {};
		for (const call of seven.flatMap((m) => m.toolCalls)) counts[call.name] = (counts[call.name] ?? 0) + 1;
		expect(counts).toEqual({ Write: 5, Read: 4, Edit: 4, Bash: 4, Grep: 2 });
	});

	it('has the reference’s tokens: 81,000 in, 27,150 out, no cache', () => {
		expect(seven.reduce((n, m) => n + m.usage.input, 0)).toBe(81_000);
		expect(seven.reduce((n, m) => n + m.usage.output, 0)).toBe(27_150);
		expect(seven.every((m) => m.usage.cacheRead === 0 && m.usage.cacheWrite === 0)).toBe(true);
		const review = sessions[0]?.nodes ?? [];
		expect(review[1]).toMatchObject({ usage: { input: 3000, output: 1200, total: 4200 }, latencyMs: 2000 });
	});

	it('places the sessions at now − 6h … 42h with the reference durations', () => {
		const spans = sessions.map(({ nodes }) => [NOW - (nodes[0]?.timestamp ?? 0), (nodes.at(-1)?.timestamp ?? 0) - (nodes[0]?.timestamp ?? 0)]);
		expect(spans).toEqual([
			[6 * 3600e3, 6 * 60e3],
			[12 * 3600e3, 9 * 60e3],
			[18 * 3600e3, 6 * 60e3],
			[24 * 3600e3, 90e3],
			[30 * 3600e3, 40e3],
			[36 * 3600e3, 6e3],
			[42 * 3600e3, 5 * 60e3],
		]);
	});

	it('reads the generated sessions too: agents, cache tokens, tool errors', () => {
		const agents = new Set(messages.map((m) => m.agent));
		expect(agents).toEqual(new Set(['', 'claude', 'codex', 'opencode']));
		expect(messages.some((m) => m.usage.cacheRead > 0 && m.usage.cacheWrite > 0)).toBe(true);
		expect(messages.filter((m) => m.toolResults.some((r) => r.isError)).length).toBeGreaterThan(5);
		expect(messages.every((m) => m.timestamp <= NOW && m.timestamp > NOW - 31 * 24 * 3600e3)).toBe(true);
	});
});
