import {describe, expect, it} from 'vitest';
import {
	buildLeafChains,
	findGroupById,
	groupSessionCandidates,
	makeGroupId,
	parseGroupId,
	sessionGroupKey,
	type GroupCandidate,
} from '../../source/core/chains.js';
import {defaultPricing, mergePricing} from '../../source/core/pricing.js';
import {summarizeGroupStatus} from '../../source/core/status.js';
import {summarizeSession} from '../../source/core/summarize.js';
import {facts, usage} from './build-message.js';

const node = (id: string, parentId: string | null = null) => ({id, parentId});
const ids = (chains: {id: string}[][]) => chains.map((c) => c.map((n) => n.id).join('>'));

describe('buildLeafChains', () => {
	it('gives one root-first chain per leaf, in input order of the leaves', () => {
		// r → a → b (leaf), r → c (leaf), lone (leaf)
		const result = buildLeafChains([node('r'), node('a', 'r'), node('c', 'r'), node('b', 'a'), node('lone')]);
		expect(ids(result.chains)).toEqual(['r>c', 'r>a>b', 'lone']);
		expect([result.danglingParents, result.cycles]).toEqual([0, 0]);
	});

	it('starts a chain below a missing parent and counts it', () => {
		const result = buildLeafChains([node('a', 'missing'), node('b', 'a')]);
		expect(ids(result.chains)).toEqual(['a>b']);
		expect(result.danglingParents).toBe(1);
	});

	it('cuts a walk that runs into a cycle', () => {
		// x ↔ y is a cycle; leaf z hangs below x
		const result = buildLeafChains([node('x', 'y'), node('y', 'x'), node('z', 'x')]);
		expect(ids(result.chains)).toEqual(['y>x>z']);
		expect(result.cycles).toBe(1);
	});

	it('counts a cycle no leaf reaches, and a self-parent, without hanging', () => {
		const result = buildLeafChains([node('p', 'q'), node('q', 'p'), node('s', 's'), node('leaf')]);
		expect(ids(result.chains)).toEqual(['leaf']);
		expect(result.cycles).toBe(2);
	});

	it('keeps the first of duplicate IDs', () => {
		const result = buildLeafChains([node('a'), node('b', 'a'), node('b', 'zzz')]);
		expect(ids(result.chains)).toEqual(['a>b']);
		expect(result.danglingParents).toBe(0);
	});

	it('handles no nodes', () => {
		expect(buildLeafChains([])).toEqual({chains: [], danglingParents: 0, cycles: 0});
	});
});

const MIN = 60_000;
const cand = (id: string, startMin: number, endMin: number, label = 'Fix bug', extra: Partial<GroupCandidate> = {}) => ({
	id,
	label,
	agent: 'claude',
	project: 'tapes',
	startMs: startMin * MIN,
	endMs: endMin * MIN,
	...extra,
});

