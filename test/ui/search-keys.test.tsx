// Every key of the Search screen, in the whole explorer over the demo: F opens it, a query lists messages,
// Enter lands on the message in its session's timeline, Esc comes back to the results as they were.
import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {SearchScreen} from '../../source/ui/screens/search-screen.js';
import {ServicesContext} from '../../source/ui/services/context.js';
import {THEMES, ThemeContext} from '../../source/ui/theme.js';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {KEYMAP} from '../../source/core/keymap.js';
import {DEFAULT_FILTERS} from '../../source/core/types.js';
import {ALL, SIZE, demo, effectsFlushed, inputReady, press, renderApp, selectedLine, type Demo} from './helpers/explorer.js';

let d: Demo;
beforeAll(async () => {
	d = await demo();
});
afterAll(() => {
	cleanup();
	d.close();
});

const hits = (q: string, order: 'rank' | 'time' = 'rank') => {
	const r = d.services.search!.hits(q, DEFAULT_FILTERS, order, 500);
	if (!r.ok) throw new Error(r.error);
	return r.value;
};

/** The Search screen open, typing. */
async function opened(size = SIZE) {
	const r = renderApp(d.services, ALL, size);
	await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
	await inputReady(r.stdin);
	press(r.stdin, 'F');
	await vi.waitFor(() => expect(r.lastFrame()).toContain('tapedeck › Search'));
	await effectsFlushed();
	return r;
}

/** The results of `migrations`, walked with the list keys. */
async function listed() {
	const r = await opened();
	press(r.stdin, ...'migrations'.split(''), 'enter');
	const n = hits('migrations').length;
	await vi.waitFor(() => expect(r.lastFrame()).toContain(`${n} messages`));
	await effectsFlushed();
	return {r, n};
}

const at = (i: number, order: 'rank' | 'time' = 'rank') => hits('migrations', order)[i]!;
const selectedTime = (frame: string | undefined) => selectedLine(frame).slice(2, 18);
const timeOf = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

