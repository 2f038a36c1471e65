// An error inside a screen shows in that screen: a panel with the message, the file and what to do, and
// keys to retry, go back or quit; the other screens and the program go on.
import React from 'react';
import Database from 'better-sqlite3';
import {Text} from 'ink';
import {cleanup, render} from 'ink-testing-library';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {KEYMAP} from '../../source/core/keymap.js';
import {ScreenBoundary} from '../../source/ui/components/screen-boundary.js';
import {THEMES, ThemeContext} from '../../source/ui/theme.js';
import type {ExplorerServices} from '../../source/ui/services/types.js';
import {stringWidth} from '../../source/terminal/width.js';
import {SIZE, demo, effectsFlushed, inputReady, press, renderApp, selectedLine, type Demo} from './helpers/explorer.js';

let d: Demo;
beforeAll(async () => {
	d = await demo();
});
afterEach(() => cleanup());
afterAll(() => d.close());

/** A child that throws while `broken.now` is set. */
function Fragile({broken}: {broken: {now: boolean}}) {
	if (broken.now) throw new Database.SqliteError('database disk image is malformed', 'SQLITE_CORRUPT');
	return <Text>screen is fine</Text>;
}

function renderBoundary(opts: {home?: boolean} = {}) {
	const broken = {now: true};
	const onBack = vi.fn();
	const onQuit = vi.fn();
	const r = render(
		<ThemeContext.Provider value={THEMES.mono}>
			<ScreenBoundary screen="Session" active size={SIZE} indexPath="/tmp/idx.sqlite" onBack={opts.home ? undefined : onBack} onQuit={onQuit}>
				<Fragile broken={broken} />
			</ScreenBoundary>
		</ThemeContext.Provider>,
	);
	return {...r, broken, onBack, onQuit};
}

/** Services whose parts throw where the test says. */
function failing(overrides: (s: ExplorerServices) => Partial<ExplorerServices>): ExplorerServices {
	return {...d.services, ...overrides(d.services)};
}

const scenarios: Record<string, (key: string) => Promise<void>> = {
	'error:retry': async (key) => {
		const r = renderBoundary();
		await vi.waitFor(() => expect(r.lastFrame()).toContain('Session stopped on an error'));
		await inputReady(r.stdin);
		r.broken.now = false;
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toBe('screen is fine'));
	},
	'error:back': async (key) => {
		const r = renderBoundary();
		await vi.waitFor(() => expect(r.lastFrame()).toContain('Session stopped on an error'));
		await inputReady(r.stdin);
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.onBack).toHaveBeenCalledTimes(1));
		expect(r.onQuit).not.toHaveBeenCalled();
	},
	'error:quit': async (key) => {
		const r = renderBoundary();
		await vi.waitFor(() => expect(r.lastFrame()).toContain('Session stopped on an error'));
		await inputReady(r.stdin);
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.onQuit).toHaveBeenCalledTimes(1));
	},
};

describe('error panel keys', () => {
	const bindings = KEYMAP.filter((b) => b.mode === 'error');
	it('has a scenario for every key of the error mode', () => {
		expect(bindings.filter((b) => !scenarios[`error:${b.action}`]).map((b) => b.action)).toEqual([]);
	});

	it.each(bindings.flatMap((b) => b.keys.map((k) => [k, b.action] as const)))('%s (%s)', async (key, action) => {
		await scenarios[`error:${action}`]!(key);
	});

	it('shows the message, the file and the advice in the frame, and fits it', async () => {
		const r = renderBoundary();
		await vi.waitFor(() => expect(r.lastFrame()).toContain('database disk image is malformed'));
		const frame = r.lastFrame()!;
		expect(frame).toContain('in /tmp/idx.sqlite');
		const lines = frame.split('\n');
		const title = lines.findIndex((l) => l.includes('✗ Session stopped'));
		expect(lines.slice(title - 1, title + 3).map((l) => l.trim())).toEqual(['', '✗ Session stopped on an error', '', 'database disk image is malformed']);
		expect(frame).toContain('The index is damaged');
		expect(frame).toMatch(/r retry {2}Esc back {2}q quit/);
		expect(frame.split('\n')).toHaveLength(SIZE.rows - 1);
		for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(SIZE.columns);
	});

	it('offers no way back on the home screen, and Esc does nothing there', async () => {
		const r = renderBoundary({home: true});
		await vi.waitFor(() => expect(r.lastFrame()).toContain('Session stopped on an error'));
		await inputReady(r.stdin);
		expect(r.lastFrame()).not.toContain('Esc back');
		press(r.stdin, 'esc');
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(r.lastFrame()).toContain('Session stopped on an error');
	});
});

/** The explorer with a Timeline whose query fails, opened on the first row: its error panel is up. */
async function timelinePanel() {
	const services = failing((s) => ({timeline: {...s.timeline, outline: () => {
		throw new Database.SqliteError('database disk image is malformed', 'SQLITE_CORRUPT');
	}}}));
	const r = renderApp(services);
	await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
	await inputReady(r.stdin);
	press(r.stdin, 'enter');
	await vi.waitFor(() => expect(r.lastFrame()).toContain('Session stopped on an error'));
	return r;
}

describe('errors inside the explorer', () => {
	it('a timeline whose query fails shows the panel naming the index; Esc goes back to a working list', async () => {
		const r = await timelinePanel();
		expect(r.lastFrame()).toContain(`in ${d.ws.indexPath}`);
		await inputReady(r.stdin);
		press(r.stdin, 'esc');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
		await effectsFlushed();
		const before = selectedLine(r.lastFrame());
		press(r.stdin, 'j');
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).not.toBe(before));
	});

	it('keys read with the Esc that leaves the panel go to the list it goes back to (was: dropped)', async () => {
		const r = await timelinePanel();
		await inputReady(r.stdin);
		r.stdin.write('\u001b/zq');
		await vi.waitFor(() => expect(r.lastFrame()).toMatch(/ \/ zq▏/));
	});

	it('a failure after the first frame (loading bodies in a timer) reaches the panel too', async () => {
		const services = failing((s) => ({timeline: {...s.timeline, detail: () => {
			throw new Error('\u001b[31mboom\u001b[0m in the detail loader');
		}}}));
		const r = renderApp(services);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
		await inputReady(r.stdin);
		press(r.stdin, 'enter');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('boom in the detail loader'));
		expect(r.lastFrame()).not.toContain('\u001b[31m');
	});

	it('the home screen fails in a deferred query, shows the panel without Back, and r recovers it', async () => {
		let broken = false;
		const services = failing((s) => ({sessions: {...s.sessions, overview: (f, now) => {
			if (broken) throw new Database.SqliteError('database is locked', 'SQLITE_BUSY');
			return s.sessions.overview(f, now);
		}}}));
		const r = renderApp(services);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
		await inputReady(r.stdin);
		broken = true;
		press(r.stdin, 'f');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('Sessions stopped on an error'), {timeout: 5000});
		expect(r.lastFrame()).toContain('Another process holds the index');
		expect(r.lastFrame()).not.toContain('Esc back');
		broken = false;
		await inputReady(r.stdin);
		// One r: a key that comes before the panel's handler has subscribed is kept for it (the key hub).
		press(r.stdin, 'r');
		// The remount re-reads the whole list: on a loaded CI machine that took over the default 1 s once.
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'), {timeout: 5000});
	});
});
