// The mouse on every other list, through the app's key hub as a terminal sends it (SGR reports): the wheel
// moves the selection (or scrolls Analytics' page) by 3, a click selects the row under it and a click on
// the selected row opens it, as Enter does there.
import {cleanup} from 'ink-testing-library';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {DEFAULT_FILTERS} from '../../source/core/types.js';
import {NOW, demo, effectsFlushed, inputReady, press, renderApp, type Demo} from './helpers/explorer.js';
import {click, selectedAt, wheel} from './helpers/mouse.js';

let d: Demo;
beforeAll(async () => {
	d = await demo();
});
afterEach(() => cleanup());
afterAll(() => d.close());

async function app(...keys: string[]) {
	const r = renderApp(d.services);
	await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
	await inputReady(r.stdin);
	press(r.stdin, ...keys);
	return r;
}

const frame = (r: {lastFrame(): string | undefined}) => r.lastFrame()!;
const lineAt = (r: {lastFrame(): string | undefined}, y: number) => frame(r).split('\n')[y]!;

describe('the mouse on the Timeline', () => {
	it('the wheel moves the selected row 3 down; a click selects a row; a click beside it, in the detail, does not', async () => {
		const r = await app('enter');
		await vi.waitFor(() => expect(frame(r)).toContain('# role'));
		await effectsFlushed();
		const first = selectedAt(frame(r));
		r.stdin.write(wheel('down', first));
		await vi.waitFor(() => expect(selectedAt(frame(r))).toBe(first + 3));
		r.stdin.write(click(first + 1));
		await vi.waitFor(() => expect(selectedAt(frame(r))).toBe(first + 1));
		// The detail pane starts after the table and its rule.
		const detailColumn = lineAt(r, first).indexOf('│') + 2;
		r.stdin.write(click(first + 5, 'M', detailColumn));
		r.stdin.write(wheel('up', first));
		await vi.waitFor(() => expect(selectedAt(frame(r))).toBe(first));
	});
});

describe('the mouse on Search', () => {
	it('the wheel moves through the results; a click selects one; a click on it opens its session', async () => {
		const r = await app('F');
		await vi.waitFor(() => expect(frame(r)).toContain('tapedeck › Search'));
		await effectsFlushed();
		press(r.stdin, ...'migrations'.split(''), 'enter');
		await vi.waitFor(() => expect(frame(r)).toMatch(/\d+ messages/));
		await effectsFlushed();
		const first = selectedAt(frame(r));
		r.stdin.write(wheel('down', first));
		await vi.waitFor(() => expect(selectedAt(frame(r))).toBe(first + 3));
		r.stdin.write(click(first + 1));
		await vi.waitFor(() => expect(selectedAt(frame(r))).toBe(first + 1));
		r.stdin.write(click(first + 1));
		await vi.waitFor(() => expect(frame(r)).toContain('# role'));
	});
});

describe('the mouse on Projects', () => {
	it('a click selects a project; a click on it goes back to Sessions filtered to it', async () => {
		const r = await app('b');
		await vi.waitFor(() => expect(frame(r)).toContain('tapedeck › Projects'));
		await effectsFlushed();
		const first = selectedAt(frame(r));
		const project = lineAt(r, first + 1).trim().split(/\s+/)[0]!;
		r.stdin.write(click(first + 1));
		await vi.waitFor(() => expect(selectedAt(frame(r))).toBe(first + 1));
		r.stdin.write(wheel('up', first));
		await vi.waitFor(() => expect(selectedAt(frame(r))).toBe(first));
		r.stdin.write(wheel('down', first));
		await vi.waitFor(() => expect(selectedAt(frame(r))).toBeGreaterThan(first));
		r.stdin.write(click(first + 1));
		await vi.waitFor(() => expect(selectedAt(frame(r))).toBe(first + 1));
		r.stdin.write(click(first + 1));
		await vi.waitFor(() => expect(frame(r)).toContain(`project:${project}`));
	});
});

describe('the mouse on Analytics', () => {
	it('the wheel scrolls the page by 3 lines', async () => {
		const r = await app('a');
		await vi.waitFor(() => expect(frame(r)).toContain('▸ ACTIVITY'));
		await effectsFlushed();
		r.stdin.write(wheel('down', 5));
		await vi.waitFor(() => expect(frame(r)).toContain('▲ 3 above'));
		r.stdin.write(wheel('up', 5));
		await vi.waitFor(() => expect(frame(r)).toContain('top ·'));
	});

	it("in a day's sessions, a click selects one and a click on it opens it", async () => {
		const model = d.services.analytics.model(DEFAULT_FILTERS, NOW);
		const back = model.days.length - 1 - model.days.findIndex((x) => x.day === model.series.sessions.peakDay);
		const r = await app('a');
		await vi.waitFor(() => expect(frame(r)).toContain('▸ ACTIVITY'));
		await effectsFlushed();
		press(r.stdin, ...Array<string>(back).fill('h'), 'enter');
		await vi.waitFor(() => expect(frame(r)).toContain('Enter opens · Esc back to the charts'));
		await effectsFlushed();
		const first = selectedAt(frame(r));
		const row = lineAt(r, first + 2);
		r.stdin.write(click(first + 2));
		await vi.waitFor(() => expect(selectedAt(frame(r))).toBe(first + 2));
		r.stdin.write(click(first + 2));
		await vi.waitFor(() => expect(frame(r)).toContain('# role'));
		expect(row).toContain(lineAt(r, 1).trim().slice(0, 12));
	});
});
