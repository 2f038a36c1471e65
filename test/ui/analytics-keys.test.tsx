// Every key of the Analytics screen, pressed on the real demo index.
import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {KEYMAP, bindingsFor} from '../../source/core/keymap.js';
import {DEFAULT_FILTERS} from '../../source/core/types.js';
import {sanitizeLine} from '../../source/core/sanitize.js';
import {columnWidths} from '../../source/core/screens/session-columns.js';
import {slotLabel, type DrillSlot} from '../../source/core/screens/analytics-slot.js';
import {truncateToWidth} from '../../source/terminal/width.js';
import {ServicesContext} from '../../source/ui/services/context.js';
import {THEMES, ThemeContext} from '../../source/ui/theme.js';
import {AnalyticsScreen} from '../../source/ui/screens/analytics-screen.js';
import {bodyHeight} from '../../source/ui/components/frame.js';
import {ALL, NOW, SIZE, demo, expectHelpListed, inputReady, press, selectedLine, type Demo, labelPrefix} from './helpers/explorer.js';

let d: Demo;
beforeAll(async () => {
	d = await demo();
});
afterAll(() => {
	cleanup();
	d.close();
});

const model = () => d.services.analytics.model(DEFAULT_FILTERS, NOW);
const VIEW = bodyHeight(SIZE) - 1;

async function ready(services = d.services) {
	const onOpen = vi.fn();
	const onBack = vi.fn();
	const onQuit = vi.fn();
	const r = render(
		<ServicesContext.Provider value={services}>
			<ThemeContext.Provider value={THEMES.mono}>
				<AnalyticsScreen size={SIZE} initial={ALL} active onOpen={onOpen} onBack={onBack} onQuit={onQuit} />
			</ThemeContext.Provider>
		</ServicesContext.Provider>,
	);
	await vi.waitFor(() => expect(r.lastFrame()).toContain('▸ ACTIVITY'));
	await inputReady(r.stdin);
	return {...r, onOpen, onBack, onQuit};
}

const day = (back: number) => model().days.at(-1 - back)!;
const daySlot = (back: number): DrillSlot => ({kind: 'days', first: day(back).day, last: day(back).day});
const label = (s: {label: string}) => labelPrefix(s.label);

/** The busiest day's sessions, listed (the demo's has six). */
async function drilled() {
	const r = await ready();
	const days = model().days;
	const back = days.length - 1 - days.findIndex((x) => x.day === model().series.sessions.peakDay);
	press(r.stdin, ...Array<string>(back).fill('h'), 'enter');
	const slot = daySlot(back);
	await vi.waitFor(() => expect(r.lastFrame()).toContain(`◂ ${slotLabel(slot)}`));
	return {...r, rows: d.services.analytics.sessions(DEFAULT_FILTERS, slot)};
}

