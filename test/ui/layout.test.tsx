// The frame fits the terminal: 80×24 and up show everything in rows−1 lines, smaller shows one notice.
import {cleanup} from 'ink-testing-library';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {stringWidth} from '../../source/terminal/width.js';
import {bindingsFor} from '../../source/core/keymap.js';
import {demo, expectHelpListed, inputReady, press, renderApp, type Demo} from './helpers/explorer.js';

let d: Demo;
beforeAll(async () => {
	d = await demo();
});
afterAll(() => {
	cleanup();
	d.close();
});

describe('frame', () => {
	it.each([[80, 24], [100, 30], [100, 50]])('fits %i×%i exactly, one line short of the terminal', async (columns, rows) => {
		const r = renderApp(d.services, undefined, {columns, rows});
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
		for (const screen of [[], ['?'], ['m']]) {
			press(r.stdin, ...screen);
			if (screen.length) await vi.waitFor(() => expect(r.lastFrame()).toMatch(/Keys|Filter by model/));
			const lines = r.lastFrame()!.split('\n');
			expect(lines).toHaveLength(rows - 1);
			for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
			expect(lines.at(-1)).toMatch(/quit/);
			if (screen.length) press(r.stdin, 'esc');
		}
	});

	it('ends a footer that had to drop hints with ? more, at 80×24 (was: dropped silently)', async () => {
		const r = renderApp(d.services, undefined, {columns: 80, rows: 24});
		const footer = () => r.lastFrame()!.split('\n').at(-1)!.trimEnd();
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
		await inputReady(r.stdin);
		expect(footer()).toMatch(/ q quit {2}\? more$/);
		expect(footer()).not.toContain('? help');
		press(r.stdin, 'enter');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('tapedeck › Session\n'));
		expect(footer()).toMatch(/ q quit {2}\? more$/);
	});

	it('lists every key of the screen in the help overlay at 80×24', async () => {
		const r = renderApp(d.services, undefined, {columns: 80, rows: 24});
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
		await inputReady(r.stdin);
		press(r.stdin, '?');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('Keys'));
		expectHelpListed(r.lastFrame(), bindingsFor('list'), [...bindingsFor('search'), ...bindingsFor('picker')]);
	});

	it('lists every key of the Timeline, its replay and sub-session list included, in the help overlay at 80×24', async () => {
		// One long label (Esc/Backspace/←/h) had narrowed every description, and the replay keys fell off the bottom.
		const r = renderApp(d.services, undefined, {columns: 80, rows: 24});
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
		await inputReady(r.stdin);
		press(r.stdin, 'enter');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('tapedeck › Session'));
		press(r.stdin, '?');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('Keys'));
		const frame = r.lastFrame()!;
		// The replay's and the sub-session list's keys are inline (their footers show them too).
		expectHelpListed(frame, bindingsFor('timeline'), [...bindingsFor('timeline-find'), ...bindingsFor('timeline-replay'), ...bindingsFor('timeline-subs')]);
		expect(frame).toContain('Esc/Backspace/←/h');
		expect(frame.split('\n').length).toBeLessThanOrEqual(23);
		for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);
	});

	it.each([[79, 24], [80, 23], [40, 10]])('shows only a notice at %i×%i', async (columns, rows) => {
		const r = renderApp(d.services, undefined, {columns, rows});
		await vi.waitFor(() => expect(r.lastFrame()).toContain('terminal too small'));
		expect(r.lastFrame()!.split('\n')).toHaveLength(1);
		expect(stringWidth(r.lastFrame()!)).toBeLessThanOrEqual(columns);
	});

	it('shows every KPI, the sparkline, period chips and, at 200 columns, all eleven column headers', async () => {
		const r = renderApp(d.services, undefined, {columns: 200, rows: 50});
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
		await inputReady(r.stdin);
		const frame = r.lastFrame()!;
		for (const text of ['SPEND', 'TOKENS IN/OUT', 'AGENT TIME', 'TOOL CALLS', 'SUCCESS', 'cost/day', '24h', '7d', '30d', '90d', '[all]']) {
			expect(frame).toContain(text);
		}
		for (const header of ['date', 'label', 'project', 'agent', 'model', 'status', 'dur', 'msgs', 'tools', 'tokens', 'cost▼']) {
			expect(frame).toContain(header);
		}
		expect(frame).toMatch(/cost\/day [▁▂▃▄▅▆▇█ ]+ max/);
	});

	it('says unpriced, never $0, for sessions without a price (they sort last)', async () => {
		const r = renderApp(d.services);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
		await inputReady(r.stdin);
		press(r.stdin, 'G');
		await vi.waitFor(() => expect(r.lastFrame()).toMatch(/› .*unpriced$/m));
		expect(r.lastFrame()).not.toContain('$0.00');
	});
});
