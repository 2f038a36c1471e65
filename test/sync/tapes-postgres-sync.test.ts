// tapes' PostgreSQL (tapes_v1 views) into the index, against a real server: the mapping of every span kind,
// tokens and cost as tapes recorded them, growth (same ID, new turn), deletes caught by reconciliation,
// a quiet second sync, and only SELECTs reaching the server.
import {execFileSync} from 'node:child_process';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import {createServerConnections} from '../../source/workspace/server-sources.js';
import {loadSessionDetail} from '../../source/workspace/session-detail.js';
import {syncRemote} from '../../source/sync/remote-sync.js';
import {openPostgresSource} from '../../source/sources/tapes-postgres/reader.js';
import {createTapesDb, usePostgres, type TapesDb} from '../helpers/tapes-postgres.js';
import {findPostgresBin} from '../../source/bench/postgres-server.js';
import {A, B, C, extraTrace, sessionA, sessionB, sessionC} from '../helpers/tapes-v1-dataset.js';
import {open, tempDir} from '../helpers/workspace.js';
import {createFacetsRepo} from '../../source/store/facets-repo.js';
import {createFacetQueries} from '../../source/store/facets-queries.js';
import {DEFAULT_FILTERS} from '../../source/core/types.js';
import {facetRecord} from '../store/facets-fixture.js';

const server = usePostgres();
let db: TapesDb;
beforeAll(async () => {
	db = await createTapesDb(server());
	await db.write([sessionA(), sessionB(), sessionC()]);
});
afterAll(async () => {
	await db?.drop();
});


