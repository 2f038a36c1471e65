// v10: session_json holds each session's whole JSON row. An index from before it keeps rows of a session's
// own fields only; the migration drops them, the next sync renders every one again, and the report is the
// same before and after (it renders a missing row itself meanwhile).
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {MIGRATIONS} from '../../source/store/migrations.js';
import {DEFAULT_FILTERS} from '../../source/core/types.js';
import {SESSION_ROW_MIGRATION} from '../../source/store/migrations-session-json.js';
import {generateTapes} from '../../source/bench/generate-tapes.js';
import {renderSessionJson} from '../../source/report/session-json.js';
import {renderSessionRow} from '../../source/report/transcript-json.js';
import {openAndSync, tempDir} from '../helpers/workspace.js';
import {runCli} from '../cli/run-cli.js';

const dir = tempDir('tapedeck-session-rows-');
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));

describe('the stored JSON rows (v10)', () => {
	it('replace the rows of an index from before them: dropped by the migration, rendered again by the next sync', async () => {
		const sqlite = path.join(dir, 'tapes.sqlite');
		const index = path.join(dir, 'index.sqlite');
		generateTapes(sqlite, {sessions: 30, nodesPerSession: 3, startMs: Date.UTC(2026, 0, 1)});
		const args = ['sessions', '--json', '--since', '0', '--sqlite', sqlite, '--index', index];
		const current = runCli(args);
		expect(current.status, current.stderr).toBe(0);
		// Back to v9: each row holds the session's own fields alone, as v8 rendered them.
		const {ws} = await openAndSync({sqlite, index});
		const summaries = ws.queries.list(DEFAULT_FILTERS);
		const put = ws.store.db.prepare(`UPDATE session_json SET json = ? WHERE session_id = ?`);
		for (const s of summaries) put.run(renderSessionJson(s), s.id);
		ws.store.db.pragma(`user_version = ${MIGRATIONS.indexOf(SESSION_ROW_MIGRATION)}`);
		ws.close();

		const upgraded = runCli(args);
		expect(upgraded.status, upgraded.stderr).toBe(0);
		expect(upgraded.stdout).toBe(current.stdout);
		const again = await openAndSync({sqlite, index});
		expect(again.ws.store.db.pragma('user_version', {simple: true})).toBe(MIGRATIONS.length);
		const rows = again.ws.store.db.prepare(`SELECT session_id AS id, json FROM session_json`).all() as Array<{id: string; json: string}>;
		expect(rows).toHaveLength(30);
		const byId = new Map(summaries.map((s) => [s.id, s]));
		for (const r of rows) expect(r.json).toBe(renderSessionRow(byId.get(r.id)!));
		again.ws.close();
	});
});
