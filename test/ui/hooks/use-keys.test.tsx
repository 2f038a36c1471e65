// The input hook on a real Ink render: Esc and the key after it in one read (or two reads Ink joined) are
// the two keys, on a screen alone and inside the app; keys pressed before a handler subscribes reach it.
import React, {useEffect, useState} from 'react';
import {Text} from 'ink';
import {cleanup, render} from 'ink-testing-library';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {DEFAULT_FILTERS} from '../../../source/core/types.js';
import {KeysProvider, useKeys} from '../../../source/ui/hooks/use-keys.js';
import {demo, inputReady, labelPrefix, renderApp, renderSessions, selectedLine, type Demo} from '../helpers/explorer.js';

let d: Demo;
beforeAll(async () => {
	d = await demo();
});
afterEach(() => cleanup());
afterAll(() => d.close());

const second = () => labelPrefix(d.services.sessions.page({...DEFAULT_FILTERS, topLevel: true}, 1, 1)[0]!.label);

describe.each([['a screen alone', renderSessions], ['the app', renderApp]] as const)('Esc then a key, on %s', (_, renderIt) => {
	async function searching() {
		const r = renderIt(d.services);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
		await inputReady(r.stdin);
		r.stdin.write('/qq');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('/ qq▏'));
		return r;
	}

	/** Esc left the search (the whole list is back) and j moved the cursor instead of being typed. */
	async function leftSearchAndMoved(r: Awaited<ReturnType<typeof searching>>) {
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(second()));
		expect(r.lastFrame()).not.toContain('qqj');
	}

	it('in one read: Esc leaves the search, j moves (was: j typed into the search)', async () => {
		const r = await searching();
		r.stdin.write('\u001bj');
		await leftSearchAndMoved(r);
	});

	it('in two reads back to back', async () => {
		const r = await searching();
		r.stdin.write('\u001b');
		r.stdin.write('j');
		await leftSearchAndMoved(r);
	});

	it('a lone Esc is still Esc', async () => {
		const r = await searching();
		r.stdin.write('\u001b');
		await vi.waitFor(() => expect(r.lastFrame()).not.toContain('/ qq▏'));
		expect(r.lastFrame()).not.toContain('search:qq');
	});
});

/** A screen whose key handler subscribes only after `delayMs` (as the error panel's did after its frame). */
function Late({delayMs}: {delayMs: number}) {
	const [ready, setReady] = useState(false);
	const [seen, setSeen] = useState('');
	useEffect(() => {
		const t = setTimeout(() => setReady(true), delayMs);
		return () => clearTimeout(t);
	}, []);
	useKeys((input) => setSeen((s) => s + input), {isActive: ready});
	return <Text>{ready ? 'listening' : 'waiting'}:{seen}</Text>;
}

describe('keys before a handler subscribes', () => {
	it('are kept and delivered, in order, once one does', async () => {
		const r = render(<KeysProvider><Late delayMs={100} /></KeysProvider>);
		await inputReady(r.stdin);
		expect(r.lastFrame()).toContain('waiting:');
		r.stdin.write('a');
		r.stdin.write('bc');
		await vi.waitFor(() => expect(r.lastFrame()).toBe('listening:abc'));
		r.stdin.write('d');
		await vi.waitFor(() => expect(r.lastFrame()).toBe('listening:abcd'));
	});
});
