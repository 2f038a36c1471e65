// The Timeline header over a session whose cost the source recorded (tapes' PostgreSQL): the recorded cost,
// and beside it what tapedeck's own prices make of the same tokens, the figure `show` prints; a session
// priced by tapedeck alone shows one cost.
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import {showReport} from '../../source/report/show-report.js';
import {createWorkspaceServices} from '../../source/ui/services/workspace-services.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';
import {createTapesDb, usePostgres, type TapesDb} from '../helpers/tapes-postgres.js';
import {A, sessionA} from '../helpers/tapes-v1-dataset.js';
import {open, tempDir} from '../helpers/workspace.js';
import {plain, renderTimeline, tapesFixture} from './timeline-helpers.js';

const server = usePostgres();
let db: TapesDb;
let ws: Workspace;
beforeAll(async () => {
	db = await createTapesDb(server());
	await db.write([sessionA()]);
	ws = open({index: path.join(tempDir(), 'index.sqlite'), postgres: db.url});
	expect((await syncWorkspace(ws)).errors).toEqual([]);
});
afterAll(async () => {
	ws?.close();
	await db?.drop();
});

describe('the Timeline header', () => {
	it("shows tapes' recorded cost and, beside it, the cost at tapedeck's prices that `show` prints", async () => {
		const shown = showReport(ws, A, 'table', 'UTC');
		if (!shown.ok) throw new Error(shown.error);
		const [, recorded, computed] = /cost (\$[\d.]+) \(recorded\) · (\$[\d.]+) at tapedeck's prices/.exec(shown.value) ?? [];
		expect(computed).toBeDefined();
		const {services} = createWorkspaceServices(ws, {timeZone: 'UTC', now: Date.now, refreshSec: 0, exportDir: tempDir()});
		const r = renderTimeline(services, A, {size: {columns: 160, rows: 40}});
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain(`cost   ${recorded} (recorded by the source) · ${computed} at tapedeck's prices ·`));
		r.unmount();
	});

	it('shows one cost for a session tapedeck priced itself', async () => {
		const tapes = await tapesFixture();
		try {
			const r = renderTimeline(tapes.services, tapes.id, {size: {columns: 160, rows: 40}});
			await vi.waitFor(() => expect(plain(r.lastFrame())).toMatch(/cost {3}\$[\d.]+ \(/));
			expect(plain(r.lastFrame())).not.toContain("at tapedeck's prices");
			r.unmount();
		} finally {
			tapes.close();
		}
	});
});
