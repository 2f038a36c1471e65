// The status bar's warnings are what the sources hold now: they stay while the bad rows are there, not
// only until the next live sync that reads nothing new.
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildTapesDb} from '../../../fixtures/tapes-builder.js';
import {TAPES_BAD_ROWS} from '../../../fixtures/tapes-cases.js';
import {createWorkspaceServices} from '../../../source/ui/services/workspace-services.js';
import {open, tempDir} from '../../helpers/workspace.js';

describe('live sync warnings', () => {
	it('outlive syncs that find nothing new', async () => {
		const dir = tempDir();
		const sqlite = path.join(dir, 'tapes.sqlite');
		buildTapesDb(sqlite, TAPES_BAD_ROWS);
		const ws = open({sqlite, index: path.join(dir, 'index.sqlite')});
		const {services, loop} = createWorkspaceServices(ws, {timeZone: 'UTC', now: () => Date.now(), refreshSec: 0});
		try {
			await loop.syncNow();
			const first = services.sync.getSnapshot().warnings;
			expect(first.length).toBeGreaterThan(0);
			for (const w of first) expect(w.where).toContain(sqlite);
			await loop.syncNow();
			expect(services.sync.getSnapshot().warnings).toEqual(first);
		} finally {
			await loop.stop();
			ws.close();
		}
	});
});
