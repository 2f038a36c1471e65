// Session candidates from a message tree (reference §2.2) and their grouping into sessions (§2.7).

import {normalizeSessionLabel} from './labels.js';

export interface ChainNode {
	id: string;
	parentId: string | null;
}

export interface LeafChains<T> {
	/** One chain per leaf, root first, in the order the leaves appear in the input. */
	chains: T[][];
	/** Walks that stopped at a parent ID missing from the input (the chain starts below it). */
	danglingParents: number;
	/** Cycles met: walks cut short by a node seen twice, plus cycles no leaf leads to. */
	cycles: number;
}

/**
 * Every leaf (a node no other node names as its parent) with its ancestor chain. Corrupt data must not
 * hang or crash the reader: a missing parent ends the chain, a revisited node cuts it, and duplicate
 * IDs keep their first occurrence. Nodes on a cycle that no leaf reaches have no chain; they are
 * counted in `cycles`.
 */
export function buildLeafChains<T extends ChainNode>(nodes: readonly T[]): LeafChains<T> {
	const byId = new Map<string, T>();
	for (const node of nodes) if (!byId.has(node.id)) byId.set(node.id, node);
	const parents = new Set<string>();
	for (const node of byId.values()) if (node.parentId !== null) parents.add(node.parentId);

	const chains: T[][] = [];
	const covered = new Set<string>();
	let danglingParents = 0;
	let cycles = 0;
	for (const leaf of byId.values()) {
		if (parents.has(leaf.id)) continue;
		const chain: T[] = [];
		const seen = new Set<string>();
		let node: T | undefined = leaf;
		while (node) {
			if (seen.has(node.id)) {
				cycles++;
				break;
			}
			seen.add(node.id);
			covered.add(node.id);
			chain.push(node);
			if (node.parentId === null) break;
			const parent = byId.get(node.parentId);
			if (!parent) danglingParents++;
			node = parent;
		}
		chains.push(chain.reverse());
	}
	return {chains, danglingParents, cycles: cycles + leaflessCycles(byId, covered)};
}

/** Distinct cycles among nodes no leaf chain reached (each such node leads into one). */
function leaflessCycles<T extends ChainNode>(byId: ReadonlyMap<string, T>, covered: ReadonlySet<string>): number {
	const cycleOf = new Map<string, string>();
	for (const start of byId.keys()) {
		if (covered.has(start) || cycleOf.has(start)) continue;
		const path: string[] = [];
		const onPath = new Set<string>();
		let id: string | null | undefined = start;
		let found = '';
		while (id !== null && id !== undefined && byId.has(id)) {
			const known = cycleOf.get(id);
			if (known !== undefined) {
				found = known;
				break;
			}
			if (onPath.has(id)) {
				// Name the cycle by its smallest ID so every path into it agrees.
				found = path.slice(path.indexOf(id)).sort()[0] ?? id;
				break;
			}
			onPath.add(id);
			path.push(id);
			id = byId.get(id)?.parentId;
		}
		for (const p of path) cycleOf.set(p, found);
	}
	return new Set([...cycleOf.values()].filter((c) => c !== '')).size;
}

/** A candidate joins an open group when it starts at most this long after the group's end. */
export const GROUP_WINDOW_MS = 60 * 60 * 1000;
const GROUP_ID_PREFIX = 'group:';

export interface GroupCandidate {
	/** Should stay the same as the candidate grows (the group's ID is derived from it). */
	id: string;
	label: string;
	agent: string;
	project: string;
	startMs: number;
	endMs: number;
}

export interface SessionGroup<T extends GroupCandidate> {
	id: string;
	key: string;
	/** Label, agent and project of the first member. */
	label: string;
	agent: string;
	project: string;
	startMs: number;
	endMs: number;
	/** Wall span from the first start to the last end, gaps included. */
	durationMs: number;
	/** Members by start time. */
	members: T[];
}

/** Grouping key: normalized label (the ID when there is none), agent and project, case-folded. */
export function sessionGroupKey(c: GroupCandidate): string {
	const label = normalizeSessionLabel(c.label) || c.id;
	return `${label}|${c.agent.trim().toLowerCase()}|${c.project.trim().toLowerCase()}`;
}

/**
 * A group's ID is its first member's ID. The reference hashed the key and the first start time, so
 * the ID changed whenever the label or membership changed and facets were orphaned; it then needed a
 * fuzzy "nearest start" lookup to survive the drift. An ID taken from a stable member ID does not
 * drift, so lookup is an exact match and the fuzzy match is not ported.
 */
export function makeGroupId(firstMemberId: string): string {
	return GROUP_ID_PREFIX + firstMemberId;
}

/** The first member's ID inside a group ID, or null for an ID that is not a group ID. */
export function parseGroupId(id: string): string | null {
	return id.startsWith(GROUP_ID_PREFIX) && id.length > GROUP_ID_PREFIX.length ? id.slice(GROUP_ID_PREFIX.length) : null;
}

export function findGroupById<T extends GroupCandidate>(groups: readonly SessionGroup<T>[], id: string): SessionGroup<T> | null {
	return groups.find((g) => g.id === id) ?? null;
}

/**
 * Group candidates with the same key whose gaps are at most an hour. Works on a sorted copy (start,
 * then end, then ID, so the result does not depend on input order); the input is not mutated.
 * Groups come out in order of their first start.
 */
export function groupSessionCandidates<T extends GroupCandidate>(candidates: readonly T[]): SessionGroup<T>[] {
	const sorted = [...candidates].sort(
		(a, b) => a.startMs - b.startMs || a.endMs - b.endMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
	);
	const groups: SessionGroup<T>[] = [];
	const open = new Map<string, SessionGroup<T>>();
	for (const c of sorted) {
		const key = sessionGroupKey(c);
		const group = open.get(key);
		if (group && c.startMs - group.endMs <= GROUP_WINDOW_MS) {
			group.endMs = Math.max(group.endMs, c.endMs);
			group.durationMs = group.endMs - group.startMs;
			group.members.push(c);
			continue;
		}
		const fresh: SessionGroup<T> = {
			id: makeGroupId(c.id),
			key,
			label: c.label,
			agent: c.agent,
			project: c.project,
			startMs: c.startMs,
			endMs: c.endMs,
			durationMs: c.endMs - c.startMs,
			members: [c],
		};
		groups.push(fresh);
		open.set(key, fresh);
	}
	return groups;
}
