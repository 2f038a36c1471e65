// Enter opens a session's summary (until the Timeline screen lands); every key of that screen.
import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {KEYMAP} from '../../source/core/keymap.js';
import {DEFAULT_FILTERS} from '../../source/core/types.js';
import {ServicesContext} from '../../source/ui/services/context.js';
import {THEMES, ThemeContext} from '../../source/ui/theme.js';
import {SessionSummaryScreen} from '../../source/ui/screens/session-summary-screen.js';
import {formatCost} from '../../source/core/format.js';
import {SIZE, demo, effectsFlushed, press, renderApp, selectedLine, type Demo} from './helpers/explorer.js';

let d: Demo;
beforeAll(async () => {
	d = await demo();
});
afterAll(() => {
	cleanup();
	d.close();
});

function renderSummary(id: string) {
	const onBack = vi.fn();
	const onQuit = vi.fn();
	const r = render(
		<ServicesContext.Provider value={d.services}>
			<ThemeContext.Provider value={THEMES.mono}>
				<SessionSummaryScreen id={id} size={SIZE} onBack={onBack} onQuit={onQuit} />
			</ThemeContext.Provider>
		</ServicesContext.Provider>,
	);
	return {...r, onBack, onQuit};
}

const first = () => d.services.sessions.page(DEFAULT_FILTERS, 0, 1)[0]!;

describe('session summary', () => {
	it('Enter opens the selected session, Esc comes back to the same row', async () => {
		const r = renderApp(d.services);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
		const second = d.services.sessions.page(DEFAULT_FILTERS, 1, 1)[0]!;
		press(r.stdin, 'j', 'enter');
		await vi.waitFor(() => expect(r.lastFrame()).toContain(second.id));
		expect(r.lastFrame()).toContain('tapedeck › Session');
		expect(r.lastFrame()).toContain(formatCost(second.totalCost));
		expect(r.lastFrame()).toContain(`${second.messageCount}  ·  ${second.toolCalls} tool calls`);
		// The new screen's input handler subscribes in an effect, which runs just after its first frame.
		await effectsFlushed();
		press(r.stdin, 'esc');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
		expect(selectedLine(r.lastFrame())).toContain(second.label.slice(0, 10));
	});

	it('says when a session has no price', async () => {
		const unpriced = d.services.sessions.page({...DEFAULT_FILTERS, sort: 'cost', sortDir: 'desc'}, 66, 1)[0]!;
		expect(unpriced.totalCost).toBeNull();
		const r = renderSummary(unpriced.id);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('unpriced  (no price for its model)'));
		expect(r.lastFrame()).not.toContain('$0.00');
	});

	const scenarios: Record<string, (key: string) => Promise<void>> = {
		back: async (key) => {
			const r = renderSummary(first().id);
			await vi.waitFor(() => expect(r.lastFrame()).toContain(first().id));
			press(r.stdin, key);
			await vi.waitFor(() => expect(r.onBack).toHaveBeenCalledTimes(1));
		},
		help: async (key) => {
			const r = renderSummary(first().id);
			await vi.waitFor(() => expect(r.lastFrame()).toContain(first().id));
			press(r.stdin, key);
			await vi.waitFor(() => expect(r.lastFrame()).toContain('back to the sessions'));
			press(r.stdin, 'esc');
			await vi.waitFor(() => expect(r.lastFrame()).toContain(first().id));
			expect(r.onBack).not.toHaveBeenCalled();
		},
		quit: async (key) => {
			const r = renderSummary(first().id);
			await vi.waitFor(() => expect(r.lastFrame()).toContain(first().id));
			press(r.stdin, key);
			await vi.waitFor(() => expect(r.onQuit).toHaveBeenCalledTimes(1));
		},
	};

	it.each(KEYMAP.filter((b) => b.mode === 'summary').flatMap((b) => b.keys.map((k) => [k, b.action] as const)))('%s (%s)', async (key, action) => {
		await scenarios[action]!(key);
	});
});