const scenarios: Record<string, (key: string) => Promise<void>> = {
	'find-query:search-accept': async (key) => {
		const r = await opened();
		press(r.stdin, 't', 'o', 'o', 'l', ':', 'B', 'a', 's', 'h', key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`${hits('tool:Bash').length} messages`));
		expect(r.lastFrame()).toContain('? help');
	},
	'find-query:back': async (key) => {
		const r = await opened();
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('tapedeck › Sessions'));
	},
	'find-query:search-delete': async (key) => {
		const r = await opened();
		press(r.stdin, 'x', 'y', key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('find x▏'));
	},
	'find-query:cursor-down': async (key) => {
		const r = await opened();
		press(r.stdin, ...'migrations'.split(''));
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`${hits('migrations').length} messages`));
		await effectsFlushed();
		press(r.stdin, key);
		await vi.waitFor(() => expect(selectedTime(r.lastFrame())).toBe(timeOf(at(1).timestamp)));
	},
	'find-query:cursor-up': async (key) => {
		const r = await opened();
		press(r.stdin, ...'migrations'.split(''));
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`${hits('migrations').length} messages`));
		await effectsFlushed();
		press(r.stdin, 'down', 'down', key);
		await vi.waitFor(() => expect(selectedTime(r.lastFrame())).toBe(timeOf(at(1).timestamp)));
	},
	'find-query:sort-next': async (key) => {
		const r = await opened();
		press(r.stdin, ...'migrations'.split(''), key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('order:time'));
		await vi.waitFor(() => expect(selectedTime(r.lastFrame())).toBe(timeOf(at(0, 'time').timestamp)));
	},
	'find-query:quit': async (key) => {
		// The screen alone, so the quit is seen as a call (the whole app's last frame is empty once it quits).
		const onQuit = vi.fn();
		const r = render(
			<ServicesContext.Provider value={d.services}>
				<ThemeContext.Provider value={THEMES.mono}>
					<SearchScreen size={SIZE} initial={ALL} query="" active onOpen={vi.fn()} onBack={vi.fn()} onQuit={onQuit} />
				</ThemeContext.Provider>
			</ServicesContext.Provider>,
		);
		await inputReady(r.stdin);
		press(r.stdin, 'q');
		// q is typed into the query, not taken as quit.
		await vi.waitFor(() => expect(r.lastFrame()).toContain('find q▏'));
		expect(onQuit).not.toHaveBeenCalled();
		press(r.stdin, key);
		await vi.waitFor(() => expect(onQuit).toHaveBeenCalledTimes(1));
	},
	'find:cursor-down': async (key) => {
		const {r} = await listed();
		press(r.stdin, key);
		await vi.waitFor(() => expect(selectedTime(r.lastFrame())).toBe(timeOf(at(1).timestamp)));
	},
	'find:cursor-up': async (key) => {
		const {r} = await listed();
		press(r.stdin, 'j', 'j', key);
		await vi.waitFor(() => expect(selectedTime(r.lastFrame())).toBe(timeOf(at(1).timestamp)));
	},
	'find:page-down': async (key) => {
		const {r, n} = await listed();
		press(r.stdin, key);
		await vi.waitFor(() => expect(selectedTime(r.lastFrame())).toBe(timeOf(at(n - 1).timestamp)));
	},
	'find:page-up': async (key) => {
		const {r} = await listed();
		press(r.stdin, 'G', key);
		await vi.waitFor(() => expect(selectedTime(r.lastFrame())).toBe(timeOf(at(0).timestamp)));
	},
	'find:first': async (key) => {
		const {r} = await listed();
		press(r.stdin, 'j', 'j', key);
		await vi.waitFor(() => expect(selectedTime(r.lastFrame())).toBe(timeOf(at(0).timestamp)));
	},
	'find:last': async (key) => {
		const {r, n} = await listed();
		press(r.stdin, key);
		await vi.waitFor(() => expect(selectedTime(r.lastFrame())).toBe(timeOf(at(n - 1).timestamp)));
	},
	'find:open': async (key) => {
		const {r} = await listed();
		press(r.stdin, 'j', key);
		await vi.waitFor(() => expect(r.lastFrame()).toMatch(/tapedeck › Session\n/));
		await vi.waitFor(() => expect(r.lastFrame()).toMatch(/find:migrations \d+\/\d+/));
		expect(r.lastFrame()).toContain(at(1).sessionId);
		await effectsFlushed();
		press(r.stdin, 'esc');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('tapedeck › Search'));
		expect(selectedTime(r.lastFrame())).toBe(timeOf(at(1).timestamp));
	},
	'find:search': async (key) => {
		const {r} = await listed();
		press(r.stdin, key, 'backspace');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('find migration▏'));
	},
	'find:sort-next': async (key) => {
		const {r} = await listed();
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('order:time'));
	},
	'find:back': async (key) => {
		const {r} = await listed();
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('tapedeck › Sessions'));
	},
	'find:help': async (key) => {
		const {r} = await listed();
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('open the session at this message'));
		press(r.stdin, 'esc');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('find migrations'));
	},
	'find:quit': async (key) => {
		const onQuit = vi.fn();
		const r = render(
			<ServicesContext.Provider value={d.services}>
				<ThemeContext.Provider value={THEMES.mono}>
					<SearchScreen size={SIZE} initial={ALL} query="migrations" active onOpen={vi.fn()} onBack={vi.fn()} onQuit={onQuit} />
				</ThemeContext.Provider>
			</ServicesContext.Provider>,
		);
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`${hits('migrations').length} messages`));
		await inputReady(r.stdin);
		press(r.stdin, 'enter', key);
		await vi.waitFor(() => expect(onQuit).toHaveBeenCalledTimes(1));
	},
};

const bindings = KEYMAP.filter((b) => b.mode === 'find' || b.mode === 'find-query');

describe('Search screen keys', () => {
	it('has a scenario for every key of its modes', () => {
		expect(bindings.filter((b) => !scenarios[`${b.mode}:${b.action}`]).map((b) => `${b.mode}:${b.action}`)).toEqual([]);
	});

	it('bad syntax shows its one-line explanation, not an error', async () => {
		const r = await opened();
		press(r.stdin, '"', 'o', 'p', 'e', 'n');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('unclosed quote at character 1: end the phrase with another "'));
	});

	it.each(bindings.flatMap((b) => b.keys.map((k) => [b.mode, k, b.action] as const)))('%s mode: %s (%s)', async (mode, key, action) => {
		await scenarios[`${mode}:${action}`]!(key);
	});
});

describe('the Search list at 80 columns', () => {
	it('shows each hit\'s match, even where the snippet leads up to it for longer than the column', async () => {
		const r = await opened({columns: 80, rows: 24});
		for (const ch of 'flake') press(r.stdin, ch);
		// "Why does TestSessionGrouping flake on CI": 29 characters before the word, more than the column holds.
		await vi.waitFor(() => expect(r.lastFrame()).toMatch(/1 message/));
		const row = r.lastFrame()!.split('\n').find((l) => l.startsWith('› '))!;
		expect(row).toContain('flake');
		expect(row.length).toBeLessThanOrEqual(80);
	});
});
