// A tapes row with a 5 MB text: it syncs, lists with a short label, opens in the timeline with the text
// capped on screen, and `show --md` exports all of it.
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {DEFAULT_FILTERS} from '../../../source/core/types.js';
import type {Workspace} from '../../../source/workspace/open-workspace.js';
import {createWorkspaceServices} from '../../../source/ui/services/workspace-services.js';
import {syncFixture} from '../../helpers/workspace.js';
import {runCli} from '../../cli/run-cli.js';
import {plain, renderTimeline} from '../../ui/timeline-helpers.js';
import {effectsFlushed, inputReady, press} from '../../ui/helpers/explorer.js';

const LINE = 'a line of a very long tool log, repeated until it is five megabytes\n';
const HUGE = `${LINE.repeat(Math.ceil(5_000_000 / LINE.length))}THE END`;
const PROMPT = `Summarize this log:\n${HUGE}`;

let ws: Workspace;
let sqlite: string;
let index: string;
let dir: string;
beforeAll(async () => {
	({ws, sqlite, index, dir} = await syncFixture([
		{id: 'u1', text: PROMPT, project: 'big'},
		{id: 'a1', parent: 'u1', role: 'assistant', text: 'It repeats one line.', tokens: {in: 1_300_000, out: 10}, stop: 'end_turn'},
	]));
});
afterAll(() => {
	cleanup();
	ws.close();
	fs.rmSync(dir, {recursive: true, force: true});
});

describe('a 5 MB text', () => {
	it('syncs, and the list label stays short', () => {
		const [s] = ws.queries.list(DEFAULT_FILTERS);
		expect(s).toMatchObject({messageCount: 2, project: 'big'});
		expect(s!.label.length).toBeLessThan(200);
	});

	it('opens in the timeline with the text capped on screen', {timeout: 60_000}, async () => {
		const {services} = createWorkspaceServices(ws, {timeZone: 'UTC', now: () => Date.now(), refreshSec: 0});
		const id = ws.queries.list(DEFAULT_FILTERS)[0]!.id;
		const r = renderTimeline(services, id);
		// The bodies load after the first frame; the pane knows its length once they are in.
		await vi.waitFor(() => expect(plain(r.lastFrame())).toMatch(/1–\d+\/\d{3} J\/K/), {timeout: 20_000});
		await inputReady(r.stdin);
		await effectsFlushed();
		// The pane scrolls to the end of what it shows: the cap's note, not five megabytes of lines.
		press(r.stdin, 'J');
		await vi.waitFor(() => expect(plain(r.lastFrame())).toMatch(/ \d\d+–\d+\/\d{3} J\/K/), {timeout: 20_000});
		press(r.stdin, ...Array.from({length: 80}, () => 'J'));
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain(`… ${PROMPT.length - 20_000} more characters (e exports`), {timeout: 20_000});
	});

	it('`show --md` exports all of it', () => {
		const id = ws.queries.list(DEFAULT_FILTERS)[0]!.id;
		const r = runCli(['show', id, '--md', '--sqlite', sqlite, '--index', index]);
		expect(r.status, r.stderr).toBe(0);
		expect(r.stdout.length).toBeGreaterThan(5_000_000);
		expect(r.stdout).toContain('THE END');
	});
});
