// Every key of the Sessions screen's keymap, pressed on real demo data: press, then wait for the frame.
import {cleanup} from 'ink-testing-library';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {KEYMAP, bindingsFor} from '../../source/core/keymap.js';
import {DEFAULT_FILTERS, type Filters, type SessionSummary} from '../../source/core/types.js';
import {columnNeeds, columnWidths} from '../../source/core/screens/session-columns.js';
import {sanitizeLine} from '../../source/core/sanitize.js';
import {truncateToWidth} from '../../source/terminal/width.js';
import {tableRows} from '../../source/ui/screens/sessions-screen.js';
import {IDLE_SYNC, constantStore, type SyncSnapshot} from '../../source/ui/services/types.js';
import {SIZE, demo, expectHelpListed, inputReady, press, renderSessions, selectedLine, tableLines, type Demo, labelPrefix} from './helpers/explorer.js';

let d: Demo;
beforeAll(async () => {
	d = await demo();
});
afterAll(() => {
	cleanup();
	d.close();
});

const f = (over: Partial<Filters> = {}): Filters => ({...DEFAULT_FILTERS, ...over});
const at = (filters: Filters, index: number): SessionSummary => d.services.sessions.page(filters, index, 1)[0]!;
/** The label as the table shows it at the test width. */
const label = (s: {label: string}) => labelPrefix(s.label);
const ROWS = tableRows(SIZE);

async function ready() {
	const r = renderSessions(d.services);
	await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
	await inputReady(r.stdin);
	return r;
}

/** The demo with a sync that could not read one source and skipped lines in many files. */
async function troubled() {
	const warnings = Array.from({length: 30}, (_, i) => ({where: `/data/claude/${String.fromCharCode(97 + (i % 26))}${i >= 26 ? i : ''}.jsonl:3`,
		message: 'not valid JSON (lines 3, 9 and 40 more)', count: 42}));
	const sync = constantStore<SyncSnapshot>({...IDLE_SYNC, lastSyncMs: 0, errors: ['/data/tapes.db: database file is corrupt (truncated or damaged)'], warnings});
	const r = renderSessions({...d.services, sync});
	await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
	await inputReady(r.stdin);
	return r;
}

async function problemsOpen() {
	const r = await troubled();
	press(r.stdin, 'w');
	await vi.waitFor(() => expect(r.lastFrame()).toContain('Problems  (w or Esc closes)'));
	return r;
}

async function pickerOpen(key: string) {
	const r = await ready();
	press(r.stdin, key);
	await vi.waitFor(() => expect(r.lastFrame()).toMatch(/› ● any \w+/));
	return r;
}

