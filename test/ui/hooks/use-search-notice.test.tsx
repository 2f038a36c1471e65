// The search index's state in the status bar: while `/` is open on Sessions and on the Search screen, the
// bar says how many messages the index has not reached yet, or that a source's index is off, naming it;
// a sync that finishes the fill takes the line away. Nothing is said while no search is on screen.
import {cleanup} from 'ink-testing-library';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {SIZE, demo, inputReady, press, renderApp, renderSessions, type Demo} from '../helpers/explorer.js';

let d: Demo;
beforeEach(async () => {
	d = await demo();
});
afterEach(() => {
	cleanup();
	d.close();
});

const WIDE = {...SIZE, columns: 200};
const sourceId = () => d.ws.sources[0]!.id;
/** Every message of the demo waits for the index again, as after a sync killed before its fill. */
const unfill = () => {
	d.ws.store.db.prepare('DELETE FROM message_search').run();
	d.ws.store.db.prepare('UPDATE search_sources SET done_to = 0').run();
	return d.ws.store.messages.count(sourceId());
};

describe('the search index state in the status bar', () => {
	it('on Sessions, `/` says how many messages are still filling in; the sync that fills them takes it away', async () => {
		const waiting = unfill();
		expect(waiting).toBeGreaterThan(0);
		const r = renderSessions(d.services, undefined, WIDE);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('of 67 sessions'));
		expect(r.lastFrame()).not.toContain('search still filling');
		await inputReady(r.stdin);
		press(r.stdin, '/');
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`search still filling: ${waiting.toLocaleString('en-US')} messages left`));
		await d.loop.syncNow();
		await vi.waitFor(() => expect(r.lastFrame()).not.toContain('search still filling'));
	}, 30_000);

	it('on the Search screen, a source whose index is off is named', async () => {
		d.ws.store.search.setOn(sourceId(), false);
		const r = renderApp(d.services, undefined, WIDE);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('of 67 sessions'));
		expect(r.lastFrame()).not.toContain('search index off');
		await inputReady(r.stdin);
		press(r.stdin, 'F');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('tapedeck › Search'));
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`search index off for ${d.tapes}`));
	}, 30_000);
});
