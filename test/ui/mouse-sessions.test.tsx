// The mouse on the Sessions list, through the app's key hub as a terminal sends it (SGR reports): the
// wheel moves the selection by 3 rows, a click selects the row under it, a click on the selected row opens
// it, and a report's bytes never reach the screen as keys.
import {cleanup} from 'ink-testing-library';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {demo, inputReady, renderApp, type Demo} from './helpers/explorer.js';
import {click, selectedAt, wheel} from './helpers/mouse.js';

let d: Demo;
beforeAll(async () => {
	d = await demo();
});
afterEach(() => cleanup());
afterAll(() => d.close());

async function app() {
	const r = renderApp(d.services);
	await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
	await inputReady(r.stdin);
	return r;
}

describe('the mouse on Sessions', () => {
	it('the wheel moves the selection 3 rows down, then back up', async () => {
		const r = await app();
		const first = selectedAt(r.lastFrame()!);
		r.stdin.write(wheel('down', first + 2));
		await vi.waitFor(() => expect(selectedAt(r.lastFrame()!)).toBe(first + 3));
		r.stdin.write(wheel('up', first + 2));
		await vi.waitFor(() => expect(selectedAt(r.lastFrame()!)).toBe(first));
	});

	it('a click selects the row under it; a click on the selected row opens it', async () => {
		const r = await app();
		const first = selectedAt(r.lastFrame()!);
		const row = r.lastFrame()!.split('\n')[first + 4]!;
		r.stdin.write(click(first + 4));
		await vi.waitFor(() => expect(selectedAt(r.lastFrame()!)).toBe(first + 4));
		r.stdin.write(click(first + 4));
		await vi.waitFor(() => expect(r.lastFrame()).toContain('# role'));
		// The Timeline of the session clicked: its label heads the screen.
		expect(row).toContain(r.lastFrame()!.split('\n')[1]!.trim().slice(0, 12));
	});

	it('a click off the rows, a release, a split report and garbage do nothing, and none reaches the list as keys', async () => {
		const r = await app();
		const before = r.lastFrame()!;
		const first = selectedAt(before);
		// The title line, the table header, a release, a right click.
		for (const bytes of [click(0), click(first - 1), click(first + 2, 'm'), '\u001b[<2;5;9M', '\u001b[<0;1;1X']) r.stdin.write(bytes);
		r.stdin.write('\u001b[<0;5');
		await new Promise((resolve) => setTimeout(resolve, 20));
		r.stdin.write(`;${first + 3}M`);
		await vi.waitFor(() => expect(selectedAt(r.lastFrame()!)).toBe(first + 2));
		expect(r.lastFrame()).not.toContain('does nothing here');
		expect(r.lastFrame()).toContain('67 of 67 sessions');
	});
});
