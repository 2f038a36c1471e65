// Turns the user's filter flags into validated Filters. Every bad value gets a message naming the flag.
import {
	DEFAULT_FILTERS,
	SORT_KEYS,
	SOURCE_KINDS,
	STATUSES,
	type Filters,
	type SortDir,
	type SortKey,
	type SourceKind,
	type Status,
} from './types.js';
import {isValidTimeZone, parseDateBound, parseSince, type Result} from './time.js';
import {parseSearchQuery} from './search-query.js';

export interface FilterFlags {
	since?: string;
	from?: string;
	to?: string;
	/**
	 * The zone --from and --to are read in: a name (checked), or the system's, asked for only when a date
	 * needs it (the first Intl call costs about 16 ms, a tenth of a warm report).
	 */
	tz: string | (() => string);
	model?: string;
	status?: string;
	project?: string;
	agent?: string;
	source?: string;
	search?: string;
	sort?: string;
	sortDir?: string;
}

/** Aliases people type for sort keys, so `--sort time` is not silently something else (reference §7). */
const SORT_ALIASES: Record<string, SortKey> = {
	time: 'date',
	start: 'date',
	started: 'date',
	msgs: 'messages',
	'tool-calls': 'tools',
	tool_calls: 'tools',
	toolcalls: 'tools',
	dur: 'duration',
	title: 'label',
};

export function parseSortKey(text: string): Result<SortKey> {
	const t = text.trim().toLowerCase();
	const key = (SORT_KEYS as readonly string[]).includes(t) ? (t as SortKey) : SORT_ALIASES[t];
	if (!key) return {ok: false, error: `invalid --sort "${text}": expected one of ${SORT_KEYS.join(', ')}`};
	return {ok: true, value: key};
}

export function parseSortDir(text: string): Result<SortDir> {
	const t = text.trim().toLowerCase();
	if (t === 'asc' || t === 'desc') return {ok: true, value: t};
	return {ok: false, error: `invalid --sort-dir "${text}": expected asc or desc`};
}

export function parseStatus(text: string): Result<Status | ''> {
	const t = text.trim().toLowerCase();
	if (t === '' || t === 'all') return {ok: true, value: ''};
	if ((STATUSES as readonly string[]).includes(t)) return {ok: true, value: t as Status};
	return {ok: false, error: `invalid --status "${text}": expected one of ${STATUSES.join(', ')}`};
}

export function parseSourceKind(text: string): Result<SourceKind | ''> {
	const t = text.trim().toLowerCase();
	if (t === '' || t === 'all') return {ok: true, value: ''};
	if ((SOURCE_KINDS as readonly string[]).includes(t)) return {ok: true, value: t as SourceKind};
	return {ok: false, error: `invalid --source "${text}": expected one of ${SOURCE_KINDS.join(', ')}`};
}

const zoneOf = (tz: FilterFlags['tz']) => (typeof tz === 'string' ? tz : tz());

/** Resolves flags against `now` into Filters with an explicit [fromMs, toMs) window. */
export function resolveFilters(flags: FilterFlags, now: number): Result<Filters> {
	if (typeof flags.tz === 'string' && !isValidTimeZone(flags.tz)) return {ok: false, error: `invalid --tz "${flags.tz}": expected an IANA zone such as Europe/Berlin or UTC`};
	const filters: Filters = {...DEFAULT_FILTERS};
	let fromMs: number | null = null;
	let toMs: number | null = null;
	if (flags.since !== undefined) {
		const since = parseSince(flags.since);
		if (!since.ok) return since;
		if (since.value !== null) fromMs = now - since.value;
	}
	if (flags.from) {
		const from = parseDateBound(flags.from, 'from', zoneOf(flags.tz));
		if (!from.ok) return from;
		fromMs = fromMs === null ? from.value : Math.max(fromMs, from.value);
	}
	if (flags.to) {
		const to = parseDateBound(flags.to, 'to', zoneOf(flags.tz));
		if (!to.ok) return to;
		toMs = to.value;
	}
	if (fromMs !== null && toMs !== null && toMs <= fromMs) {
		return {ok: false, error: `invalid window: --to is not after --from/--since`};
	}
	filters.fromMs = fromMs;
	filters.toMs = toMs;
	if (flags.status !== undefined) {
		const status = parseStatus(flags.status);
		if (!status.ok) return status;
		filters.status = status.value;
	}
	if (flags.source !== undefined) {
		const source = parseSourceKind(flags.source);
		if (!source.ok) return source;
		filters.source = source.value;
	}
	if (flags.sort !== undefined) {
		const sort = parseSortKey(flags.sort);
		if (!sort.ok) return sort;
		filters.sort = sort.value;
	}
	if (flags.sortDir !== undefined) {
		const dir = parseSortDir(flags.sortDir);
		if (!dir.ok) return dir;
		filters.sortDir = dir.value;
	}
	filters.model = (flags.model ?? '').trim();
	filters.project = (flags.project ?? '').trim();
	filters.agent = (flags.agent ?? '').trim();
	filters.search = (flags.search ?? '').trim();
	if (filters.search) {
		// Checked here, so a bad query is the flag's error, never an SQLite error blamed on the index.
		const query = parseSearchQuery(filters.search);
		if (!query.ok) return {ok: false, error: `invalid --search "${shortQuote(filters.search)}": ${query.error}`};
	}
	return {ok: true, value: filters};
}

/** A query quoted in a message: one line, at most 40 characters. */
function shortQuote(text: string): string {
	const line = text.replace(/\s+/g, ' ');
	return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}

/** Short chips describing the active filters, for the status bar and report headers. */
export function describeFilters(f: Filters): string[] {
	const chips: string[] = [];
	if (f.status) chips.push(`status:${f.status}`);
	if (f.model) chips.push(`model:${f.model}`);
	if (f.project) chips.push(`project:${f.project}`);
	if (f.agent) chips.push(`agent:${f.agent}`);
	if (f.source) chips.push(`source:${f.source}`);
	if (f.search) chips.push(`search:${f.search}`);
	return chips;
}
