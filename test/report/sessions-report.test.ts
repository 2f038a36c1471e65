// The JSON report from each session's pre-rendered row (v8 session_json) is byte for byte the report built
// from the rows themselves, for every session kind in the fixtures, and a changed session never shows stale text.
import {afterEach, describe, expect, it} from 'vitest';
import * as TAPES from '../../fixtures/tapes-cases.js';
import {DEFAULT_FILTERS, type Filters} from '../../source/core/types.js';
import {sessionsJsonChunks} from '../../source/report/sessions-report.js';
import {repriceIfChanged} from '../../source/sync/reprice.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';
import {copyFixture, syncTranscripts} from '../helpers/transcripts.js';
import {generateTapes} from '../../source/bench/generate-tapes.js';
import {openAndSync, syncFixture, tempDir} from '../helpers/workspace.js';
import path from 'node:path';
import Database from 'better-sqlite3';

const opened: Workspace[] = [];
afterEach(() => {
	for (const ws of opened.splice(0)) ws.close();
});

/** The report's text: its pieces are text, or the UTF-8 bytes of stored rows. */
const text = (pieces: Iterable<string | Buffer>) => [...pieces].map((p) => (typeof p === 'string' ? p : p.toString('utf8'))).join('');

function report(ws: Workspace, prerendered: boolean, filters: Filters = DEFAULT_FILTERS, limit: number | null = null): string {
	return text(sessionsJsonChunks({queries: ws.queries, pricing: ws.pricing, filters, now: Date.UTC(2026, 5, 1), timeZone: 'UTC', warnings: [],
		sessionInfo: ws.sessionInfo, limit}, prerendered));
}

/** A synced index of generated tapes sessions (long labels: a few stored rows fill a piece). */
async function generated(sessions: number): Promise<Workspace> {
	const dir = tempDir();
	const sqlite = path.join(dir, 'tapes.sqlite');
	generateTapes(sqlite, {sessions, nodesPerSession: 4, startMs: Date.UTC(2026, 0, 1)});
	const {ws} = await openAndSync({sqlite, index: path.join(dir, 'index.sqlite')});
	opened.push(ws);
	return ws;
}

const stored = (ws: Workspace) => ws.store.db.prepare(`SELECT count(*) FROM session_json`).pluck().get() as number;
const sessions = (ws: Workspace) => ws.store.db.prepare(`SELECT count(*) FROM sessions`).pluck().get() as number;

async function workspaces(): Promise<Array<[string, Workspace]>> {
	const out: Array<[string, Workspace]> = [];
	for (const [name, nodes] of Object.entries(TAPES)) out.push([`tapes ${name}`, (await syncFixture(nodes)).ws]);
	for (const kind of ['claude-code', 'codex', 'promptkit'] as const) {
		const root = copyFixture(kind);
		out.push([kind, (await syncTranscripts(kind === 'claude-code' ? {claude: [root]} : kind === 'codex' ? {codex: [root]} : {promptkit: [root]})).ws]);
	}
	for (const [, ws] of out) opened.push(ws);
	return out;
}

