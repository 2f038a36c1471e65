// The Projects screen on the real demo index: its figures are `tapedeck projects`' (the same roll-up over the
// same rows), every key of its keymap does what the help says, and `b` / Enter / Esc travel from and to Sessions.
import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {bindingsFor} from '../../source/core/keymap.js';
import {DEFAULT_FILTERS} from '../../source/core/types.js';
import {formatCostShort} from '../../source/core/format.js';
import {rollUpProjects} from '../../source/core/project-rollup.js';
import {initialFilterState} from '../../source/core/screens/sessions-filters.js';
import {ServicesContext} from '../../source/ui/services/context.js';
import {THEMES, ThemeContext} from '../../source/ui/theme.js';
import {ProjectsScreen} from '../../source/ui/screens/projects-screen.js';
import {ALL, NOW, SIZE, demo, effectsFlushed, expectHelpListed, inputReady, press, renderApp, selectedLine, type Demo} from './helpers/explorer.js';

let d: Demo;
beforeAll(async () => {
	d = await demo();
});
afterAll(() => {
	cleanup();
	d.close();
});

async function ready(initial = ALL) {
	const onBack = vi.fn();
	const onQuit = vi.fn();
	const r = render(
		<ServicesContext.Provider value={d.services}>
			<ThemeContext.Provider value={THEMES.mono}>
				<ProjectsScreen size={SIZE} initial={initial} active onBack={onBack} onQuit={onQuit} />
			</ThemeContext.Provider>
		</ServicesContext.Provider>,
	);
	await vi.waitFor(() => expect(r.lastFrame()).toContain('sorted by'));
	await inputReady(r.stdin);
	return {...r, onBack, onQuit};
}

/** The report's rows for these filters (report/projects-report.ts reads the same list). */
const report = (f = DEFAULT_FILTERS, sort?: Parameters<typeof rollUpProjects>[1]) => rollUpProjects(d.ws.queries.list(f), sort);

describe('Projects screen', () => {
	it('shows every project with the figures of `tapedeck projects`, largest cost first', async () => {
		const r = await ready();
		const rows = report();
		expect(rows.length).toBeGreaterThan(1);
		const frame = r.lastFrame()!;
		expect(frame).toContain(`${rows.length} projects`);
		const lines = frame.split('\n');
		rows.forEach((row, i) => {
			const line = lines.find((l) => l.slice(2).startsWith(row.project + ' '))!;
			expect(line, row.project).toBeDefined();
			expect(line).toContain(formatCostShort(row.totalCost));
			expect(line).toContain(`${Math.round(row.successRate * 100)}%`);
			expect(lines.indexOf(line)).toBe(lines.findIndex((l) => l.slice(2).startsWith(rows[0]!.project + ' ')) + i);
		});
		expect(selectedLine(frame)).toContain(rows[0]!.project);
	});

	it('walks the sorts and periods, moves the cursor, clears, and lists its keys', async () => {
		const r = await ready();
		press(r.stdin, 's');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('sorted by last active'));
		expect(selectedLine(r.lastFrame())).toContain(report(DEFAULT_FILTERS, 'last-active')[0]!.project);
		press(r.stdin, 'S', 'S');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('sorted by name'));
		press(r.stdin, 'j');
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(report(DEFAULT_FILTERS, 'project')[1]!.project));
		press(r.stdin, 'G');
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(report(DEFAULT_FILTERS, 'project').at(-1)!.project));
		press(r.stdin, 'p');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('[24h]'));
		const day = report({...DEFAULT_FILTERS, fromMs: NOW - 86_400_000});
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`${day.length} project`));
		press(r.stdin, 'c');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('[all]'));
		press(r.stdin, '?');
		await vi.waitFor(() => expectHelpListed(r.lastFrame(), bindingsFor('projects')));
		press(r.stdin, 'esc');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('sorted by'));
		press(r.stdin, 'q');
		await vi.waitFor(() => expect(r.onQuit).toHaveBeenCalled());
	});

	it('goes back with the filters it ended with; Enter adds the project under the cursor', async () => {
		const r = await ready(initialFilterState({...DEFAULT_FILTERS, status: 'completed'}, 'all'));
		const rows = report({...DEFAULT_FILTERS, status: 'completed'});
		press(r.stdin, 'j', 'enter');
		await vi.waitFor(() => expect(r.onBack).toHaveBeenCalledTimes(1));
		expect(r.onBack.mock.calls[0]![0].filters).toMatchObject({status: 'completed', project: rows[1]!.project});
		press(r.stdin, 'esc');
		await vi.waitFor(() => expect(r.onBack).toHaveBeenCalledTimes(2));
		expect(r.onBack.mock.calls[1]![0].filters.project).toBe('');
	});

	it('opens from Sessions with b, and Enter returns to Sessions filtered to the project', async () => {
		const r = renderApp(d.services);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('Sessions'));
		await inputReady(r.stdin);
		press(r.stdin, 'b');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('tapedeck › Projects'));
		await effectsFlushed();
		const first = report()[0]!;
		const total = d.ws.queries.count({...DEFAULT_FILTERS, project: first.project, topLevel: true});
		press(r.stdin, 'enter');
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`project:${first.project}`));
		expect(r.lastFrame()).toContain('tapedeck › Sessions');
		expect(r.lastFrame()).toContain(`${total} of`);
		press(r.stdin, 'b');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('1 project'));
		await effectsFlushed();
		press(r.stdin, 'esc');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('tapedeck › Sessions'));
		expect(r.lastFrame()).toContain(`project:${first.project}`);
	});
});