const scenarios: Record<string, (key: string) => Promise<void>> = {
	'analytics:cursor-down': async (key) => {
		const r = await ready();
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('▲ 1 above'));
		expect(r.lastFrame()).not.toContain('▸ ACTIVITY');
	},
	'analytics:cursor-up': async (key) => {
		const r = await ready();
		press(r.stdin, 'j', 'j', key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('▲ 1 above'));
	},
	'analytics:page-down': async (key) => {
		const r = await ready();
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`▲ ${VIEW} above`));
	},
	'analytics:page-up': async (key) => {
		const r = await ready();
		press(r.stdin, 'G', key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`▼ ${VIEW} below`));
	},
	'analytics:first': async (key) => {
		const r = await ready();
		press(r.stdin, 'G');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('· end'));
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('top ·'));
	},
	'analytics:last': async (key) => {
		const r = await ready();
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('· end'));
		expect(r.lastFrame()).toContain('saved');
	},
	'analytics:tab-next': async (key) => {
		const r = await ready();
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('▸ HOUR OF WEEK'));
		expect(r.lastFrame()).toMatch(/selected Mon 01:00–02:00: 2 sessions/);
		press(r.stdin, key, key, key, key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('▸ PROVIDERS'));
	},
	'analytics:select-prev': async (key) => {
		const r = await ready();
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`selected ${slotLabel(daySlot(1))}: ${day(1).sessions} sessions`));
		press(r.stdin, 'tab', key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('selected Mon 00:00–01:00: 0 sessions'));
	},
	'analytics:select-next': async (key) => {
		const r = await ready();
		press(r.stdin, 'h', 'h', key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`selected ${slotLabel(daySlot(1))}:`));
		press(r.stdin, 'tab', key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('selected Mon 02:00–03:00'));
	},
	'analytics:drill': async (key) => {
		const r = await ready();
		press(r.stdin, key);
		const rows = d.services.analytics.sessions(DEFAULT_FILTERS, daySlot(0));
		expect(rows).toHaveLength(day(0).sessions);
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`◂ ${slotLabel(daySlot(0))}  ${rows.length} session`));
		expect(selectedLine(r.lastFrame())).toContain(label(rows[0]!));
		// From the heatmap: the busiest hour's sessions.
		// A lone Esc is flushed a turn later; the next key waits for it, or the two read as Meta-Tab.
		press(r.stdin, 'esc');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('▸ ACTIVITY'));
		press(r.stdin, 'tab', key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('◂ Mon 01:00–02:00  2 sessions started in this hour of the week'));
	},
	'analytics:expand': async (key) => {
		// The demo's tools group into six across their dialects; more tools than the top 10 are added here.
		const extra = Array.from({length: 8}, (_, i) => ({name: `mcp__tool_${i}`, calls: 1, sessions: 1, errors: 0, errorRate: 0}));
		const analytics = {...d.services.analytics, model: (f: typeof DEFAULT_FILTERS, now: number) => {
			const m = d.services.analytics.model(f, now);
			return {...m, tools: [...m.tools, ...extra]};
		}};
		const r = await ready({...d.services, analytics});
		const tools = analytics.model(DEFAULT_FILTERS, NOW).tools;
		expect(tools.length).toBeGreaterThan(10);
		press(r.stdin, 'tab', 'tab');
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`+${tools.length - 10} more (e)`));
		expect(r.lastFrame()).not.toContain(` ${tools.at(-1)!.name} `);
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('show the top 10 (e)'));
		expect(r.lastFrame()).toContain(` ${tools.at(-1)!.name} `);
	},
	'analytics:sort-next': async (key) => {
		const r = await ready();
		press(r.stdin, key);
		press(r.stdin, 'tab', 'tab', 'tab', 'tab');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('by average cost ▼'));
	},
	'analytics:sort-prev': async (key) => {
		const r = await ready();
		press(r.stdin, key, 'tab', 'tab', 'tab', 'tab');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('by sessions ▼'));
		const rows = r.lastFrame()!.split('\n').filter((l) => /^  \S+\s+\d+\s+(\$|<|unpriced)/.test(l));
		const counts = rows.map((l) => Number(l.trim().split(/\s+/)[1]));
		expect(counts).toEqual([...counts].sort((a, b) => b - a));
	},
	'analytics:sort-reverse': async (key) => {
		const r = await ready();
		press(r.stdin, key, 'tab', 'tab', 'tab', 'tab');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('by total cost ▲'));
	},
	'analytics:period-next': async (key) => {
		const r = await ready();
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('[24h]'));
		const day1 = d.services.analytics.model({...DEFAULT_FILTERS, fromMs: NOW - 86_400_000}, NOW);
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`${day1.sessions} of 67 sessions`));
		expect(r.lastFrame()).toContain(`ACTIVITY ${day1.days.length} days`);
	},
	'analytics:back': async (key) => {
		const r = await ready();
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.onBack).toHaveBeenCalledTimes(1));
	},
	'analytics:help': async (key) => {
		const r = await ready();
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('Keys  (? or Esc closes)'));
		expectHelpListed(r.lastFrame(), bindingsFor('analytics').slice(0, 12));
		press(r.stdin, 'esc');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('▸ ACTIVITY'));
		expect(r.onBack).not.toHaveBeenCalled();
	},
	'analytics:quit': async (key) => {
		const r = await ready();
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.onQuit).toHaveBeenCalledTimes(1));
	},
	'analytics-heatmap:select-up': async (key) => {
		const r = await ready();
		press(r.stdin, 'tab', 'down', 'down', key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('selected Tue 01:00–02:00'));
	},
	'analytics-heatmap:select-down': async (key) => {
		const r = await ready();
		press(r.stdin, 'tab', key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('selected Tue 01:00–02:00'));
		expect(r.lastFrame()).toContain('▸ HOUR OF WEEK');
	},
	'analytics-drill:cursor-down': async (key) => {
		const r = await drilled();
		press(r.stdin, key);
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(label(r.rows[1]!)));
	},
	'analytics-drill:cursor-up': async (key) => {
		const r = await drilled();
		press(r.stdin, 'j', 'j', key);
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(label(r.rows[1]!)));
	},
	'analytics-drill:page-down': async (key) => {
		const r = await drilled();
		press(r.stdin, key);
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(label(r.rows.at(-1)!)));
	},
	'analytics-drill:page-up': async (key) => {
		const r = await drilled();
		press(r.stdin, 'G', key);
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(label(r.rows[0]!)));
	},
	'analytics-drill:first': async (key) => {
		const r = await drilled();
		press(r.stdin, 'j', 'j', key);
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(label(r.rows[0]!)));
	},
	'analytics-drill:last': async (key) => {
		const r = await drilled();
		press(r.stdin, key);
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(label(r.rows.at(-1)!)));
	},
	'analytics-drill:open': async (key) => {
		const r = await drilled();
		press(r.stdin, 'j', key);
		await vi.waitFor(() => expect(r.onOpen).toHaveBeenCalledWith(r.rows[1]!.id));
	},
	'analytics-drill:back': async (key) => {
		const r = await drilled();
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('▸ ACTIVITY'));
		expect(r.onBack).not.toHaveBeenCalled();
	},
	'analytics-drill:help': async (key) => {
		const r = await drilled();
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain("A day's sessions"));
		press(r.stdin, 'esc');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('Enter opens · Esc back to the charts'));
	},
	'analytics-drill:quit': async (key) => {
		const r = await drilled();
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.onQuit).toHaveBeenCalledTimes(1));
	},
};

