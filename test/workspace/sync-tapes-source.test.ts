// A first load of a large tapes source puts its session list out first: what only later writes and the
// reports read (the sessions' indexes, the messages' key, the sessions' JSON rows) is built after it, while the
// search index fills in; without a search index, a count of the sessions finished says the list is final.
// The index it ends with is the one a load that built everything first leaves, and a load killed between
// the two ends in the next sync.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {afterEach, describe, expect, it} from 'vitest';
import {generateTapes} from '../../source/bench/generate-tapes.js';
import {openTapesSource} from '../../source/sources/tapes/reader.js';
import {syncTapes} from '../../source/sync/tapes-sync.js';
import {BULK_LOAD_ROWS} from '../../source/sync/tapes-due.js';
import {inBulkLoad, SECONDARY} from '../../source/store/bulk-load.js';
import {SESSION_JSON_FILLED} from '../../source/store/migrations-session-json.js';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import {sessionsJsonChunks} from '../../source/report/sessions-report.js';
import {DEFAULT_FILTERS} from '../../source/core/types.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';
import {open, tempDir} from '../helpers/workspace.js';

const opened: Workspace[] = [];
afterEach(() => {
	while (opened.length) opened.pop()!.close();
});

const all = (ws: Workspace, sql: string) => ws.store.db.prepare(sql).all();
/** What the list, sorting and analytics read. */
const list = (ws: Workspace) => ({
	sessions: all(ws, 'SELECT * FROM sessions ORDER BY id').map((r) => ({...(r as object), updated_ms: 0})),
	models: all(ws, 'SELECT * FROM session_models ORDER BY session_id, model'),
	tools: all(ws, 'SELECT * FROM session_tools ORDER BY session_id, tool'),
	buckets: all(ws, 'SELECT * FROM usage_buckets ORDER BY 1, 2, 3'),
});
const jsonRows = (ws: Workspace) => all(ws, 'SELECT * FROM session_json ORDER BY session_id');
const indexes = (ws: Workspace) => ws.store.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`).pluck().all();
/** `sessions --json`, from the stored rows where there are some. */
const report = (ws: Workspace) => [...sessionsJsonChunks({queries: ws.queries, pricing: ws.pricing, filters: DEFAULT_FILTERS, now: Date.UTC(2026, 5, 1),
	timeZone: 'UTC', warnings: [], sessionInfo: ws.sessionInfo, limit: null})].map((p) => (typeof p === 'string' ? p : p.toString('utf8'))).join('');
/** What a first load leaves until its list is final: the messages' key and the indexes only reads use, but `kept`. */
const laterOnes = (kept: string[] = []) => new Set(['messages_key', ...SECONDARY.map(([name]) => name)].filter((name) => !kept.includes(name)));
const tapesId = (ws: Workspace) => ws.store.sources.list().find((s) => s.kind === 'tapes')!.id;

describe('a first load of a large tapes source', () => {
	const dir = tempDir();
	const sqlite = path.join(dir, 'tapes.sqlite');
	// Past the size from which a first sync is a bulk load.
	generateTapes(sqlite, {sessions: Math.ceil(BULK_LOAD_ROWS / 50) + 10, nodesPerSession: 50, startMs: Date.UTC(2026, 0, 1)});

	let plains = 0;
	/** Every index built before the list is out: a load as it was (listFirst off). */
	async function plain(file = sqlite): Promise<Workspace> {
		const ws = open({sqlite: file, index: path.join(dir, `plain-${plains++}.sqlite`)});
		opened.push(ws);
		const source = openTapesSource(file);
		if (!source.ok) throw new Error(source.error);
		try {
			await syncTapes({store: ws.store, source: source.source, sourceId: tapesId(ws), pricing: ws.pricing, now: () => 0});
		} finally {
			source.source.close();
		}
		return ws;
	}

	/**
	 * A first sync through the workspace, and what it had built when its list was out: when its count turned from
	 * rows to another unit (the search index's messages, or without it the sessions finished), as the explorer sees.
	 */
	async function first(file: string, name: string, searchIndex = true) {
		const ws = open({sqlite: file, index: path.join(dir, name), searchIndex});
		opened.push(ws);
		let atList: {list: ReturnType<typeof list>; indexes: unknown[]; json: number; bulk: boolean; unit: string} | null = null;
		const after: Array<{read: number; total: number; unit: string}> = [];
		await syncWorkspace(ws, (p) => {
			const unit = p.unit ?? 'rows';
			if (atList !== null) after.push({read: p.read, total: p.total, unit});
			else if (unit !== 'rows') {
				atList = {list: list(ws), indexes: indexes(ws), json: jsonRows(ws).length, bulk: inBulkLoad(ws.store.meta, tapesId(ws)), unit};
			}
		});
		expect(atList).not.toBeNull();
		return {ws, seen: atList!, after};
	}

	it('has its list final when the search index starts, then builds the indexes only reads use, the messages\' key and the JSON rows, ending as a load that built them first', async () => {
		const before = await plain();
		const {ws, seen} = await first(sqlite, 'first.sqlite');
		// The list, its sorting and its analytics are final; the messages' indexes and the reports' rows are not there yet
		// (the sessions that spanned chunks were summarized again from the rows the load placed).
		expect(seen.list).toEqual(list(before));
		expect(seen.indexes).toEqual(indexes(before).filter((name) => !laterOnes().has(name as string)));
		expect(seen.json).toBe(0);
		expect(seen.bulk).toBe(true);
		// Then built behind it.
		expect(indexes(ws)).toEqual(indexes(before));
		expect(jsonRows(ws)).toEqual(jsonRows(before));
		expect(jsonRows(ws)).toHaveLength(list(before).sessions.length);
		expect(ws.store.meta.get(SESSION_JSON_FILLED)).toBe('1');
		expect(inBulkLoad(ws.store.meta, tapesId(ws))).toBe(false);
	}, 60_000);

	it('without a search index, says its list is final by counting the sessions it finishes, then ends as a load that built everything first', async () => {
		const before = await plain();
		const {ws, seen, after} = await first(sqlite, 'unindexed.sqlite', false);
		expect(seen.unit).toBe('sessions');
		expect(seen.list).toEqual(list(before));
		expect(seen.indexes).toEqual(indexes(before).filter((name) => !laterOnes().has(name as string)));
		expect(seen.json).toBe(0);
		expect(seen.bulk).toBe(true);
		// The count goes up to every session the load wrote, in sessions only.
		const sessions = list(before).sessions.length;
		expect(after.every((p) => p.unit === 'sessions' && p.total === sessions)).toBe(true);
		expect(after.at(-1)?.read).toBe(sessions);
		expect(after.map((p) => p.read)).toEqual([...after.map((p) => p.read)].sort((a, b) => a - b));
		expect(indexes(ws)).toEqual(indexes(before));
		expect(jsonRows(ws)).toEqual(jsonRows(before));
		expect(inBulkLoad(ws.store.meta, tapesId(ws))).toBe(false);
		// A second sync has nothing to finish, and says nothing of sessions.
		const units: string[] = [];
		await syncWorkspace(ws, (p) => units.push(p.unit ?? 'rows'));
		expect(units).not.toContain('sessions');
	}, 60_000);

	it('with a child read before its parent, builds the messages\' indexes before the list (it finds and moves the child by them) and the sessions\' after it, and ends the same', async () => {
		// The second node of the first session written again at the end: its child comes first, and waits for it.
		const late = path.join(dir, 'late-parent.sqlite');
		fs.copyFileSync(sqlite, late);
		const db = new Database(late);
		// Or the child's parent_hash is cleared with the row (ON DELETE SET NULL).
		db.pragma('foreign_keys = OFF');
		const row = db.prepare('SELECT rowid, * FROM nodes ORDER BY rowid LIMIT 1 OFFSET 1').get() as Record<string, unknown>;
		const columns = Object.keys(row).filter((c) => c !== 'rowid');
		db.prepare('DELETE FROM nodes WHERE rowid = ?').run(row['rowid']);
		db.prepare(`INSERT INTO nodes (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((c) => row[c]));
		db.close();
		const before = await plain(late);
		// It was one session with its parent's: the child's joined it when the parent came.
		expect(list(before).sessions).toHaveLength(list(await plain()).sessions.length);
		const {ws, seen} = await first(late, 'late.sqlite');
		expect(seen.list).toEqual(list(before));
		expect(seen.indexes).toEqual(indexes(before).filter((name) => !laterOnes(['messages_key', 'messages_session']).has(name as string)));
		expect(seen.json).toBe(0);
		expect(indexes(ws)).toEqual(indexes(before));
		expect(jsonRows(ws)).toEqual(jsonRows(before));
		expect(inBulkLoad(ws.store.meta, tapesId(ws))).toBe(false);
	}, 60_000);

	it('killed after its list was out, ends the load in the next sync without reading a row again', async () => {
		const before = await plain();
		const ws = open({sqlite, index: path.join(dir, 'killed.sqlite')});
		opened.push(ws);
		const source = openTapesSource(sqlite);
		if (!source.ok) throw new Error(source.error);
		try {
			// What a process killed right after the list leaves: the load's mark, no key, no JSON rows.
			await syncTapes({store: ws.store, source: source.source, sourceId: tapesId(ws), pricing: ws.pricing, now: () => 0, listFirst: true});
		} finally {
			source.source.close();
		}
		expect(inBulkLoad(ws.store.meta, tapesId(ws))).toBe(true);
		expect(indexes(ws)).not.toContain('messages_key');
		expect(jsonRows(ws)).toEqual([]);
		// A report meanwhile renders each row itself, and says what it says once they are stored.
		expect(report(ws)).toBe(report(before));
		const next = await syncWorkspace(ws);
		expect(next.errors).toEqual([]);
		expect(next.summaries[0]!.newMessages).toBe(0);
		expect(inBulkLoad(ws.store.meta, tapesId(ws))).toBe(false);
		expect(indexes(ws)).toEqual(indexes(before));
		expect(list(ws)).toEqual(list(before));
		expect(jsonRows(ws)).toEqual(jsonRows(before));
		expect(report(ws)).toBe(report(before));
	}, 60_000);
});
