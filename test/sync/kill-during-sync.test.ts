// kill -9 in the middle of a sync (a real process), then sync again: the index opens, holds exactly what a
// clean sync produces, and nothing is duplicated or half-written.
import {spawn} from 'node:child_process';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {generateTapes} from '../../source/bench/generate-tapes.js';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import {open, tempDir} from '../helpers/workspace.js';
import {CLI} from '../cli/run-cli.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';

const snapshot = (ws: Workspace) => ({
	sessions: ws.store.db.prepare('SELECT * FROM sessions ORDER BY id').all().map((r) => ({...(r as object), updated_ms: 0})),
	messages: ws.store.db.prepare('SELECT count(*) AS n, count(DISTINCT id) AS ids FROM messages').get(),
	models: ws.store.db.prepare('SELECT * FROM session_models ORDER BY session_id, model').all(),
	tools: ws.store.db.prepare('SELECT * FROM session_tools ORDER BY session_id, tool').all(),
});

function syncAndKill(sqlite: string, index: string, afterMs: number): Promise<string | null> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [CLI, 'sync', '--sqlite', sqlite, '--index', index], {stdio: 'ignore'});
		const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
		child.on('exit', (_code, signal) => {
			clearTimeout(timer);
			resolve(signal);
		});
	});
}

describe('crash safety of sync', () => {
	it('survives kill -9 at several points and converges on the clean result', async () => {
		const dir = tempDir();
		const sqlite = path.join(dir, 'tapes.sqlite');
		generateTapes(sqlite, {sessions: 600, nodesPerSession: 50, startMs: Date.UTC(2026, 0, 1)});
		const clean = open({sqlite, index: path.join(dir, 'clean.sqlite')});
		await syncWorkspace(clean);
		const expected = snapshot(clean);
		clean.close();
		expect(expected.sessions).toHaveLength(600);

		const index = path.join(dir, 'index.sqlite');
		let killed = 0;
		for (const delay of [150, 400, 700, 1000]) {
			if ((await syncAndKill(sqlite, index, delay)) === 'SIGKILL') killed++;
			const ws = open({sqlite, index});
			const partial = snapshot(ws);
			// Whatever was committed is whole: every stored message belongs to a stored session.
			const orphans = ws.store.db.prepare('SELECT count(*) FROM messages m LEFT JOIN sessions s ON s.id = m.session_id WHERE s.id IS NULL').pluck().get();
			expect(orphans).toBe(0);
			expect((partial.messages as {n: number; ids: number}).n).toBe((partial.messages as {n: number; ids: number}).ids);
			ws.close();
		}
		expect(killed).toBeGreaterThan(0);
		const resumed = open({sqlite, index});
		await syncWorkspace(resumed);
		expect(snapshot(resumed)).toEqual(expected);
		resumed.close();
	}, 120_000);
});