const MODES = new Set(['analytics', 'analytics-heatmap', 'analytics-drill']);
const bindings = KEYMAP.filter((b) => MODES.has(b.mode));

describe('Analytics screen keys', () => {
	it('has a scenario for every key of its modes', () => {
		const missing = bindings.filter((b) => !scenarios[`${b.mode}:${b.action}`]).map((b) => `${b.mode}:${b.action}`);
		expect(missing).toEqual([]);
	});

	it.each(bindings.flatMap((b) => b.keys.map((k) => [b.mode, k, b.action] as const)))('%s mode: %s (%s)', async (mode, key, action) => {
		await scenarios[`${mode}:${action}`]!(key);
	});
});

describe('Analytics footer', () => {
	const footer = (frame: string | undefined) => (frame ?? '').split('\n').at(-1) ?? '';
	it('follows the focused panel: ←→ day on the activity chart, ←→ hour on the heatmap, e tools and s sort on theirs', async () => {
		const r = await ready();
		expect(footer(r.lastFrame())).toContain('←→/hl day');
		expect(footer(r.lastFrame())).toContain('Enter sessions');
		press(r.stdin, 'tab');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('▸ HOUR OF WEEK'));
		expect(footer(r.lastFrame())).toContain('←→/hl hour');
		expect(footer(r.lastFrame())).toContain('↑↓ weekday');
		expect(footer(r.lastFrame())).not.toContain('hl day');
		press(r.stdin, 'tab');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('▸ TOP TOOLS'));
		expect(footer(r.lastFrame())).toContain('e tools');
		expect(footer(r.lastFrame())).not.toMatch(/←→|Enter sessions|s sort/);
	});
});
