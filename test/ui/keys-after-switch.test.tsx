// Keys read in one chunk with the key that opens another screen go to that screen, not on into the
// screen that is going: `bs` opens Projects and sorts it, `Fqq` opens Find with the query typed, `h/zq`
// on Projects goes back and searches the list. One joined write.
import {cleanup} from 'ink-testing-library';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {demo, effectsFlushed, inputReady, renderApp, type Demo} from './helpers/explorer.js';

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

describe('keys after a screen switch, in one write', () => {
	it('b then s: Projects opens and sorts by last active (was: s sorted Sessions)', async () => {
		const r = await app();
		r.stdin.write('bs');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('sorted by last active'));
		expect(r.lastFrame()).toContain('tapedeck › Projects');
	});

	it('F then text: Find opens with the text as its query (was: typed as Sessions keys)', async () => {
		const r = await app();
		r.stdin.write('Fqq');
		await vi.waitFor(() => expect(r.lastFrame()).toMatch(/qq▏/));
		expect(r.lastFrame()).not.toContain('does nothing here');
	});

	it('h then / on the Timeline: back on Sessions, the search opens with the text typed (was: dropped)', async () => {
		const r = await app();
		r.stdin.write('\r');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('tapedeck › Session\n'));
		await inputReady(r.stdin);
		r.stdin.write('h/flake');
		await vi.waitFor(() => expect(r.lastFrame()).toMatch(/flake▏/));
		expect(r.lastFrame()).toContain('tapedeck › Sessions');
	});

	/** Opens a screen from Sessions with `key` and waits until it reads keys. */
	async function onScreen(key: string, title: string) {
		const r = await app();
		r.stdin.write(key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`tapedeck › ${title}`));
		await inputReady(r.stdin);
		return r;
	}

	/** Analytics with its charts drawn, so Enter lists the selected day. */
	async function chartsDrawn() {
		const r = await onScreen('a', 'Analytics');
		await vi.waitFor(() => expect(r.lastFrame()).toMatch(/selected .*: \d+ session/));
		await effectsFlushed();
		return r;
	}

	// Back, then `/zq`: the list's search opens with zq typed (was: the rest went to the screen that left).
	for (const [open, title, keys] of [['a', 'Analytics', '\x7f/zq'], ['b', 'Projects', 'h/zq'], ['i', 'Insights', 'h/zq']] as const) {
		it(`${JSON.stringify(keys)} on ${title}: back on Sessions, searching zq`, async () => {
			const r = await onScreen(open, title);
			r.stdin.write(keys);
			await vi.waitFor(() => expect(r.lastFrame()).toMatch(/ \/ zq▏/));
			expect(r.lastFrame()).toContain('tapedeck › Sessions');
		});
	}

	it('h then / on the Search results: back on Sessions, the search opens with the text typed', async () => {
		const r = await onScreen('F', 'Search');
		r.stdin.write('flake\r');
		await vi.waitFor(() => expect(r.lastFrame()).toMatch(/results/));
		r.stdin.write('h/zq');
		await vi.waitFor(() => expect(r.lastFrame()).toMatch(/ \/ zq▏/));
		expect(r.lastFrame()).toContain('tapedeck › Sessions');
	});

	it("Enter, Enter, ? on Analytics: a day's sessions, the first one's Timeline, its help (was: ? dropped)", async () => {
		const r = await chartsDrawn();
		r.stdin.write('\r\r?');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('tapedeck › Session\n'));
		await vi.waitFor(() => expect(r.lastFrame()).toContain('? or Esc closes'));
	});

	it("Esc Esc in one read on a day's sessions: back to the charts, then back to Sessions (was: one Esc)", async () => {
		const r = await chartsDrawn();
		r.stdin.write('\r');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('◂ '));
		r.stdin.write('\u001b\u001b');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('tapedeck › Sessions'));
	});

	it('Esc then / in one read on Analytics: back, and the search opens (was: Ink dropped the Esc before /)', async () => {
		const r = await onScreen('a', 'Analytics');
		r.stdin.write('\u001b/zq');
		await vi.waitFor(() => expect(r.lastFrame()).toMatch(/ \/ zq▏/));
		expect(r.lastFrame()).toContain('tapedeck › Sessions');
	});
});