describe('tapes PostgreSQL sync', () => {
	it('maps sessions, turns, tools, subagents and cost as tapes recorded them', async () => {
		const ws = open({index: path.join(tempDir(), 'index.sqlite'), postgres: db.url});
		try {
			const synced = await syncWorkspace(ws);
			expect(synced.errors).toEqual([]);
			const a = ws.store.sessions.find(A).session!;
			const thread = ws.store.sessions.find(`${A}:t1`).session!;
			const b = ws.store.sessions.find(B).session!;
			expect(ws.store.sessions.find(C).session).toBeUndefined();
			expect(a).toMatchObject({source: 'tapes-postgres', label: 'Fix the SSE parser', project: 'tapes', agent: 'claude-code', costSource: 'recorded'});
			expect(thread).toMatchObject({parentId: A, label: 'Find the flaky test'});
			expect(b.parentId).toBeNull();
			// tapes' session totals include the subagent thread and the shadow calls; input includes the cache.
			const fx = sessionA();
			const spans = fx.traces.flatMap((t) => t.spans);
			const tokens = spans.reduce((n, s) => n + (s.usage?.prompt_tokens ?? 0) + (s.usage?.completion_tokens ?? 0), 0);
			expect(a.totalTokens + thread.totalTokens).toBe(tokens);
			const cost = fx.traces.reduce((n, t) => n + t.costUsd, 0);
			expect((a.totalCost ?? 0) + (thread.totalCost ?? 0)).toBeCloseTo(cost, 9);
			expect(a.cacheReadTokens).toBe(9000 + 11000 + 14000);
			expect(a.toolCalls).toBe(3);
			expect(a.toolErrors).toBe(1);

			const detail = loadSessionDetail(ws, A);
			expect(detail.ok).toBe(true);
			if (!detail.ok) return;
			const msgs = detail.value.messages;
			expect(msgs[0]).toMatchObject({text: 'Fix the SSE parser bug'});
			expect(msgs[0]!.facts.role).toBe('user');
			const reply = msgs.find((m) => m.facts.id === 'trc_req1/llm_req1')!;
			expect(reply.blockText).toBe('Reading the parser.');
			expect(reply.toolCalls.map((c) => c.name)).toEqual(['Read', 'Bash']);
			expect(reply.facts.usage).toMatchObject({input: 12000, output: 300, cacheRead: 9000, cacheWrite: 2000});
			const failed = msgs.find((m) => m.facts.id === 'trc_req1/toolu_2')!;
			expect(failed.toolResults[0]).toMatchObject({name: 'Bash', isError: true, content: 'FAIL sse_test.go:12'});
			// Injected context is not a message; the title-gen and permission calls are, as tapes counts them.
			expect(msgs.some((m) => m.facts.id.includes('evt_'))).toBe(false);
			expect(msgs.some((m) => m.facts.id === 'trc_req1/llm_req5')).toBe(true);
			expect(msgs.some((m) => m.facts.id === 'trc_req1/llm_req4')).toBe(false);
		} finally {
			ws.close();
		}
	});

	it('reads almost nothing when nothing changed, a grown session keeps its ID, and a deleted one goes', async () => {
		const dir = tempDir();
		const ws = open({index: path.join(dir, 'index.sqlite'), postgres: db.url});
		const s = ws.sources[0]!;
		let clock = Date.parse('2026-12-01T00:00:00Z');
		const sync = (reconcileEveryMs = 60 * 60_000) => {
			const source = openPostgresSource({url: db.url});
			return syncRemote({store: ws.store, source, sourceId: s.id, kind: 'tapes-postgres', pricing: ws.pricing, now: () => clock, reconcileEveryMs})
				.finally(() => source.close());
		};
		try {
			const synchronous = ws.store.db.pragma('synchronous', {simple: true});
			const cold = await sync();
			expect(cold.fromStart).toBe(true);
			expect(cold.newMessages).toBeGreaterThan(10);
			// The first import writes without waiting on the disk; the index's own setting is back after it.
			expect(ws.store.db.pragma('synchronous', {simple: true})).toBe(synchronous);
			const sent = db.readerStatements().length;
			const quiet = await sync();
			expect(quiet).toMatchObject({newMessages: 0, sessionsTouched: 0});
			// The snapshot bound, the column check, and one feed query (traces moved, rows seen lately).
			expect(db.readerStatements().slice(sent)).toHaveLength(3);

			// One new turn: only it is read, the other turns (and the subagent thread) stay as stored.
			const grown = sessionA();
			grown.lastSeenAt = '2026-11-02T11:00:00Z';
			grown.traces.push(extraTrace('trc_more', '2026-11-02T11:00:00Z'));
			await db.write([grown], {onlyTraces: ['trc_more']});
			const before = ws.store.sessions.find(A).session!;
			// A facet extracted before the session grew stays, and is due again (it saw fewer messages).
			const facets = createFacetsRepo(ws.store.db);
			facets.save(facetRecord(A, {messagesSeen: before.messageCount}));
			const due = () => createFacetQueries(ws.store.db).pending({...DEFAULT_FILTERS}, false);
			expect(due()).not.toContain(A);
			const after1 = await sync();
			expect(after1.newMessages).toBeGreaterThan(0);
			const after = ws.store.sessions.find(A).session!;
			expect(after.id).toBe(A);
			expect(after.messageCount).toBe(before.messageCount + 2);
			expect(after.totalCost).toBeCloseTo((before.totalCost ?? 0) + 0.002, 9);
			expect(facets.get(A)?.messagesSeen).toBe(before.messageCount);
			expect(due()).toContain(A);
			expect(ws.store.sessions.find(`${A}:t1`).session).toMatchObject({label: 'Find the flaky test', messageCount: 3});

			// A pass that prunes a turn (trc_req6: a prompt and two replies) and rewrites another.
			grown.traces = grown.traces.filter((t) => t.id !== 'trc_req6');
			await db.write([grown], {onlyTraces: ['trc_more'], prune: ['trc_req6']});
			await sync();
			const pruned = ws.store.sessions.find(A).session!;
			expect(pruned.messageCount).toBe(after.messageCount - 3);
			expect(pruned.totalCost).toBeCloseTo((after.totalCost ?? 0) - 0.0401, 9);

			// A span changed without its trace (rare: a pass that changes a span changes its trace's rollups too)
			// is found by the spans feed, which runs when reconciling.
			await db.admin.query(`UPDATE spans_20260615 SET output = '[{"type": "tool_result", "tool_output": "package sse // v2"}]',
				derive_seq = pg_current_xact_id()::text::bigint WHERE span_id = 'toolu_1'`);
			await sync();
			const toolText = () => loadSessionDetail(ws, A).ok && (loadSessionDetail(ws, A) as {value: {messages: Array<{facts: {id: string}; toolResults: Array<{content: string}>}>}})
				.value.messages.find((m) => m.facts.id === 'trc_req1/toolu_1')?.toolResults[0]?.content;
			expect(toolText()).toBe('package sse');
			clock += 2 * 60 * 60_000;
			await sync();
			expect(toolText()).toBe('package sse // v2');

			await db.remove(B);
			// Not yet due: the delete is invisible to the feed.
			await sync();
			expect(ws.store.sessions.find(B).session).toBeDefined();
			clock += 2 * 60 * 60_000;
			await sync();
			expect(ws.store.sessions.find(B).session).toBeUndefined();
			// A deleted session takes its subagent threads with it.
			await db.remove(A);
			clock += 2 * 60 * 60_000;
			await sync();
			expect(ws.store.sessions.find(A).session).toBeUndefined();
			expect(ws.store.sessions.find(`${A}:t1`).session).toBeUndefined();

			const statements = db.readerStatements();
			expect(statements.length).toBeGreaterThan(5);
			for (const st of statements) expect(st.trim()).toMatch(/^SELECT\b/i);
		} finally {
			ws.close();
			await db.write([sessionA(), sessionB()]);
		}
	});

	it('reads the sessions of a database that was empty at the first sync', async () => {
		const fresh = await createTapesDb(server());
		const ws = open({index: path.join(tempDir(), 'index.sqlite'), postgres: fresh.url});
		try {
			expect((await syncWorkspace(ws)).errors).toEqual([]);
			await fresh.write([{...sessionB(), parent: undefined}]);
			const second = await syncWorkspace(ws);
			expect(second.errors).toEqual([]);
			expect(ws.store.sessions.find(B).session?.messageCount).toBe(2);
		} finally {
			ws.close();
			await fresh.drop();
		}
	});

	it('with --user, later syncs read only that user\'s changes', async () => {
		const own = await createTapesDb(server());
		const ws = open({index: path.join(tempDir(), 'index.sqlite'), postgres: own.url, user: 'bob@example.com'});
		try {
			const bob = {...sessionB(), parent: undefined};
			await own.write([sessionA(), bob]);
			await syncWorkspace(ws);
			expect(ws.store.db.prepare('SELECT id FROM sessions').pluck().all()).toEqual([B]);
			const grownA = sessionA();
			grownA.traces.push(extraTrace('trc_a2', '2026-11-06T10:00:00Z'));
			bob.traces = [...bob.traces, extraTrace('trc_b2', '2026-11-06T10:00:00Z')];
			await own.write([grownA, bob], {onlyTraces: ['trc_a2', 'trc_b2']});
			const next = await syncWorkspace(ws);
			expect(next.summaries[0]).toMatchObject({sessionsTouched: 1, newMessages: 2});
			expect(ws.store.db.prepare('SELECT id FROM sessions').pluck().all()).toEqual([B]);
			expect(own.readerStatements().every((st) => /^SELECT\b/.test(st.trim()))).toBe(true);
		} finally {
			ws.close();
			await own.drop();
		}
	});
	it('kept open across syncs (the explorer\'s refreshes), reuses its connections, and opens new ones when the server ended them', async () => {
		const own = await createTapesDb(server());
		const ws = open({index: path.join(tempDir(), 'index.sqlite'), postgres: own.url});
		const servers = createServerConnections();
		const backends = async () => ((await own.admin.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = 'tapedeck'
			ORDER BY pid`, [own.name])).rows as Array<{pid: number}>).map((r) => r.pid);
		try {
			await own.write([sessionA()]);
			expect((await syncWorkspace({...ws, servers})).errors).toEqual([]);
			const first = await backends();
			expect(first).toHaveLength(3);
			const grown = sessionA();
			grown.traces.push(extraTrace('trc_a2', '2026-11-06T10:00:00Z'));
			await own.write([grown], {onlyTraces: ['trc_a2']});
			const second = await syncWorkspace({...ws, servers});
			expect(second.errors).toEqual([]);
			expect(second.summaries[0]).toMatchObject({sessionsTouched: 1, newMessages: 2});
			expect(await backends()).toEqual(first);
			// The server ends them (a restart, an idle timeout), and the next sync starts before this process has
			// read that: psql blocks the event loop while pg_terminate_backend waits for the backends to exit, and
			// the sync begins in the same turn. It connects again, with no error.
			execFileSync(path.join(findPostgresBin()!, 'psql'), ['-qAtX', '-d', server().adminUrl(own.name), '-c',
				`SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE datname = '${own.name}' AND application_name = 'tapedeck'`]);
			const third = await syncWorkspace({...ws, servers});
			expect(third.errors).toEqual([]);
			expect((await backends()).some((pid) => first.includes(pid))).toBe(false);
		} finally {
			await servers.close();
			ws.close();
			await own.drop();
		}
	});
});