describe('sessions --json from pre-rendered rows', () => {
	it('equals the rendered report for every fixture, sort and limit, with every row pre-rendered', async () => {
		for (const [name, ws] of await workspaces()) {
			expect(sessions(ws), name).toBeGreaterThan(0);
			expect(stored(ws), name).toBe(sessions(ws));
			for (const filters of [DEFAULT_FILTERS, {...DEFAULT_FILTERS, sort: 'cost', sortDir: 'asc'} as Filters]) {
				expect(report(ws, true, filters), name).toBe(report(ws, false, filters));
				expect(report(ws, true, filters, 1), name).toBe(report(ws, false, filters, 1));
			}
			// A subagent that could not be priced: its parent's roll-up counts it unpriced, both ways.
			if (ws.store.db.prepare(`UPDATE sessions SET total_cost = NULL WHERE parent_id IS NOT NULL AND total_tokens > 0`).run().changes > 0) {
				expect(report(ws, true), name).toContain('"subagent_unpriced_sessions":1');
				expect(report(ws, true), name).toBe(report(ws, false));
			}
		}
	});

	it('a row changed or deleted in place loses its rendering, and the report renders it instead', async () => {
		const ws = (await workspaces()).find(([n]) => n === 'claude-code')![1];
		const id = ws.store.db.prepare(`SELECT id FROM sessions ORDER BY id LIMIT 1`).pluck().get() as string;
		ws.store.db.prepare(`UPDATE sessions SET label = 'renamed \u202e here' WHERE id = ?`).run(id);
		expect(stored(ws)).toBe(sessions(ws) - 1);
		const text = report(ws, true);
		expect(text).toBe(report(ws, false));
		expect(JSON.parse(text).sessions.find((s: {id: string}) => s.id === id).label).toBe('renamed \u202e here');
		ws.store.db.prepare(`DELETE FROM sessions WHERE id = ?`).run(id);
		expect(ws.store.db.prepare(`SELECT count(*) FROM session_json WHERE session_id = ?`).pluck().get(id)).toBe(0);
		expect(report(ws, true)).toBe(report(ws, false));
	});

	it('a stored row missing where the counts say none is still rendered, in its place', async () => {
		const ws = (await workspaces()).find(([n]) => n === 'claude-code')![1];
		// One with a cwd and no subagents or parent, so the update drops its row alone and the stand-in needs its details.
		const id = ws.store.db.prepare(`SELECT s.id FROM sessions s JOIN session_meta m ON m.session_id = s.id WHERE m.cwd <> ''
			AND s.parent_id IS NULL AND NOT EXISTS (SELECT 1 FROM sessions c WHERE c.parent_id = s.id) ORDER BY s.start_ms DESC LIMIT 1`).pluck().get() as string;
		ws.store.db.prepare(`UPDATE sessions SET label = 'renamed' WHERE id = ?`).run(id);
		// A row no session has (what its triggers never leave): the counts agree though one is missing.
		ws.store.db.prepare(`INSERT INTO session_json (session_id, json) VALUES ('no-such-session', '{}')`).run();
		expect(ws.queries.allRendered()).toBe(true);
		const text = report(ws, true);
		expect(text).toBe(report(ws, false));
		expect(JSON.parse(text).sessions.find((s: {id: string}) => s.id === id).label).toBe('renamed');
		expect(report(ws, true, DEFAULT_FILTERS, 2)).toBe(report(ws, false, DEFAULT_FILTERS, 2));
	});

	it('a reprice writes every row again', async () => {
		const {ws} = await syncFixture(TAPES.TAPES_BASIC);
		opened.push(ws);
		ws.store.db.exec(`UPDATE session_json SET json = '{"stale":true}'`);
		expect(report(ws, true)).not.toBe(report(ws, false));
		ws.store.meta.set('pricing', 'an older price table');
		expect(repriceIfChanged(ws.store, ws.pricing, Date.now())).toBe(sessions(ws));
		expect(report(ws, true)).toBe(report(ws, false));
	});

	it('a list of many pieces is the rendered report, in order, and the connection keeps its page cache', async () => {
		const dir = tempDir();
		const sqlite = path.join(dir, 'tapes.sqlite');
		// Generated labels are long (the first prompt's line): 300 sessions are about 40 pieces of the stream.
		generateTapes(sqlite, {sessions: 300, nodesPerSession: 4, startMs: Date.UTC(2026, 0, 1)});
		const {ws} = await openAndSync({sqlite, index: path.join(dir, 'index.sqlite')});
		opened.push(ws);
		const ctx = {queries: ws.queries, pricing: ws.pricing, filters: DEFAULT_FILTERS, now: Date.UTC(2026, 5, 1), timeZone: 'UTC', warnings: [], sessionInfo: ws.sessionInfo, limit: null};
		const cache = () => ws.store.db.pragma('cache_size', {simple: true});
		const before = cache();
		const pieces = [...sessionsJsonChunks(ctx)];
		expect(pieces.length).toBeGreaterThan(10);
		expect(text(pieces)).toBe(report(ws, false));
		expect(JSON.parse(text(pieces)).sessions).toHaveLength(300);
		expect(cache()).toBe(before);
		// A reader that stops after the first piece (`| head`) leaves the connection as it found it, and free.
		const stream = sessionsJsonChunks(ctx);
		expect(stream.next().done).toBe(false);
		expect(stream.next().done).toBe(false);
		stream.return(undefined);
		expect(cache()).toBe(before);
		expect(ws.queries.count(DEFAULT_FILTERS)).toBe(300);
	});

	it('of a tapes index copies each stored row out as bytes, in the list’s order, for every sort and limit', async () => {
		const ws = await generated(150);
		const ctx = {queries: ws.queries, pricing: ws.pricing, filters: DEFAULT_FILTERS, now: Date.UTC(2026, 5, 1), timeZone: 'UTC', warnings: [], sessionInfo: ws.sessionInfo, limit: null};
		const pieces = [...sessionsJsonChunks(ctx)];
		// 150 rows, 32 to a piece: five pieces of bytes between the opening and the totals.
		expect(pieces.filter((p) => typeof p !== 'string')).toHaveLength(5);
		for (const sort of ['date', 'cost', 'label', 'tokens'] as const) {
			for (const sortDir of ['asc', 'desc'] as const) {
				const filters: Filters = {...DEFAULT_FILTERS, sort, sortDir};
				for (const limit of [null, 1, 32, 33, 149]) expect(report(ws, true, filters, limit), `${sort} ${sortDir} ${limit}`).toBe(report(ws, false, filters, limit));
			}
		}
		const listed = JSON.parse(report(ws, true, {...DEFAULT_FILTERS, sort: 'date', sortDir: 'asc'})).sessions as Array<{start_time: string}>;
		expect(listed).toHaveLength(150);
		expect(listed.map((s) => s.start_time)).toEqual(listed.map((s) => s.start_time).sort());
	});

	it('of a tapes index renders a row that lost its stored text in its place, and one left without its session never shows', async () => {
		const ws = await generated(70);
		const id = ws.store.db.prepare(`SELECT id FROM sessions ORDER BY start_ms DESC LIMIT 1 OFFSET 40`).pluck().get() as string;
		ws.store.db.prepare(`UPDATE sessions SET label = 'renamed \u202e here' WHERE id = ?`).run(id);
		expect(stored(ws)).toBe(69);
		// A stored row no session has: the counts agree though one is missing.
		ws.store.db.prepare(`INSERT INTO session_json (session_id, json) VALUES ('no-such-session', '{"stale":true}')`).run();
		expect(ws.queries.allRendered()).toBe(true);
		const text = report(ws, true);
		expect(text).toBe(report(ws, false));
		expect(text).not.toContain('stale');
		expect(JSON.parse(text).sessions.find((s: {id: string}) => s.id === id).label).toBe('renamed \u202e here');
	});

	it('reads one snapshot: a session written by another connection while it is read is not in it', async () => {
		const ws = await generated(40);
		const other = new Database(ws.indexPath);
		const ctx = {queries: ws.queries, pricing: ws.pricing, filters: DEFAULT_FILTERS, now: Date.UTC(2026, 5, 1), timeZone: 'UTC', warnings: [], sessionInfo: ws.sessionInfo, limit: null};
		const stream = sessionsJsonChunks(ctx);
		const first = stream.next();
		// Another process adds a session with its own stored row (what a sync writes) after the totals were read.
		other.prepare(`INSERT INTO sessions SELECT 'zz-new', source_id, source, label, project, agent, model, models, provider, status, start_ms + 1e9,
			end_ms + 1e9, duration_ms, message_count, tool_calls, tool_errors, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens,
			total_tokens, input_cost, output_cost, total_cost, cost_source, unpriced_tokens, parent_id, sub_session_count, leaf_id, updated_ms
			FROM sessions LIMIT 1`).run();
		other.prepare(`INSERT INTO session_json (session_id, json) VALUES ('zz-new', '{"id":"zz-new"}')`).run();
		const rest = [...stream];
		const whole = JSON.parse(text([first.value as string | Buffer, ...rest])) as {sessions: Array<{id: string}>; total_sessions: number};
		expect(whole.sessions).toHaveLength(40);
		expect(whole.total_sessions).toBe(40);
		expect(whole.sessions.some((s) => s.id === 'zz-new')).toBe(false);
		expect(JSON.parse(report(ws, true)).sessions).toHaveLength(41);
		other.close();
	});
});
