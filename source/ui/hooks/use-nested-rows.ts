// The visible rows of the session list with some parents opened: top-level rows from the paged query,
// each opened parent's subagents after it (marked ↳), and each parent's cost with its subagents'.
import {useMemo} from 'react';
import type {Filters, SessionSummary} from '../../core/types.js';
import {filtersKey} from '../../core/screens/sessions-filters.js';
import {nestedIndexOf, nestedTotal, ordered, refAt, type Expansion} from '../../core/screens/nested-rows.js';
import type {RowNest} from '../../core/screens/session-columns.js';
import type {SessionsService} from '../services/types.js';
import {useSessionPage} from './use-session-page.js';

/** The opened parents the filters still show, in list order, with their subagents. */
export function expansionsFor(sessions: SessionsService, f: Filters, expanded: readonly string[]): Array<Expansion & {rows: SessionSummary[]}> {
	const out: Array<Expansion & {rows: SessionSummary[]}> = [];
	for (const id of expanded) {
		const index = sessions.indexOf(f, id);
		const rows = index === null ? [] : sessions.children(id);
		if (index !== null && rows.length) out.push({id, index, children: rows.length, rows});
	}
	return ordered(out) as Array<Expansion & {rows: SessionSummary[]}>;
}

/** Where a session (top-level or an opened parent's subagent) sits in the nested list, or null. */
export function nestedLocate(sessions: SessionsService, f: Filters, expanded: readonly string[], id: string): number | null {
	const exps = expansionsFor(sessions, f, expanded);
	for (const e of exps) {
		const child = e.rows.findIndex((r) => r.id === id);
		if (child >= 0) return nestedIndexOf(e.index, exps) + 1 + child;
	}
	const top = sessions.indexOf(f, id);
	return top === null ? null : nestedIndexOf(top, exps);
}

/** The session at row `index` of the nested list under these filters, or null past its end. */
export function nestedIdAt(sessions: SessionsService, f: Filters, expanded: readonly string[], index: number): string | null {
	const ref = refAt(index, expansionsFor(sessions, f, expanded));
	if ('top' in ref) return sessions.page(f, ref.top, 1)[0]?.id ?? null;
	return (ref.parent as Expansion & {rows: SessionSummary[]}).rows[ref.child]?.id ?? null;
}

export interface NestedRows {
	rows: SessionSummary[];
	nest: RowNest[];
	/** Rows of the nested list (top-level sessions and opened parents' subagents). */
	total: number;
}

export function useNestedRows(sessions: SessionsService, f: Filters, version: number, count: number, offset: number, height: number,
	expanded: readonly string[]): NestedRows {
	const key = `${filtersKey(f)}|${version}`;
	// eslint-disable-next-line react-hooks/exhaustive-deps
	const exps = useMemo(() => expansionsFor(sessions, f, expanded), [key, expanded]);
	const refs = useMemo(() => Array.from({length: Math.max(0, Math.min(height, nestedTotal(count, exps) - offset))}, (_, i) => refAt(offset + i, exps)), [exps, count, offset, height]);
	const tops = refs.flatMap((r) => ('top' in r ? [r.top] : []));
	const first = tops.length ? tops[0]! : 0;
	const page = useSessionPage(sessions, f, version, first, tops.length ? tops.at(-1)! - first + 1 : 0);
	return useMemo(() => {
		const rows: SessionSummary[] = [];
		const nest: RowNest[] = [];
		for (const r of refs) {
			const s = 'top' in r ? page[r.top - first] : (r.parent as Expansion & {rows: SessionSummary[]}).rows[r.child];
			if (!s) continue;
			rows.push(s);
			nest.push('top' in r ? {depth: 0, open: exps.some((e) => e.id === s.id)} : {depth: 1, open: false});
		}
		const costs = sessions.subagentCosts(rows.filter((s, i) => nest[i]!.depth === 0 && s.subSessionCount > 0).map((s) => s.id));
		rows.forEach((s, i) => {
			const c = costs.get(s.id);
			if (c) nest[i] = {...nest[i]!, subagents: c.sessions, subagentCost: c.cost};
		});
		return {rows, nest, total: nestedTotal(count, exps)};
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [page, refs]);
}
