// tapes' HTTP read API into the index, against a local server on 127.0.0.1 serving the fixture sessions
// (gzipped, two per page): the same sessions and totals as through PostgreSQL, traces fetched only for
// sessions whose list entry changed, deletes caught by reconciliation, and one line per failure.
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import {syncRemote} from '../../source/sync/remote-sync.js';
import {openApiSource} from '../../source/sources/tapes-api/reader.js';
import {startApiServer, type ApiServer} from '../helpers/tapes-api-server.js';
import {A, B, C, extraTrace, sessionA, sessionB, sessionC} from '../helpers/tapes-v1-dataset.js';
import {open, tempDir} from '../helpers/workspace.js';

const servers: ApiServer[] = [];
afterEach(async () => {
	while (servers.length) await servers.pop()!.close();
});

async function serve() {
	const api = await startApiServer([sessionA(), sessionB(), sessionC()]);
	servers.push(api);
	return api;
}

describe('tapes HTTP API sync', () => {
	it('reads the sessions with their turns, tools, subagents and recorded cost', async () => {
		const api = await serve();
		const ws = open({index: path.join(tempDir(), 'index.sqlite'), tapesApi: api.url});
		try {
			const synced = await syncWorkspace(ws);
			expect(synced.errors).toEqual([]);
			const a = ws.store.sessions.find(A).session!;
			const thread = ws.store.sessions.find(`${A}:t1`).session!;
			expect(a).toMatchObject({source: 'tapes-api', label: 'Fix the SSE parser', project: 'tapes', costSource: 'recorded', toolCalls: 3, toolErrors: 1});
			expect(thread).toMatchObject({parentId: A, label: 'Find the flaky test'});
			expect(ws.store.sessions.find(B).session!.parentId).toBeNull();
			expect(ws.store.sessions.find(C).session).toBeUndefined();
			const fx = sessionA();
			expect((a.totalCost ?? 0) + (thread.totalCost ?? 0)).toBeCloseTo(fx.traces.reduce((n, t) => n + t.costUsd, 0), 9);
			expect(ws.sources[0]!.path).toBe(api.url);
			expect(api.gzipped).toBe(api.requests.length);
		} finally {
			ws.close();
		}
	});

	it('fetches traces only for sessions whose entry changed, and drops deleted sessions on reconciliation', async () => {
		const api = await serve();
		const ws = open({index: path.join(tempDir(), 'index.sqlite'), tapesApi: api.url});
		let clock = Date.parse('2026-12-01T00:00:00Z');
		const sync = () => syncRemote({store: ws.store, source: openApiSource({url: api.url}), sourceId: ws.sources[0]!.id, kind: 'tapes-api',
			pricing: ws.pricing, now: () => clock, reconcileEveryMs: 60 * 60_000});
		try {
			await sync();
			expect(api.requests.filter((r) => r.endsWith('/traces'))).toHaveLength(3);
			api.requests.length = 0;
			const quiet = await sync();
			expect(quiet).toMatchObject({newMessages: 0, sessionsTouched: 0});
			// Only the first page: every session on it is older than the last poll's newest minus two minutes.
			expect(api.requests).toEqual(['/v1/sessions']);

			const grown = sessionA();
			grown.lastSeenAt = '2026-11-05T11:00:00Z';
			grown.traces.push(extraTrace('trc_more', '2026-11-05T11:00:00Z'));
			api.sessions[0] = grown;
			api.requests.length = 0;
			const after = await sync();
			expect(after.newMessages).toBeGreaterThan(0);
			// The known session's trace headers, then only the new trace.
			expect(api.requests).toEqual(['/v1/sessions', '/v1/traces', '/v1/traces/trc_more', '/v1/sessions']);
			expect(ws.store.sessions.find(`${A}:t1`).session).toMatchObject({label: 'Find the flaky test', messageCount: 3});
			expect(ws.store.sessions.find(A).session!.messageCount).toBe(14);

			api.sessions.splice(api.sessions.findIndex((s) => s.id === B), 1);
			clock += 2 * 60 * 60_000;
			await sync();
			expect(ws.store.sessions.find(B).session).toBeUndefined();
			expect(ws.store.sessions.find(A).session).toBeDefined();
		} finally {
			ws.close();
		}
	});

	it('says what failed: an HTTP error, a timeout, a refused connection', async () => {
		const api = await serve();
		const ws = open({index: path.join(tempDir(), 'index.sqlite'), tapesApi: api.url});
		try {
			api.failWith = 500;
			expect((await syncWorkspace(ws)).errors).toEqual([`${api.url}: GET /v1/stats: HTTP 500: derive store unavailable`]);
			api.failWith = null;
			api.delayMs = 1000;
			const slow = syncRemote({store: ws.store, source: openApiSource({url: api.url, timeoutMs: 200}), sourceId: ws.sources[0]!.id, kind: 'tapes-api',
				pricing: ws.pricing, now: Date.now});
			await expect(slow).rejects.toThrow(`${api.url}: GET /v1/stats: no answer within 0.2 s`);
			await api.close();
			const refused = await syncWorkspace(ws);
			expect(refused.errors).toEqual([`${api.url}: GET /v1/stats: cannot connect: connection refused (is tapes serving its API?)`]);
			expect(ws.store.db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(0);
		} finally {
			ws.close();
		}
	});
});
