// What the screens may ask of the world: queries over the index, the sync and facet progress stores, the
// clock and zone. Screens reach it only through ServicesContext; tests put their own in its place.
import type {SessionNotes} from '../../store/sessions-repo.js';
import type {Filters, SessionSummary, Warning} from '../../core/types.js';
import type {Result} from '../../core/time.js';
import type {OverviewTotals, PeriodComparison} from '../../core/overview.js';
import type {DayCost} from '../../core/screens/kpi.js';
import type {ColumnMaxima} from '../../core/screens/session-columns.js';
import type {PickerColumn, PickerOption} from '../../core/screens/sessions-reducer.js';
import type {InsightsAggregate} from '../../core/facet-aggregate.js';
import type {FacetProgress} from '../../core/facet-status.js';
import type {AnalyticsModel} from '../../core/analytics-model.js';
import type {DrillSlot} from '../../core/screens/analytics-slot.js';
import type {OutlineFacts} from '../../core/message-facts.js';
import type {MessageGroup} from '../../core/message-groups.js';
import type {SessionDetail} from '../../workspace/session-detail.js';
import type {FacetRecord} from '../../store/facets-repo.js';
import type {SearchResult} from '../../workspace/search-results.js';
import type {Snippet} from '../../core/search-snippet.js';
import type {HandOff} from '../../core/hand-off.js';

/** A value that changes in the background, read with useSyncExternalStore. */
export interface ExternalStore<T> {
	subscribe(listener: () => void): () => void;
	getSnapshot(): T;
}

export interface SyncSnapshot {
	syncing: boolean;
	/** "412 / 990 rows" while a sync runs. */
	progress: string | null;
	/** When the last sync finished (epoch ms), null before the first. */
	lastSyncMs: number | null;
	/**
	 * When a sync last changed the index, or the first one ended: what the status bar shows, so a refresh that
	 * found nothing new changes nothing on screen (and Ink, given the same frame, writes nothing).
	 */
	changedMs: number | null;
	/** Bumped whenever a sync wrote something: queries re-run and the list follows the selected session. */
	version: number;
	/** Rows skipped and other problems of the last sync. */
	warnings: Warning[];
	/** Sources that could not be read at all in the last sync. */
	errors: string[];
}

export interface OverviewData {
	totals: OverviewTotals;
	comparison: PeriodComparison | null;
}

export interface SessionsService {
	count(f: Filters): number;
	/** `limit` sessions from `offset` in the filters' order. */
	page(f: Filters, offset: number, limit: number): SessionSummary[];
	/** Where a session sits in that order; null when the filters leave it out. */
	indexOf(f: Filters, id: string): number | null;
	overview(f: Filters, now: number): OverviewData;
	dailyCost(f: Filters, now: number): DayCost[];
	/** The directory a session ran in ('' when its source does not record one). */
	cwdOf(id: string): string;
	/** A session's subagents (sub-sessions), oldest first. */
	children(id: string): SessionSummary[];
	/** For each of these sessions that has subagents: how many, and their cost (null: none priced). */
	subagentCosts(ids: readonly string[]): Map<string, {sessions: number; cost: number | null}>;
	/** The longest names and largest figures of the filtered sessions (the table's column widths). */
	columnMaxima(f: Filters): ColumnMaxima;
	/** The values a picker offers, most used first. */
	distinct(column: PickerColumn, f: Filters): PickerOption[];
}

export interface InsightsService {
	/** Distributions, coverage, recent summaries, providers and failures of the sessions these filters select. */
	/** `allSummaries`: every summary, not only the newest ten (Insights `e`). */
	aggregate(f: Filters, allSummaries?: boolean): InsightsAggregate;
	/** The facet worker's progress (state, in flight, tokens, cost); idle until the worker has started. */
	progress: ExternalStore<FacetProgress>;
}

/** One message as the timeline's rows need it: index facts and costs, no body. */
export interface TimelineMessage {
	facts: OutlineFacts;
	/** Since the previous message (0 for the first). */
	deltaMs: number;
	/** The source's recorded cost when it has one, else computed from prices; null when unpriced. */
	totalCost: number | null;
	inputCost: number | null;
	outputCost: number | null;
	costRecorded: boolean;
	/** What reading from the cache saved against the full input price; null when unpriced. */
	cacheSavingUsd: number | null;
}

