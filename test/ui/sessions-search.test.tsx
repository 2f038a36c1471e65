// `/` on the Sessions screen searches what the sessions said as well as their labels: the list narrows to
// the sessions with a matching message once typing pauses, and the selected session's best match shows.
import {cleanup} from 'ink-testing-library';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {DEFAULT_FILTERS} from '../../source/core/types.js';
import {demo, inputReady, press, renderApp, renderSessions, tableLines, type Demo} from './helpers/explorer.js';

let d: Demo;
beforeAll(async () => {
	d = await demo();
});
afterAll(() => {
	cleanup();
	d.close();
});

async function ready() {
	const r = renderSessions(d.services);
	await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
	await inputReady(r.stdin);
	return r;
}

describe('Sessions search over content', () => {
	it('narrows to sessions whose messages match, with the best snippet of the selected one', async () => {
		const labels = d.services.sessions.page(DEFAULT_FILTERS, 0, 100).filter((s) => /migrations/i.test(s.label));
		expect(labels).toEqual([]);
		const expected = d.services.sessions.count({...DEFAULT_FILTERS, search: 'migrations'});
		expect(expected).toBeGreaterThan(0);
		const r = await ready();
		press(r.stdin, '/', ...'migrations'.split(''));
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`${expected} of 67 sessions`));
		expect(tableLines(r.lastFrame())).toHaveLength(expected);
		await vi.waitFor(() => expect(r.lastFrame()).toMatch(/↳ .*migrations/i));
	});

	it('a label-only match says so; a query that does not parse still matches labels', async () => {
		const r = await ready();
		press(r.stdin, '/', ...'merkle'.split(''));
		await vi.waitFor(() => expect(r.lastFrame()).toMatch(/↳ /));
		press(r.stdin, 'escape');
		const open = await ready();
		press(open.stdin, '/', '"', 'm', 'e', 'r', 'k');
		const labels = d.services.sessions.count({...DEFAULT_FILTERS, search: '"merk'});
		await vi.waitFor(() => expect(open.lastFrame()).toContain(`${labels} of 67 sessions`));
	});

	it('Enter on a session the search found by its messages opens the Timeline on the first match, found', {timeout: 30_000}, async () => {
		const r = renderApp(d.services);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
		await inputReady(r.stdin);
		press(r.stdin, '/', ...'migrations'.split(''));
		await vi.waitFor(() => expect(r.lastFrame()).toMatch(/↳ .*migrations/i));
		press(r.stdin, 'enter');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('search:migrations'));
		const first = d.services.sessions.page({...DEFAULT_FILTERS, search: 'migrations', topLevel: true}, 0, 1)[0]!;
		const matches = d.services.search!.inSession('migrations', first.id);
		expect(matches.ok && matches.value.length).toBeGreaterThan(0);
		press(r.stdin, 'enter');
		// The find is on, counting this session's matches, with the cursor on the first (1 of them).
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`find:migrations 1/${matches.ok ? matches.value.length : 0}`), {timeout: 10_000});
		expect(r.lastFrame()).toContain(first.id.slice(0, 16));
	});
});