/** One scenario per (mode, key) of the keymap; the coverage test below keeps this table complete. */
const scenarios: Record<string, (key: string) => Promise<void>> = {
	'list:cursor-down': async (key) => {
		const r = await ready();
		press(r.stdin, key);
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(label(at(f(), 1))));
	},
	'list:cursor-up': async (key) => {
		const r = await ready();
		press(r.stdin, 'j', 'j');
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(label(at(f(), 2))));
		press(r.stdin, key);
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(label(at(f(), 1))));
	},
	'list:page-down': async (key) => {
		const r = await ready();
		press(r.stdin, key);
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(label(at(f(), ROWS))));
		expect(tableLines(r.lastFrame())[0]).toContain(label(at(f(), ROWS)));
	},
	'list:page-up': async (key) => {
		const r = await ready();
		press(r.stdin, 'pagedown', 'j');
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(label(at(f(), ROWS + 1))));
		press(r.stdin, key);
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(label(at(f(), 1))));
		expect(tableLines(r.lastFrame())[0]).toContain(label(at(f(), 0)));
	},
	'list:first': async (key) => {
		const r = await ready();
		press(r.stdin, 'G');
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(label(at(f(), 66))));
		press(r.stdin, key);
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(label(at(f(), 0))));
	},
	'list:last': async (key) => {
		const r = await ready();
		press(r.stdin, key);
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(label(at(f(), 66))));
		expect(tableLines(r.lastFrame())).toHaveLength(ROWS);
	},
	'list:open': async (key) => {
		const r = await ready();
		press(r.stdin, 'j', key);
		await vi.waitFor(() => expect(r.onOpen).toHaveBeenCalledWith(at(f(), 1).id));
	},
	'list:search-cancel': async (key) => {
		// Esc on the list clears a search kept with Enter; `/` then starts from an empty query.
		const r = await ready();
		press(r.stdin, '/', 'm', 'e', 'r', 'k', 'enter');
		// The chip shows the search at once; the list follows once its content matches are found.
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`${d.services.sessions.count(f({search: 'merk'}))} of 67 sessions`));
		expect(r.lastFrame()).toContain('search:merk');
		press(r.stdin, key);
		await vi.waitFor(() => {
			expect(r.lastFrame()).toContain('67 of 67 sessions');
			expect(r.lastFrame()).not.toContain('search:merk');
		});
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('no search to clear'));
		press(r.stdin, '/', 'x', 'enter', '/', 'm', 'e', 'r', 'k', 'enter');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('search:merk'));
		expect(r.lastFrame()).not.toContain('search:xmerk');
	},
	// Without a terminal (tests, benchmarks) the keys that hand it over say so; the tmux tests run them.
	...Object.fromEntries((['copy', 'page', 'edit', 'resume'] as const).map((action) => [`list:${action}`, async (key: string) => {
		const r = await ready();
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('needs a terminal'));
	}])),
	'list:expand': async (key) => {
		// The demo's sessions have no subagents: the key says so instead of doing nothing silently.
		const r = await ready();
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('this session has no subagents'));
		press(r.stdin, 'j');
		await vi.waitFor(() => expect(r.lastFrame()).not.toContain('this session has no subagents'));
	},
	'list:search': async (key) => {
		const r = await ready();
		press(r.stdin, key, 'm', 'e', 'r', 'k');
		const expected = d.services.sessions.count(f({search: 'merk'}));
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`${expected} of 67 sessions`));
		expect(r.lastFrame()).toContain('/ merk▏');
		expect(tableLines(r.lastFrame())).toHaveLength(expected);
	},
	'list:sort-next': async (key) => {
		const r = await ready();
		// The cursor stays on its session (it used to go back to the top): the third by cost, wherever it sorts.
		press(r.stdin, 'j', 'j');
		const chosen = at(f(), 2);
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(label(chosen)));
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('date▼'));
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(label(chosen)));
		expect(d.services.sessions.indexOf(f({sort: 'date'}), chosen.id)).not.toBe(2);
		expect(tableLines(r.lastFrame())).toHaveLength(ROWS);
	},
	'list:sort-prev': async (key) => {
		const r = await ready();
		press(r.stdin, 'G');
		const chosen = at(f(), 66);
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(label(chosen)));
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('tokens▼'));
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(label(chosen)));
	},
	'list:sort-reverse': async (key) => {
		const r = await ready();
		// The most expensive session stays selected: reversed, it is far from the top.
		const chosen = at(f(), 0);
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('cost▲'));
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(label(chosen)));
		expect(d.services.sessions.indexOf(f({sortDir: 'asc'}), chosen.id)).toBeGreaterThan(ROWS);
	},
	'list:status-next': async (key) => {
		const r = await ready();
		press(r.stdin, key, key);
		const failed = d.services.sessions.count(f({status: 'failed'}));
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`${failed} of 67 sessions`));
		expect(r.lastFrame()).toContain('status:failed');
		const rows = tableLines(r.lastFrame());
		expect(rows.length).toBe(Math.min(failed, ROWS));
		for (const row of rows) expect(row).toContain('✗');
	},
	'list:period-next': async (key) => {
		const r = await ready();
		press(r.stdin, key, key);
		const week = d.services.sessions.count(f({fromMs: d.services.now() - 7 * 86_400_000}));
		await vi.waitFor(() => {
			expect(r.lastFrame()).toContain('[7d]');
			expect(r.lastFrame()).toContain(`${week} of 67 sessions`);
			// The KPI figures follow a frame later, now with the change against the 7 days before.
			expect(r.lastFrame()).toMatch(/vs prev/);
		});
	},
	'list:pick-model': async (key) => {
		const r = await pickerOpen(key);
		expect(r.lastFrame()).toContain('Filter by model');
		expect(r.lastFrame()).toContain(d.services.sessions.distinct('model', f())[0]!.value);
	},
	'list:pick-project': async (key) => {
		const r = await pickerOpen(key);
		expect(r.lastFrame()).toContain('Filter by project');
		expect(r.lastFrame()).toContain(d.services.sessions.distinct('project', f())[0]!.value);
	},
	'list:pick-agent': async (key) => {
		const r = await pickerOpen(key);
		expect(r.lastFrame()).toContain('Filter by agent');
		expect(r.lastFrame()).toContain(d.services.sessions.distinct('agent', f())[0]!.value);
	},
	'list:clear-filters': async (key) => {
		const r = await ready();
		press(r.stdin, 'f', 'p', '/', 'x', 'enter');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('search:x'));
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
		expect(r.lastFrame()).toContain('[all]');
		expect(r.lastFrame()).toContain('no filters');
	},
	'list:help': async (key) => {
		const r = await ready();
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('sort by the next column'));
		expectHelpListed(r.lastFrame(), bindingsFor('list'), [...bindingsFor('search'), ...bindingsFor('picker')]);
	},
	'list:insights': async (key) => {
		const r = await ready();
		press(r.stdin, 'f', key);
		await vi.waitFor(() => expect(r.onInsights).toHaveBeenCalledTimes(1));
		expect(r.onInsights.mock.calls[0]![0]).toMatchObject({filters: {status: 'completed'}, period: 'all'});
	},
	'list:analytics': async (key) => {
		const r = await ready();
		press(r.stdin, 'p', key);
		await vi.waitFor(() => expect(r.onAnalytics).toHaveBeenCalledTimes(1));
		expect(r.onAnalytics.mock.calls[0]![0]).toMatchObject({period: '24h'});
	},
	'list:projects': async (key) => {
		const r = await ready();
		press(r.stdin, 'f', 'p', key);
		await vi.waitFor(() => expect(r.onProjects).toHaveBeenCalledTimes(1));
		expect(r.onProjects.mock.calls[0]![0]).toMatchObject({filters: {status: 'completed'}, period: '24h'});
	},
	'list:find': async (key) => {
		const r = await ready();
		press(r.stdin, '/', 'm', 'i', 'g', 'r', 'enter', key);
		await vi.waitFor(() => expect(r.onFind).toHaveBeenCalledTimes(1));
		expect(r.onFind.mock.calls[0]![0]).toMatchObject({filters: {search: 'migr'}, period: 'all'});
	},
	'list:quit': async (key) => {
		const r = await ready();
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.onQuit).toHaveBeenCalled());
	},
	'search:search-accept': async (key) => {
		const r = await ready();
		press(r.stdin, '/', 'm', 'e', 'r', 'k', key);
		await vi.waitFor(() => {
			expect(r.lastFrame()).toContain('search:merk');
			expect(r.lastFrame()).toMatch(/\? (help|more)\b/);
		});
		press(r.stdin, 'q');
		await vi.waitFor(() => expect(r.onQuit).toHaveBeenCalled());
	},
	'search:search-cancel': async (key) => {
		const r = await ready();
		press(r.stdin, '/', 'm', 'e', 'r', 'k');
		// The list follows the search once its matches are found (the chip shows the search at once).
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`${d.services.sessions.count(f({search: 'merk'}))} of 67 sessions`));
		press(r.stdin, key);
		await vi.waitFor(() => {
			expect(r.lastFrame()).toContain('67 of 67 sessions');
			expect(r.lastFrame()).toMatch(/\? (help|more)\b/);
		});
	},
	'search:search-delete': async (key) => {
		const r = await ready();
		press(r.stdin, '/', 'm', 'e', 'r', 'k', 'z');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('0 of 67 sessions'));
		press(r.stdin, key);
		// The list follows once typing pauses (debounced), a frame or more after the field.
		await vi.waitFor(() => {
			expect(r.lastFrame()).toContain('/ merk▏');
			expect(r.lastFrame()).toContain(`${d.services.sessions.count(f({search: 'merk'}))} of 67 sessions`);
		});
	},
	'search:cursor-down': async (key) => {
		const r = await ready();
		press(r.stdin, '/', 'e', key);
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(label(at(f({search: 'e'}), 1))));
		expect(r.lastFrame()).toContain('/ e▏');
	},
	'search:cursor-up': async (key) => {
		const r = await ready();
		press(r.stdin, '/', 'e', 'down', 'down');
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(label(at(f({search: 'e'}), 2))));
		press(r.stdin, key);
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(label(at(f({search: 'e'}), 1))));
		expect(r.lastFrame()).toContain('/ e▏');
	},
	'search:quit': async (key) => {
		const r = await ready();
		press(r.stdin, '/', 'q', key);
		await vi.waitFor(() => expect(r.onQuit).toHaveBeenCalledTimes(1));
		expect(r.lastFrame()).toContain('/ q▏');
	},
	'picker:cursor-down': async (key) => {
		const r = await pickerOpen('m');
		press(r.stdin, key);
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(d.services.sessions.distinct('model', f())[0]!.value));
	},
	'picker:cursor-up': async (key) => {
		const r = await pickerOpen('m');
		const models = d.services.sessions.distinct('model', f());
		press(r.stdin, 'down', 'down');
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(models[1]!.value));
		press(r.stdin, key);
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(models[0]!.value));
	},
	'picker:choose': async (key) => {
		const r = await pickerOpen('P');
		const project = d.services.sessions.distinct('project', f())[0]!;
		press(r.stdin, 'down', key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`${project.sessions} of 67 sessions`));
		expect(r.lastFrame()).toContain(`project:${project.value}`);
		const cell = truncateToWidth(project.value, columnWidths(SIZE.columns, columnNeeds(d.services.sessions.columnMaxima(f({project: project.value})))).project);
		for (const row of tableLines(r.lastFrame())) expect(row).toContain(cell);
	},
	'picker:back': async (key) => {
		const r = await pickerOpen('A');
		press(r.stdin, 'down', key);
		await vi.waitFor(() => expect(r.lastFrame()).not.toContain('Filter by agent'));
		expect(r.lastFrame()).toContain('67 of 67 sessions');
	},
	'picker:search-delete': async (key) => {
		// Typing narrows the choices (letters type, they do not move or quit); Backspace widens them again.
		const r = await pickerOpen('m');
		const models = d.services.sessions.distinct('model', f());
		const model = models[models.length - 1]!.value;
		const typed = model.slice(0, 6);
		const matching = models.filter((m) => m.value.toLowerCase().includes(typed.toLowerCase()));
		press(r.stdin, ...Array.from(typed));
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`${typed}▏`));
		const listed = (frame: string | undefined) => (frame ?? '').split('\n').filter((l) => /^[› ] [● ] /.test(l));
		expect(listed(r.lastFrame())).toHaveLength(matching.length + 1);
		// The cursor goes to the first match; "any" stays listed to clear the filter.
		expect(selectedLine(r.lastFrame())).toContain(matching[0]!.value);
		expect(r.lastFrame()).toContain('any model');
		press(r.stdin, 'q', 'q', 'j');
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`no model contains "${typed}qqj"`));
		expect(r.onQuit).not.toHaveBeenCalled();
		press(r.stdin, key, key, key);
		await vi.waitFor(() => expect(listed(r.lastFrame())).toHaveLength(matching.length + 1));
		press(r.stdin, 'enter');
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`model:${matching[0]!.value}`));
		// Opened again, the "any" choice clears that filter.
		press(r.stdin, 'm');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('Filter by model'));
		press(r.stdin, 'a', 'n', 'y', 'up', 'enter');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
		expect(r.lastFrame()).not.toContain('model:');
	},
	'picker:quit': async (key) => {
		const r = await pickerOpen('m');
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.onQuit).toHaveBeenCalled());
	},
	'list:problems': async (key) => {
		const r = await troubled();
		expect(r.lastFrame()).toMatch(/w problems/);
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('Problems  (w or Esc closes)'));
		const frame = r.lastFrame()!;
		expect(frame).toContain('✗ /data/tapes.db: database file is corrupt (truncated or damaged)');
		expect(frame).toContain('⚠ /data/claude/a.jsonl:3');
		expect(frame).toContain('not valid JSON (lines 3, 9 and 40 more) (42 times)');
	},
	'problems:cursor-down': async (key) => {
		const r = await problemsOpen();
		expect(r.lastFrame()).toContain('1–');
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toMatch(/ 2–\d+ of \d+ lines/));
	},
	'problems:cursor-up': async (key) => {
		const r = await problemsOpen();
		press(r.stdin, 'j', 'j');
		await vi.waitFor(() => expect(r.lastFrame()).toMatch(/ 3–\d+ of \d+ lines/));
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toMatch(/ 2–\d+ of \d+ lines/));
	},
	'problems:close': async (key) => {
		const r = await problemsOpen();
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('SPEND'));
		expect(r.lastFrame()).not.toContain('Problems  (w or Esc closes)');
	},
	'problems:quit': async (key) => {
		const r = await problemsOpen();
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.onQuit).toHaveBeenCalled());
	},
	'help:close': async (key) => {
		const r = await ready();
		press(r.stdin, '?');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('Keys'));
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('SPEND'));
		expect(r.lastFrame()).not.toContain('sort by the next column');
	},
	'help:quit': async (key) => {
		const r = await ready();
		press(r.stdin, '?', key);
		await vi.waitFor(() => expect(r.onQuit).toHaveBeenCalled());
	},
};

/** The Sessions screen's modes (other screens test their own). */
const SESSION_MODES = new Set(['list', 'search', 'picker', 'help', 'problems']);
const sessionBindings = KEYMAP.filter((b) => SESSION_MODES.has(b.mode));

describe('Sessions screen keys', () => {
	it('has a scenario for every key of its modes', () => {
		const missing = sessionBindings.filter((b) => !scenarios[`${b.mode}:${b.action}`]).map((b) => `${b.mode}:${b.action}`);
		expect(missing).toEqual([]);
	});

	it.each(sessionBindings.flatMap((b) => b.keys.map((k) => [b.mode, k, b.action] as const)))('%s mode: %s (%s)', async (mode, key, action) => {
		await scenarios[`${mode}:${action}`]!(key);
	});
});
