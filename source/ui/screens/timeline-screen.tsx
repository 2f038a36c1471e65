// The Timeline screen: one session's header, token sparkline, grouped timeline and detail pane.
// The outline (index rows) draws the first frame; the bodies and text analytics load just after it, so
// a 10,000-message session opens at once. One reducer, one input handler resolving keys via the keymap.
import React, {useEffect, useMemo, useReducer, useRef, useState} from 'react';
import {Box, type DOMElement, type Key} from 'ink';
import {useKeyHold, useKeys} from '../hooks/use-keys.js';
import {handOffResult} from '../hooks/use-hand-off.js';
import {useListMouse} from '../hooks/use-list-mouse.js';
import {bindingsFor, footerHints, type KeyAction} from '../../core/keymap.js';
import {initialTimelineState, timelineReducer} from '../../core/screens/timeline-reducer.js';
import type {RowSource} from '../../core/screens/timeline-rows.js';
import {formatCost} from '../../core/format.js';
import {sanitizeLine} from '../../core/sanitize.js';
import type {Result} from '../../core/time.js';
import type {SessionDetail} from '../../workspace/session-detail.js';
import {useServices} from '../services/context.js';
import type {TimelineOutline} from '../services/types.js';
import {useBackgroundStatus} from '../hooks/use-status.js';
import type {Size} from '../hooks/use-terminal-size.js';
import {Frame, bodyHeight} from '../components/frame.js';
import {TitleBar} from '../components/title-bar.js';
import {StatusBar} from '../components/status-bar.js';
import {Footer} from '../components/footer.js';
import {HelpOverlay} from '../components/help-overlay.js';
import {Segments} from '../components/segments.js';
import {TimelineHeader, TimelineSpark, headerHeight} from '../components/timeline-header.js';
import {TimelineTable} from '../components/timeline-table.js';
import {SubSessionList, TimelineDetail} from '../components/timeline-detail.js';
import {detailLines} from '../components/timeline-detail-lines.js';
import {markLines} from '../components/marked-lines.js';
import {highlightTerms, useTimelineFind} from '../hooks/use-timeline-find.js';
import type {MessageFocus} from '../../core/screens/navigation.js';
import {isFoldable} from '../../core/content-parts.js';

const RULE = [{text: '│', token: 'rule' as const}];

/** One replay step, as the reference paced it. */
export const REPLAY_STEP_MS = 300;

const HELP = [
	{title: 'Timeline', bindings: bindingsFor('timeline')},
	{title: 'Finding (words, "phrases", -not, prefix*, tool: role: in:)', bindings: bindingsFor('timeline-find'), compact: true},
	// Their footers say the same: inline, so every Timeline key fits the overlay at 80×24.
	{title: 'During a replay', bindings: bindingsFor('timeline-replay'), compact: true},
	{title: 'Sub-sessions list (u)', bindings: bindingsFor('timeline-subs'), compact: true},
];

export interface TimelineScreenProps {
	id: string;
	size: Size;
	onBack(): void;
	onQuit(): void;
	/** Opens a sub-session's timeline (Esc there comes back here). */
	onOpenSession(id: string): void;
	/** Opened from the Search screen: land on this message, its query's matches marked. */
	focus?: MessageFocus;
	replayStepMs?: number;
}

/** The table pane's width: the rest (at least 27 columns) is the detail pane's, one column between. */
export function paneWidths(columns: number): {table: number; detail: number} {
	const table = Math.min(80, Math.max(52, Math.round(columns * 0.62)));
	return {table, detail: Math.max(10, columns - table - 1)};
}

function rowSource(o: TimelineOutline): RowSource {
	return {
		groups: o.groups.map((g) => ({timeMs: g.startMs, totalTokens: g.totalTokens, totalCost: g.totalCost, deltaMs: g.deltaMs, startIndex: g.startIndex, endIndex: g.endIndex})),
		messages: o.messages.map((m) => ({timeMs: m.facts.timestamp, totalTokens: m.facts.usage.total ?? m.facts.usage.input + m.facts.usage.output, totalCost: m.totalCost, deltaMs: m.deltaMs})),
	};
}

