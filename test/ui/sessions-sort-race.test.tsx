// A sort pressed while a typed search is still finding its matches: the cursor's session is found in the
// list the search is about to show, not in the rows still on screen (the reverted attempt's bug: the next
// Enter opened nothing).
import {cleanup} from 'ink-testing-library';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {DEFAULT_FILTERS, type Filters} from '../../source/core/types.js';
import {demo, inputReady, labelPrefix, renderSessions, selectedLine, type Demo} from './helpers/explorer.js';

let d: Demo;
beforeAll(async () => {
	d = await demo();
});
afterAll(() => {
	cleanup();
	d.close();
});

/** The search's list in an order, with its content matches as the screen finds them. */
async function searched(word: string, over: Partial<Filters>): Promise<Filters> {
	const found = await d.services.search!.matchingSessions!(word, new AbortController().signal);
	return {...DEFAULT_FILTERS, topLevel: true, search: word, ...(found === null ? {} : {searchSessions: found}), ...over};
}

/** A word of a label whose matches are in another order by date than by cost (so the test can fail). */
async function raceWord(): Promise<string> {
	const words = new Set(d.services.sessions.page({...DEFAULT_FILTERS, topLevel: true}, 0, 67).flatMap((s) => s.label.toLowerCase().split(/[^a-z]+/)).filter((w) => w.length >= 5));
	for (const w of words) {
		const byCost = await searched(w, {});
		const n = d.services.sessions.count(byCost);
		if (n < 3 || n > 40) continue;
		const top = d.services.sessions.page(byCost, 0, 1)[0]!;
		if (d.services.sessions.indexOf(await searched(w, {sort: 'date', sortDir: 'desc'}), top.id) !== 0) return w;
	}
	throw new Error('no label word sorts differently by date');
}

describe('Sessions: sort during a search', () => {
	it('keeps the cursor on the first match by cost when s comes before the matches, and Enter opens it', async () => {
		const word = await raceWord();
		const chosen = d.services.sessions.page(await searched(word, {}), 0, 1)[0]!;
		const r = renderSessions(d.services);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
		await inputReady(r.stdin);
		// One chunk, as a fast typist or tmux send-keys gives it: the search, Enter, the sort.
		r.stdin.write(`/${word}\rs`);
		const count = d.services.sessions.count(await searched(word, {}));
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`${count} of 67 sessions`));
		await vi.waitFor(() => expect(r.lastFrame()).toContain('date▼'));
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(labelPrefix(chosen.label)));
		r.stdin.write('\r');
		// That session opens (with the search's first match in it to land on, when its messages matched).
		await vi.waitFor(() => expect(r.onOpen.mock.calls.at(-1)?.[0]).toBe(chosen.id));
	});
});