export interface TimelineOutline {
	summary: SessionSummary;
	messages: TimelineMessage[];
	groups: MessageGroup[];
	tools: Array<{tool: string; calls: number; errors: number}>;
	facet: (FacetRecord & {current: boolean; heuristic: boolean}) | null;
	subSessions: SessionSummary[];
	/** Status reason, declined calls, price layers (absent for sessions indexed before they were kept). */
	notes?: SessionNotes;
	/** What tapedeck's prices make of the tokens, shown beside a cost the source recorded; null when nothing is priced. */
	computedCost?: number | null;
}

export interface TimelineService {
	/** Cheap: changes when the session gained messages (a sync grew it); null when it is gone. */
	version(id: string): string | null;
	/** Index rows only, fast for 10,000 messages: what the first frame needs. */
	outline(id: string): TimelineOutline | null;
	/** Bodies from the source and the analytics that need their text: run it after the first frame. */
	detail(id: string): Result<SessionDetail>;
	/** Writes `tapedeck show <id> --md` into a file; returns its path. `view`: a file to read in $PAGER or $EDITOR. */
	exportMarkdown(id: string, purpose?: 'export' | 'view'): Result<string>;
	/**
	 * A file to open at one message (Timeline `o`/`v`): its line in the Claude Code transcript when that file is
	 * there, else in the session's Markdown, written beside the index.
	 */
	viewAt(id: string, messageId: string): Result<MessagePosition>;
}

export interface MessagePosition {
	file: string;
	/** 1-based. */
	line: number;
	/** The source's own transcript (true), or the exported Markdown. */
	transcript: boolean;
}

export interface AnalyticsService {
	/** Every figure of the Analytics screen (the same model `analytics --json` prints). */
	model(f: Filters, now: number): AnalyticsModel;
	/** The sessions the charts count in a run of days or an hour of the week, in the filters' order. */
	sessions(f: Filters, slot: DrillSlot): SessionSummary[];
}

export type SearchOrder = 'rank' | 'time';

export interface SearchService {
	/** Messages matching a query under the filters, best first or newest first; an explanation when it does not parse. */
	hits(query: string, f: Filters, order: SearchOrder, limit: number): Result<SearchResult[]>;
	/** The first matching message of one session, as a snippet; null when nothing in it matches the query's words. */
	sessionSnippet(query: string, sessionId: string): Snippet | null;
	/** IDs of one session's messages matching a query, in time order: the Timeline's `/` and n/N. */
	inSession(query: string, sessionId: string): Result<string[]>;
	/** The sessions with a matching message, as a JSON array of their rowids, found without blocking; null when aborted first. */
	matchingSessions?(query: string, signal: AbortSignal): Promise<string | null>;
	/** Read-only: the line saying what the index cannot find yet (still filling, or off for a source); null when it finds everything. */
	indexNotice?(): string | null;
}

/** The terminal, for keys that hand it to another program or reach past the frame. */
export interface TerminalHandOff {
	/** Leaves the alternate screen, runs the program, and comes back to the explorer (o, v). */
	run(h: HandOff): {ok: true} | {ok: false; error: string};
	/** Ends the explorer and runs the program in its place, with its exit status (R). */
	leave(h: HandOff): void;
	/** Puts text on the clipboard through the terminal (OSC 52), on the user's key only (y). */
	copy(text: string): void;
}

export interface ExplorerServices {
	/** Absent in tests and benchmarks: the keys that need it say so. */
	terminal?: TerminalHandOff;
	sessions: SessionsService;
	/** Full-text search (absent in tests that give no index). */
	search?: SearchService;
	analytics: AnalyticsService;
	timeline: TimelineService;
	insights: InsightsService;
	sync: ExternalStore<SyncSnapshot>;
	/** The facet worker's status-bar text ("insights 12/40"), null when it has nothing to say. */
	facets: ExternalStore<string | null>;
	timeZone: string;
	now(): number;
	/** Short names of the sources in use, e.g. "tapes ~/.tapes/tapes.db". */
	sources: string[];
	pricing: {source: string; verified: string};
	/** Things to tell the user once, e.g. that the demo was seeded. */
	notices: string[];
	/** The index file, named in an error panel when a query on it failed. */
	indexPath?: string;
}

export const IDLE_SYNC: SyncSnapshot = {syncing: false, progress: null, lastSyncMs: null, changedMs: null, version: 0, warnings: [], errors: []};

/** A store that never changes: the facet slot before the facet worker exists, and tests. */
export function constantStore<T>(value: T): ExternalStore<T> {
	return {subscribe: () => () => {}, getSnapshot: () => value};
}