describe('groupSessionCandidates (acceptance 12)', () => {
	it('joins the same label, agent and project within an hour', () => {
		const groups = groupSessionCandidates([cand('a', 0, 5), cand('b', 15, 20, '  fix   BUG ')]);
		expect(groups).toHaveLength(1);
		expect(groups[0]!.members.map((m) => m.id)).toEqual(['a', 'b']);
		expect([groups[0]!.startMs, groups[0]!.endMs, groups[0]!.durationMs]).toEqual([0, 20 * MIN, 20 * MIN]);
		expect(groups[0]!.label).toBe('Fix bug');
	});

	it('splits on a gap over an hour, and on different labels, agents or projects', () => {
		expect(groupSessionCandidates([cand('a', 0, 5), cand('b', 125, 130)])).toHaveLength(2);
		expect(groupSessionCandidates([cand('a', 0, 5), cand('b', 65, 70)])).toHaveLength(1); // exactly 1 h
		expect(groupSessionCandidates([cand('a', 0, 5), cand('b', 10, 12, 'Other')])).toHaveLength(2);
		expect(groupSessionCandidates([cand('a', 0, 5), cand('b', 10, 12, 'Fix bug', {agent: 'codex'})])).toHaveLength(2);
		expect(groupSessionCandidates([cand('a', 0, 5), cand('b', 10, 12, 'Fix bug', {project: 'x'})])).toHaveLength(2);
	});

	it('keys an unlabelled candidate by its ID', () => {
		expect(sessionGroupKey(cand('abc', 0, 1, '  '))).toBe('abc|claude|tapes');
		expect(groupSessionCandidates([cand('a', 0, 1, ''), cand('b', 2, 3, '')])).toHaveLength(2);
	});

	it('does not mutate the input and does not depend on its order', () => {
		const input = [cand('late', 30, 40), cand('early', 0, 10)];
		const copy = structuredClone(input);
		const groups = groupSessionCandidates(input);
		expect(input).toEqual(copy);
		expect(groups[0]!.members.map((m) => m.id)).toEqual(['early', 'late']);
		expect(groupSessionCandidates([...input].reverse())).toEqual(groups);
	});

	it('sums tokens and cost over the members, and failed wins the status', () => {
		// Output at $2500/1M makes the members cost what the reference test had: $0.50 and $0.75.
		const pricing = mergePricing(defaultPricing(), {'test-model': {input: 0, output: 2500}}, 'test');
		const a = facts({id: 'a1', role: 'assistant', model: 'test-model', timestamp: 0, usage: usage({input: 100, output: 200}), stopReason: 'stop'});
		const b = facts({id: 'b1', role: 'assistant', model: 'test-model', timestamp: 10 * MIN, usage: usage({input: 150, output: 300}), stopReason: 'length'});
		const members = [
			{...cand('a', 0, 0), summary: summarizeSession({id: 'a', source: 'tapes', messages: [a], pricing}).summary},
			{...cand('b', 10, 10), summary: summarizeSession({id: 'b', source: 'tapes', messages: [b], pricing}).summary},
		];
		expect(members.map((m) => m.summary.totalCost)).toEqual([0.5, 0.75]);
		const [group, ...rest] = groupSessionCandidates(members);
		expect(rest).toEqual([]);
		expect(group!.members).toHaveLength(2);
		const {summary} = summarizeSession({id: group!.id, source: 'tapes', messages: [a, b], pricing});
		expect([summary.inputTokens, summary.outputTokens]).toEqual([250, 500]);
		expect(summary.totalCost).toBeCloseTo(1.25, 12);
		const counts = {completed: 0, failed: 0};
		for (const m of group!.members) counts[m.summary.status as 'completed' | 'failed']++;
		expect(counts).toEqual({completed: 1, failed: 1});
		expect(summarizeGroupStatus(counts)).toBe('failed');
	});

	it('fixes reference: a node shared by two members counts once in the group summary', () => {
		const root = facts({id: 'root', role: 'user', model: 'gpt-4o', timestamp: 0, usage: usage({input: 1000})});
		const a = [root, facts({id: 'a', role: 'assistant', model: 'gpt-4o', timestamp: 1, usage: usage({output: 10})})];
		const b = [root, facts({id: 'b', role: 'assistant', model: 'gpt-4o', timestamp: 2, usage: usage({output: 20})})];
		const {summary} = summarizeSession({id: 'g', source: 'tapes', messages: [...a, ...b], pricing: defaultPricing()});
		expect([summary.inputTokens, summary.outputTokens, summary.messageCount]).toEqual([1000, 30, 3]);
	});
});

describe('group IDs (acceptance 14, without the fuzzy match)', () => {
	it('round-trips the first member ID and rejects other IDs', () => {
		expect(parseGroupId(makeGroupId('leaf123'))).toBe('leaf123');
		expect(parseGroupId('leaf123')).toBeNull();
		expect(parseGroupId('group:')).toBeNull();
	});

	it('stays the same when the group grows', () => {
		const before = groupSessionCandidates([cand('first', 0, 5)]);
		const after = groupSessionCandidates([cand('first', 0, 5), cand('second', 20, 30)]);
		expect(after[0]!.id).toBe(before[0]!.id);
		expect(after[0]!.id).toBe('group:first');
	});

	it('finds a group by exact ID only', () => {
		const groups = groupSessionCandidates([cand('a', 0, 5), cand('b', 200, 205)]);
		expect(findGroupById(groups, 'group:b')?.members[0]?.id).toBe('b');
		expect(findGroupById(groups, 'group:zzz')).toBeNull();
	});
});
