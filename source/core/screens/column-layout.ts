// How wide each session-table column is: every column but the label takes what its data needs (the
// widest cell among the sessions shown, capped), the label takes what is left, and columns that would
// squeeze the label under a floor are dropped, least useful first. A width of 0 means "not shown".
import type {SortKey} from '../types.js';

export type ColumnWidths = Record<SortKey, number>;

/** The widest cell each column's data has (display cells); the label's is ignored. */
export type ColumnNeeds = Record<Exclude<SortKey, 'label'>, number>;

/** Before the data is known: widths that suit typical sessions. */
export const DEFAULT_NEEDS: ColumnNeeds = {
	date: 12, project: 12, agent: 11, model: 17, status: 11, duration: 5, messages: 4, tools: 5, tokens: 6, cost: 7,
};

/** Columns before the table: the selection marker and its space. */
export const MARKER_WIDTH = 2;
export const GAP = 1;

/** No name column takes more than this, however long its longest value. */
const CAPS: Partial<Record<SortKey, number>> = {project: 24, model: 22, agent: 12};
/** Narrowest a column is worth showing at (below, its values are unreadable). */
const FLOORS: Partial<Record<SortKey, number>> = {project: 7, model: 8, agent: 5};
/** Compact forms every table has: the day without the time, the status as its glyph. */
const COMPACT: Partial<Record<SortKey, number>> = {date: 6, status: 1};
const TITLES: Record<SortKey, string> = {
	date: 'date', label: 'label', project: 'project', agent: 'agent', model: 'model', status: 'status',
	duration: 'dur', messages: 'msgs', tools: 'tools', tokens: 'tokens', cost: 'cost',
};

/** Always shown: when, what, how it ended and what it cost. */
const ALWAYS: readonly SortKey[] = ['date', 'label', 'status', 'cost'];

/**
 * What is added, in order, while the label keeps its floor: another column, or the full form of a compact
 * one (date → with time, status → with its word). A step that does not fit is skipped; later, smaller
 * ones may still fit. At 80 columns this keeps model and project, at 120 most, at 200 all.
 */
const STEPS: readonly SortKey[] = ['model', 'project', 'date', 'tokens', 'duration', 'agent', 'status', 'messages', 'tools'];

/** The label never gets less than this share of the terminal while a column could give way. */
function labelFloor(width: number): number {
	return Math.max(20, Math.round(width * 0.3));
}

function need(key: Exclude<SortKey, 'label'>, needs: ColumnNeeds): number {
	const title = TITLES[key].length + 1; // room for the sort arrow
	const wanted = Math.max(title, needs[key]);
	return Math.min(wanted, CAPS[key] ?? wanted);
}

/**
 * Widths that fill `width` exactly (marker, gaps and the shown columns). `sort` is always shown, so the
 * header's arrow never points at a column that is not there.
 */
export function columnWidths(width: number, needs: ColumnNeeds = DEFAULT_NEEDS, sort: SortKey = 'date'): ColumnWidths {
	const widths = Object.fromEntries(Object.keys(TITLES).map((k) => [k, 0])) as ColumnWidths;
	const floor = labelFloor(width);
	let used = MARKER_WIDTH - GAP; // the label's gap is counted with the other columns
	const show = (key: SortKey, w: number) => {
		used += (widths[key] === 0 ? GAP : 0) + w - widths[key];
		widths[key] = w;
	};
	for (const key of ALWAYS) if (key !== 'label') show(key, COMPACT[key] ?? need(key, needs));
	used += GAP;
	if (sort !== 'label' && widths[sort] === 0) show(sort, need(sort, needs));
	for (const key of STEPS) {
		const full = need(key as Exclude<SortKey, 'label'>, needs);
		if (widths[key] >= full) continue;
		const extra = (widths[key] === 0 ? GAP : 0) + full - widths[key];
		if (width - used - extra >= floor) show(key, full);
	}
	// A name column squeezed in at its floor beats no column when the label would still keep its own.
	for (const key of ['model', 'project'] as const) {
		const narrow = Math.min(need(key, needs), FLOORS[key]!);
		if (widths[key] === 0 && width - used - GAP - narrow >= floor) show(key, narrow);
	}
	widths.label = Math.max(1, width - used);
	return widths;
}
