// Starts the explorer on a workspace: services, the background sync, and Ink. The CLI owns the terminal
// around it (alternate screen, restore on every exit path); this module never writes escapes itself.
import React from 'react';
import {render, type Instance} from 'ink';
import {App} from '../app.js';
import type {Workspace} from '../workspace/open-workspace.js';
import type {Filters} from '../core/types.js';
import {initialFilterState, type PeriodChoice} from '../core/screens/sessions-filters.js';
import {createWorkspaceServices} from './services/workspace-services.js';
import {createSyncThread, syncThreadData} from '../sync/sync-thread.js';
import {createSessionMatchThread} from '../workspace/session-match-thread.js';
import {createSessionMatcher} from '../workspace/session-matches.js';
import type {ExternalStore, TerminalHandOff} from './services/types.js';
import {createSlotStore} from './services/slot-store.js';
import {pickTheme} from './theme.js';
import {IDLE_PROGRESS, type FacetProgress} from '../core/facet-status.js';

export interface LaunchOptions {
	ws: Workspace;
	filters: Filters;
	period: PeriodChoice;
	timeZone: string;
	refreshSec: number;
	theme?: string;
	env: Record<string, string | undefined>;
	home: string;
	/** Called after every background sync that changed the index (the facet worker rescans then). */
	onSynced?: () => void;
	/** Shown in the status bar, never printed: e.g. why the heuristic extracts the facets. */
	notices?: readonly string[];
	stdin?: NodeJS.ReadStream;
	stdout?: NodeJS.WriteStream;
	/** Sync on a worker thread, so a long import never holds up keys (needs the built program). */
	syncThread?: boolean;
	/** The CLI's hand-offs of the terminal (R, o, v, y). */
	terminal?: TerminalHandOff;
	/** Where the Timeline's `e` writes Markdown (`--export-dir`); default the current directory. */
	exportDir?: string;
}

export interface Explorer {
	instance: Instance;
	/** Plugs in the facet worker's stores (it starts after the first frame): the status-bar text and its progress. */
	attachInsights(insights: {status: ExternalStore<string | null>; progress: ExternalStore<FacetProgress>}): void;
	/** Stops the background sync (waiting for a run in flight), so the index can be closed. */
	stop(): Promise<void>;
}

/**
 * Ink draws at most this many frames a second. Above Ink's 30: a key pressed just after a frame the
 * background drew (sync progress, the spinner) waits 17 ms for its own instead of 33.
 */
export const EXPLORER_MAX_FPS = 60;

export function launchExplorer(o: LaunchOptions): Explorer {
	const facets = createSlotStore<string | null>(null);
	const facetProgress = createSlotStore<FacetProgress>(IDLE_PROGRESS);
	const thread = o.syncThread ? createSyncThread(syncThreadData(o.ws)) : undefined;
	// `/`'s content search on its own thread too (a file index only: an in-memory one has one connection).
	const matchThread = o.syncThread && o.ws.indexPath !== ':memory:' ? createSessionMatchThread(o.ws.indexPath, () => createSessionMatcher(o.ws.indexPath, o.ws.store.db)) : undefined;
	const created = createWorkspaceServices(o.ws, {
		...(matchThread ? {matchThread} : {}),
		timeZone: o.timeZone, now: Date.now, refreshSec: o.refreshSec, home: o.home, facets, facetProgress, ...(thread ? {syncThread: thread} : {}),
		...(o.notices ? {notices: o.notices} : {}), ...(o.onSynced ? {onSynced: o.onSynced} : {}), ...(o.exportDir ? {exportDir: o.exportDir} : {}),
	});
	const loop = created.loop;
	const services = o.terminal ? {...created.services, terminal: o.terminal} : created.services;
	const instance = render(<App services={services} initial={initialFilterState(o.filters, o.period)} theme={pickTheme({theme: o.theme, env: o.env})} />, {
		exitOnCtrlC: false,
		maxFps: EXPLORER_MAX_FPS,
		patchConsole: false,
		...(o.stdin ? {stdin: o.stdin} : {}),
		...(o.stdout ? {stdout: o.stdout} : {}),
	});
	// The first frame is drawn from the index as it is; the sync then brings it up to date.
	loop.start();
	return {
		instance,
		attachInsights: (insights) => {
			facetProgress.attach(insights.progress);
			facets.attach(insights.status);
		},
		stop: async () => {
			await loop.stop();
			await thread?.close();
			await matchThread?.close();
		},
	};
}
