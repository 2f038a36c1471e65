// v11: a stored row holds the whole JSON row, a session's cwd, subagent roll-up and parent_in_index
// included, and the report copies the stored rows as they are once every session has one. So each change
// that moves one of those fields under a row must drop it (and clear the filled mark), and the next sync's
// fill must store it again as the report renders it afresh.
import {afterEach, describe, expect, it} from 'vitest';
import {DEFAULT_FILTERS, type SessionSummary} from '../../source/core/types.js';
import {sessionsJsonChunks} from '../../source/report/sessions-report.js';
import {SESSION_FAMILY_MIGRATION, SESSION_JSON_FILLED} from '../../source/store/migrations-session-json.js';
import {MIGRATIONS} from '../../source/store/migrations.js';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';
import {copyFixture, syncTranscripts} from '../helpers/transcripts.js';

const opened: Workspace[] = [];
afterEach(() => {
	for (const ws of opened.splice(0)) ws.close();
});

const PARENT = '8f2c1a9e-4b7d-4c1e-9a53-0d6f2e7b9c11';
const CHILD = 'agent-a1b2c3d4';
const LONE = '2d7e5b10-0c3a-4f55-8e21-6a9b3c4d5e6f';

function report(ws: Workspace, prerendered: boolean): string {
	return [...sessionsJsonChunks({queries: ws.queries, pricing: ws.pricing, filters: DEFAULT_FILTERS, now: Date.UTC(2026, 5, 1),
		timeZone: 'UTC', warnings: [], sessionInfo: ws.sessionInfo, limit: null}, prerendered)]
		.map((p) => (typeof p === 'string' ? p : p.toString('utf8'))).join('');
}

async function claude(): Promise<Workspace> {
	const {ws} = await syncTranscripts({claude: [copyFixture('claude-code')]});
	opened.push(ws);
	return ws;
}

const storedIds = (ws: Workspace) => ws.store.db.prepare(`SELECT session_id FROM session_json ORDER BY session_id`).pluck().all() as string[];
const filled = (ws: Workspace) => ws.store.meta.get(SESSION_JSON_FILLED) === '1';
const row = (ws: Workspace, id: string) => (JSON.parse(report(ws, true)) as {sessions: Array<Record<string, unknown>>}).sessions.find((s) => s.id === id);

/** A session written as a sync writes it (the sessions repository), with no models, tools or buckets. */
function write(ws: Workspace, summary: SessionSummary): void {
	ws.store.db.transaction(() => ws.store.sessions.write({summary, sourceId: ws.sources[0]!.id, leafId: '', modelUsage: [], tools: []}, Date.now()))();
}

/** After a change: the report is still right, the rows it dropped are `dropped`, and a sync stores them right again. */
async function dropsAndRefills(ws: Workspace, dropped: string[]): Promise<void> {
	expect(report(ws, true)).toBe(report(ws, false));
	const all = ws.store.db.prepare(`SELECT id FROM sessions ORDER BY id`).pluck().all() as string[];
	expect(storedIds(ws)).toEqual(all.filter((id) => !dropped.includes(id)));
	expect(filled(ws)).toBe(dropped.length === 0);
	await syncWorkspace(ws);
	expect(filled(ws)).toBe(true);
	expect(storedIds(ws)).toEqual(all);
	// Every session now has its stored row, so the report copies them: equal only if each was stored fresh.
	expect(ws.queries.allRendered()).toBe(true);
	expect(report(ws, true)).toBe(report(ws, false));
}