function listRows(size: Size, outline: TimelineOutline | null): number {
	return Math.max(1, bodyHeight(size) - (outline ? headerHeight(outline) : 0) - 1);
}

export function TimelineScreen({id, size, onBack, onQuit, onOpenSession, focus, replayStepMs = REPLAY_STEP_MS}: TimelineScreenProps) {
	const services = useServices();
	const background = useBackgroundStatus(services);
	// Reload only when this session changed (a sync grew it), not on every sync of the index.
	const version = useMemo(() => services.timeline.version(id), [services, id, background.sync.version]);
	const outline = useMemo(() => services.timeline.outline(id), [services, id, version]);
	const source = useMemo(() => (outline ? rowSource(outline) : null), [outline]);
	const rows = listRows(size, outline);
	const panes = paneWidths(size.columns);
	const [state, dispatch] = useReducer(timelineReducer, undefined, () => {
		const initial = initialTimelineState(rows, rows);
		return source ? timelineReducer(initial, {type: 'loaded', source, subSessions: outline!.subSessions.length}) : initial;
	});
	useEffect(() => {
		if (source && source !== state.source) dispatch({type: 'loaded', source, subSessions: outline!.subSessions.length});
	}, [source]);
	useEffect(() => dispatch({type: 'resize', rows, detailHeight: rows}), [rows]);
	const find = useTimelineFind(services, id, outline, dispatch, focus);

	// Bodies and text analytics after the first frame: a long session's rows are on screen meanwhile.
	const [detail, setDetail] = useState<{version: string | null; value: Result<SessionDetail>} | null>(null);
	useEffect(() => {
		// Read inside the updater so a throw reaches the screen's error boundary (see useDeferredQuery).
		const timer = setTimeout(() => setDetail(() => ({version, value: services.timeline.detail(id)})), 0);
		return () => clearTimeout(timer);
	}, [services, id, version]);
	const full = detail?.value.ok ? detail.value.value : null;

	useEffect(() => {
		if (state.mode !== 'timeline-replay' || state.replay.paused) return;
		const timer = setInterval(() => dispatch({type: 'tick'}), replayStepMs / state.replay.speed);
		return () => clearInterval(timer);
	}, [state.mode, state.replay.paused, state.replay.speed, replayStepMs]);

	const hold = useKeyHold();
	useEffect(() => {
		const r = state.request;
		if (!r) return;
		// Keys read with the one that asked for another screen go to that screen (the hub holds them).
		if (r.rest?.length) hold(r.rest);
		if (r.kind === 'back') onBack();
		else if (r.kind === 'quit') onQuit();
		else if (r.kind === 'open-sub') {
			const sub = outline?.subSessions[r.index];
			if (sub) onOpenSession(sub.id);
		} else if (r.kind === 'find') find(r.query);
		else if (r.kind === 'hand-off') {
			const message = outline?.messages[r.message]?.facts.id;
			if (outline) {
				const said = handOffResult(services, r.what, outline.summary, process.env, r.what === 'page' || r.what === 'edit' ? message : undefined);
				dispatch({type: 'notice', text: sanitizeLine(said.text), ok: said.ok});
			}
		} else {
			const written = services.timeline.exportMarkdown(id);
			dispatch({type: 'notice', text: written.ok ? `exported to ${written.value}` : sanitizeLine(written.error), ok: written.ok});
		}
		dispatch({type: 'handled', seq: r.seq});
	}, [state.request]);

	const send = (input: string, key: Key) => dispatch({type: 'input', input, key});
	useKeys(send);
	// The wheel and clicks on the message table or the sub-session list, under its header line; the wheel
	// moves the selection (and the detail follows it), as j/k do. Not over the help.
	const table = useRef<DOMElement>(null);
	const subs = state.mode === 'timeline-subs';
	const win = subs ? state.subs : state.list;
	const count = subs ? outline?.subSessions.length ?? 0 : state.rows.length;
	useListMouse(send, state.mode === 'help' || !outline ? null
		: {ref: table, skip: 1, visible: Math.max(0, Math.min(win.height, count - win.offset)), selected: win.cursor - win.offset});

	const row = state.rows[state.list.cursor];
	const terms = useMemo(() => highlightTerms(state.find?.query), [state.find?.query]);
	const lines = useMemo(() => (outline && row ? markLines(detailLines({
		outline, bodies: full?.messages ?? null, bodyError: detail?.value.ok === false ? detail.value.error : full?.bodyError ?? null,
		group: row.group, message: row.kind === 'message' ? row.message : null, timeZone: services.timeZone, width: panes.detail,
		thinking: state.thinking,
	}), terms) : []), [outline, row, full, detail, panes.detail, services.timeZone, state.thinking, terms]);
	useEffect(() => dispatch({type: 'detail-lines', lines: lines.length}), [lines.length]);
	const tokens = useMemo(() => outline?.groups.map((g) => g.totalTokens) ?? [], [outline]);

	const foldable = full ? full.messages.some((m) => m.parts?.some(isFoldable)) : null;
	useEffect(() => {
		if (foldable !== null) dispatch({type: 'foldable', has: foldable});
	}, [foldable]);
	// The footer offers only keys that do something here: no sub-sessions, or no group of several messages.
	const hidden = useMemo((): KeyAction[] => [
		...(outline?.subSessions.length ? [] : ['sub-sessions' as const]),
		...(outline?.groups.some((g) => g.count > 1) ? [] : ['expand' as const]),
		...(state.find?.matches.length ? [] : ['find-next' as const]),
		...(foldable ? [] : ['toggle-thinking' as const]),
	], [outline, foldable, state.find]);
	const findChip = state.find ? [`find:${sanitizeLine(state.find.query)} ${state.find.at + 1}/${state.find.matches.length}`] : [];
	const hints = useMemo(() => footerHints(state.mode, hidden), [state.mode, hidden]);
	const body = bodyHeight(size);
	return (
		<Frame
			size={size}
			title={<TitleBar screen={`Session${state.mode === 'timeline-replay' ? ` · ${state.replay.paused ? 'paused' : 'replaying'} ×${state.replay.speed}` : ''}`} period={null} width={size.columns} />}
			status={state.notice ? <Segments width={size.columns} segments={[{text: ` ${state.notice.text}`, token: state.notice.ok ? 'good' : 'bad'}]} />
				: <StatusBar sources={services.sources} sync={background.sync} spinner={background.spinner} facets={background.facets}
				filters={[...(state.sort === 'time' ? [] : [`sort:${state.sort}`]), ...findChip]} counts={null} notices={services.notices} hint={state.hint} timeZone={services.timeZone} width={size.columns} />}
			footer={<Footer width={size.columns} hints={hints} {...(state.mode === 'timeline-find' ? {search: state.typing} : {})} />}
		>
			{state.mode === 'help' ? <HelpOverlay sections={HELP} width={size.columns} height={body} />
				: !outline ? <Segments width={size.columns} segments={[{text: ' This session is no longer in the index. Esc goes back.', token: 'muted'}]} />
				: (
					<>
						<TimelineHeader outline={outline} analytics={full?.analytics ?? null}
							unreadable={full && full.messages.length === 0 && outline.messages.length > 0 ? full.bodyError : null} pricing={services.pricing} timeZone={services.timeZone} width={size.columns} />
						<TimelineSpark values={tokens} selected={row?.group ?? 0} width={size.columns} />
						<Box flexDirection="row" height={rows + 1}>
							<Box ref={table} flexDirection="column" width={panes.table}>{state.mode === 'timeline-subs'
								? <SubSessionList width={panes.table} height={rows} cursor={state.subs.cursor} offset={state.subs.offset}
									rows={outline.subSessions.map((s) => ({label: sanitizeLine(s.label), agent: sanitizeLine(s.agent), messages: s.messageCount, cost: formatCost(s.totalCost)}))} />
								: <TimelineTable outline={outline} rows={state.rows} offset={state.list.offset} cursor={state.list.cursor} sort={state.sort}
									height={rows} width={panes.table} timeZone={services.timeZone} />}</Box>
							<Box flexDirection="column" width={1}>{Array.from({length: rows + 1}, (_, i) => <Segments key={i} width={1} segments={RULE} />)}</Box>
							<TimelineDetail lines={lines} scroll={state.detail.scroll} height={rows} width={panes.detail} />
						</Box>
					</>
				)}
		</Frame>
	);
}
