// The proxy keeps writing while tapedeck syncs: every session must end up present exactly once.
import {spawn} from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import {describe, expect, it} from 'vitest';
import {DEFAULT_FILTERS} from '../../source/core/types.js';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import {open, tempDir} from '../helpers/workspace.js';

/** True once the writer has created its schema. */
function schemaReady(file: string): boolean {
	const db = new Database(file, {readonly: true, fileMustExist: true});
	try {
		return db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'nodes'").get() !== undefined;
	} finally {
		db.close();
	}
}

const WRITER = path.resolve(import.meta.dirname, '..', 'helpers', 'tapes-writer.mjs');

describe('sync while another process writes', () => {
	it('loses and duplicates nothing across repeated syncs of a WAL database', async () => {
		const dir = tempDir();
		const file = path.join(dir, 'tapes.sqlite');
		const SESSIONS = 40;
		const PER = 6;
		const writer = spawn(process.execPath, [WRITER, file, String(SESSIONS), String(PER), String(Date.UTC(2026, 0, 1))], {stdio: 'inherit'});
		const done = new Promise<number | null>((resolve) => writer.on('exit', resolve));
		let exited = false;
		void done.then(() => (exited = true));
		// Wait for the writer to create the schema.
		await expect.poll(() => {
			try {
				open({sqlite: file, index: path.join(dir, 'probe.sqlite')}).close();
				return schemaReady(file);
			} catch {
				return false;
			}
		}, {timeout: 10_000}).toBe(true);
		const ws = open({sqlite: file, index: path.join(dir, 'index.sqlite')});
		let syncs = 0;
		while (!exited) {
			const r = await syncWorkspace(ws);
			expect(r.errors).toEqual([]);
			syncs++;
			// An up-to-date sync finishes without a macrotask; give the child's exit event a turn.
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
		expect(await done).toBe(0);
		await syncWorkspace(ws);
		const sessions = ws.queries.list({...DEFAULT_FILTERS, sort: 'date', sortDir: 'asc'});
		expect(sessions).toHaveLength(SESSIONS);
		expect(sessions.every((s) => s.messageCount === PER)).toBe(true);
		expect(ws.store.messages.count(ws.sources[0]!.id)).toBe(SESSIONS * PER);
		expect(syncs).toBeGreaterThan(1);
		ws.close();
	}, 60_000);
});