describe('stored JSON rows with transcript details (v11)', () => {
	it('are whole after a sync: the cwd, the subagent roll-up and parent_in_index are in them', async () => {
		const ws = await claude();
		expect(filled(ws)).toBe(true);
		expect(ws.queries.allRendered()).toBe(true);
		expect(report(ws, true)).toBe(report(ws, false));
		const stored = (id: string) => JSON.parse(ws.store.db.prepare(`SELECT json FROM session_json WHERE session_id = ?`).pluck().get(id) as string) as Record<string, unknown>;
		expect(stored(PARENT)['subagent_sessions']).toBe(1);
		expect(stored(CHILD)['parent_in_index']).toBe(true);
		expect(stored(LONE)['cwd']).toEqual(expect.any(String));
	});

	it('a parent deleted and written again drops its subagent’s row each time', async () => {
		const ws = await claude();
		const kept = ws.store.sessions.get(PARENT)!;
		ws.store.db.prepare(`DELETE FROM sessions WHERE id = ?`).run(PARENT);
		expect(row(ws, CHILD)!['parent_in_index']).toBe(false);
		await dropsAndRefills(ws, [CHILD]);
		write(ws, kept);
		expect(row(ws, CHILD)!['parent_in_index']).toBe(true);
		await dropsAndRefills(ws, [CHILD]);
	});

	it('a subagent rewritten, moved to another parent or deleted drops the rows of the parents it left and joined', async () => {
		const ws = await claude();
		const child = ws.store.sessions.get(CHILD)!;
		write(ws, {...child, outputTokens: child.outputTokens + 1000, totalTokens: child.totalTokens + 1000});
		await dropsAndRefills(ws, [PARENT]);
		write(ws, {...child, parentId: LONE});
		expect(row(ws, LONE)!['subagent_sessions']).toBe(1);
		expect(row(ws, PARENT)!['subagent_sessions']).toBe(0);
		await dropsAndRefills(ws, [LONE, PARENT]);
		// Rewritten as it was, its parent's row goes all the same: a write does not compare the totals.
		write(ws, ws.store.sessions.get(CHILD)!);
		await dropsAndRefills(ws, [LONE]);
		ws.store.db.prepare(`DELETE FROM sessions WHERE id = ?`).run(CHILD);
		await dropsAndRefills(ws, [LONE]);
	});

	it('a session with nothing of a family writes its own row alone and leaves the filled mark', async () => {
		const ws = await claude();
		const lone = ws.store.sessions.get(LONE)!;
		write(ws, {...lone, label: 'renamed'});
		expect(row(ws, LONE)!['label']).toBe('renamed');
		await dropsAndRefills(ws, []);
	});

	it('an update in place drops the row, its parent’s and its subagents’', async () => {
		const ws = await claude();
		ws.store.db.prepare(`UPDATE sessions SET total_cost = NULL WHERE id = ?`).run(CHILD);
		expect(row(ws, PARENT)!['subagent_unpriced_sessions']).toBe(1);
		await dropsAndRefills(ws, [CHILD, PARENT]);
		ws.store.db.prepare(`UPDATE sessions SET label = 'renamed' WHERE id = ?`).run(PARENT);
		await dropsAndRefills(ws, [CHILD, PARENT]);
	});

	it('a session_meta row written, changed or deleted drops its session’s row', async () => {
		const ws = await claude();
		ws.store.db.prepare(`UPDATE session_meta SET cwd = '/elsewhere', git_branch = 'topic' WHERE session_id = ?`).run(LONE);
		expect(row(ws, LONE)).toMatchObject({cwd: '/elsewhere', git_branch: 'topic'});
		await dropsAndRefills(ws, [LONE]);
		ws.store.db.prepare(`DELETE FROM session_meta WHERE session_id = ?`).run(LONE);
		expect(row(ws, LONE)!['cwd']).toBeNull();
		await dropsAndRefills(ws, [LONE]);
		ws.store.db.prepare(`INSERT INTO session_meta (session_id, custom_title, ai_title, summary_title, cwd, git_branch, parent_id, agent_id)
			VALUES (?, '', '', '', '/back', '', NULL, '')`).run(LONE);
		expect(row(ws, LONE)!['cwd']).toBe('/back');
		await dropsAndRefills(ws, [LONE]);
	});

	it('the migration drops the rows v10 stored for sessions with details, and keeps the rest', async () => {
		const ws = await claude();
		const rows = ws.store.db.prepare(`SELECT session_id, json FROM session_json`).all();
		// Back to v10: no triggers, and a row with no session's details (what v10 stored for a tapes session).
		for (const t of ws.store.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%filled%'`).pluck().all() as string[]) {
			ws.store.db.exec(`DROP TRIGGER ${t}`);
		}
		ws.store.db.exec(`INSERT INTO session_json (session_id, json) VALUES ('no-details', '{}')`);
		ws.store.db.exec(SESSION_FAMILY_MIGRATION);
		expect(MIGRATIONS[10]).toBe(SESSION_FAMILY_MIGRATION);
		expect(filled(ws)).toBe(false);
		// Every fixture session has a cwd or is in a family; the row without a session's details is kept.
		expect(storedIds(ws)).toEqual(['no-details']);
		ws.store.db.exec(`DELETE FROM session_json`);
		await syncWorkspace(ws);
		expect(ws.store.db.prepare(`SELECT session_id, json FROM session_json`).all()).toEqual(expect.arrayContaining(rows));
	});
});
