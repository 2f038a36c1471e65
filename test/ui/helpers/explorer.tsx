// The explorer on real data for screen tests: the demo seeded into a temp dir and synced into a real
// index, workspace services over it (no background timer: tests sync when they choose), and renderers.
import {truncateToWidth} from '../../../source/terminal/width.js';
import {sanitizeLine} from '../../../source/core/sanitize.js';
import fs from 'node:fs';
import path from 'node:path';
import React from 'react';
import {render} from 'ink-testing-library';
import {expect, vi} from 'vitest';
import {App} from '../../../source/app.js';
import {seedDemo} from '../../../source/sources/demo/seed.js';
import {syncWorkspace} from '../../../source/workspace/sync-workspace.js';
import type {Workspace} from '../../../source/workspace/open-workspace.js';
import {createWorkspaceServices} from '../../../source/ui/services/workspace-services.js';
import type {ExplorerServices} from '../../../source/ui/services/types.js';
import type {SyncLoop} from '../../../source/ui/services/sync-loop.js';
import {ServicesContext} from '../../../source/ui/services/context.js';
import {THEMES, ThemeContext} from '../../../source/ui/theme.js';
import {SessionsScreen} from '../../../source/ui/screens/sessions-screen.js';
import {initialFilterState, type FilterState} from '../../../source/core/screens/sessions-filters.js';
import {DEFAULT_FILTERS} from '../../../source/core/types.js';
import {keysLabel, type Binding} from '../../../source/core/keymap.js';
import {open, tempDir} from '../../helpers/workspace.js';
import {bytesOf} from './keys.js';

/** The clock every screen test runs at (the demo is seeded relative to it). */
export const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);
/** ink-testing-library's stdout is 100 columns wide. */
export const SIZE = {columns: 100, rows: 30};

/**
 * The start of a label as any table shows it: every width the layout gives a label at 80 columns and up
 * holds its first 20 cells (how much more depends on the data, see column-layout.ts).
 */
export function labelPrefix(label: string): string {
	return truncateToWidth(sanitizeLine(label), 20, '');
}


export interface Demo {
	ws: Workspace;
	dir: string;
	tapes: string;
	services: ExplorerServices;
	loop: SyncLoop;
	close(): void;
}

export async function demo(): Promise<Demo> {
	const dir = tempDir('tapedeck-ui-');
	const tapes = path.join(dir, 'tapes.sqlite');
	seedDemo(tapes, {overwrite: false, now: NOW});
	// The demo's data with the demo's prices (the reference's table alone: one model stays unpriced).
	const ws = open({sqlite: tapes, index: path.join(dir, 'index.sqlite'), now: () => NOW, catalog: false});
	await syncWorkspace(ws, undefined, undefined, () => NOW);
	const {services, loop} = createWorkspaceServices(ws, {timeZone: 'UTC', now: () => NOW, refreshSec: 0});
	return {ws, dir, tapes, services, loop, close: () => {
		ws.close();
		fs.rmSync(dir, {recursive: true, force: true});
	}};
}

export const ALL: FilterState = initialFilterState(DEFAULT_FILTERS, 'all');

export function renderApp(services: ExplorerServices, initial: FilterState = ALL, size = SIZE) {
	return render(<App services={services} initial={initial} theme={THEMES.mono} size={size} />);
}

export function renderSessions(services: ExplorerServices, initial: FilterState = ALL, size = SIZE) {
	const onOpen = vi.fn();
	const onQuit = vi.fn();
	const onInsights = vi.fn();
	const onAnalytics = vi.fn();
	const onFind = vi.fn();
	const onProjects = vi.fn();
	const r = render(
		<ServicesContext.Provider value={services}>
			<ThemeContext.Provider value={THEMES.mono}>
				<SessionsScreen size={size} initial={initial} active onOpen={onOpen} onInsights={onInsights} onAnalytics={onAnalytics} onFind={onFind} onProjects={onProjects} onQuit={onQuit} />
			</ThemeContext.Provider>
		</ServicesContext.Provider>,
	);
	return {...r, onOpen, onQuit, onInsights, onAnalytics, onFind, onProjects};
}

/** Presses keys by name ('j', 'down', 'enter', 'ctrl+c'…), one write each. */
export function press(stdin: {write(data: string): void}, ...names: string[]): void {
	for (const n of names) stdin.write(bytesOf(n));
}

/**
 * Resolves once the app reads keys: Ink starts listening to stdin when the first input handler has
 * subscribed, which happens in an effect just after the first frame.
 */
export async function inputReady(stdin: {listenerCount(event: string): number}): Promise<void> {
	await vi.waitFor(() => expect(stdin.listenerCount('readable')).toBeGreaterThan(0));
}

/** One turn of the event loop: React runs a commit's effects (an input handler subscribing) in it. */
export function effectsFlushed(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Asserts the `?` overlay lists each binding: by the start of its help text (long texts wrap), or in a
 * compact section by its keys and footer hint.
 */
export function expectHelpListed(frame: string | undefined, full: readonly Binding[], compact: readonly Binding[] = []): void {
	const shown = (frame ?? '').replace(/\s+/g, ' ');
	for (const b of full) expect(shown).toContain(b.help.split(' ').slice(0, 2).join(' '));
	for (const b of compact) expect(shown).toContain(`${keysLabel(b)} ${b.hint ?? b.help.split(' ')[0]}`);
}

/** The table line with the cursor on it. */
export function selectedLine(frame: string | undefined): string {
	return (frame ?? '').split('\n').find((l) => l.startsWith('›')) ?? '';
}

/** Lines of the table body: those starting with the cursor marker or the two-space row indent and a date. */
export function tableLines(frame: string | undefined): string[] {
	return (frame ?? '').split('\n').filter((l) => /^(›|  ) ?[A-Z][a-z]{2} [ \d]\d/.test(l));
}
