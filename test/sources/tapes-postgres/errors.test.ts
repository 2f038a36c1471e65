// Every way a tapes server can fail a sync gives one line naming the server, never the password, and leaves
// the index as it was: refused connection, wrong password, no tapes_v1, a view missing a column, a statement
// timeout, and a server that goes away in the middle of a sync.
import net from 'node:net';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {syncWorkspace} from '../../../source/workspace/sync-workspace.js';
import {startPostgres} from '../../../source/bench/postgres-server.js';
import {openPostgresSource} from '../../../source/sources/tapes-postgres/reader.js';
import {connect} from '../../../source/sources/tapes-postgres/connection.js';
import {syncRemote} from '../../../source/sync/remote-sync.js';
import {createTapesDb, READER_PASSWORD, SCHEMA_SQL, usePostgres, type TapesDb} from '../../helpers/tapes-postgres.js';
import {A, sessionA, sessionB} from '../../helpers/tapes-v1-dataset.js';
import {open, tempDir} from '../../helpers/workspace.js';

const server = usePostgres();
const dbs: TapesDb[] = [];
let good: TapesDb;
beforeAll(async () => {
	good = await createTapesDb(server());
	dbs.push(good);
	await good.write([sessionA(), sessionB()]);
});
afterAll(async () => {
	for (const db of dbs) await db.drop();
});

async function syncOnce(url: string, index = path.join(tempDir(), 'index.sqlite')) {
	const ws = open({index, postgres: url});
	try {
		const synced = await syncWorkspace(ws);
		const sessions = ws.store.db.prepare('SELECT count(*) FROM sessions').pluck().get() as number;
		return {errors: synced.errors, sessions, recorded: ws.store.sources.list()[0]!.lastError};
	} finally {
		ws.close();
	}
}

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const s = net.createServer().listen(0, '127.0.0.1', () => {
			const {port} = s.address() as net.AddressInfo;
			s.close(() => resolve(port));
		});
	});
}

const shown = (url: string) => url.replace(`:${READER_PASSWORD}@`, '@');

describe('tapes PostgreSQL failures', () => {
	it('connects read-only: a write is refused by the server', async () => {
		const scratch = await createTapesDb(server());
		dbs.push(scratch);
		const c = await connect(scratch.url);
		try {
			expect((await c.query('SHOW default_transaction_read_only')).rows[0].default_transaction_read_only).toBe('on');
			await expect(c.query('CREATE TABLE tapes_v1.x (a int)')).rejects.toThrow('cannot execute CREATE TABLE in a read-only transaction');
		} finally {
			await c.end();
		}
	});

	it('a refused connection', async () => {
		const url = `postgres://tapes:${READER_PASSWORD}@127.0.0.1:${await freePort()}/tapes`;
		const run = await syncOnce(url);
		expect(run.errors).toEqual([`${shown(url)}: cannot connect: connection refused (is the server running?)`]);
		expect(run.recorded).toBe(run.errors[0]);
	});

	it('a wrong password', async () => {
		const url = good.url.replace(READER_PASSWORD, 'wrong-password-123');
		const run = await syncOnce(url);
		expect(run.errors).toHaveLength(1);
		expect(run.errors[0]).toMatch(/: authentication failed \(password authentication failed for user "tapes_reader"\)$/);
		expect(run.errors[0]).not.toContain('wrong-password-123');
		expect(run.errors[0]!.startsWith(`postgres://tapes_reader@127.0.0.1:${server().port}/`)).toBe(true);
	});

	it('a database without tapes_v1, and one whose view lacks a column', async () => {
		const bare = await createTapesDb(server(), {schema: 'SELECT 1'});
		dbs.push(bare);
		const noViews = await syncOnce(bare.url);
		expect(noViews.errors).toEqual([`${shown(bare.url)}: no tapes_v1 views here (relation "tapes_v1.sessions" does not exist): tapedeck reads tapes >= v0.35, whose migrations create schema tapes_v1`]);
		const older = await createTapesDb(server(), {schema: SCHEMA_SQL.replace('input, output, usage, raw_turn_id', 'input, output, raw_turn_id')});
		dbs.push(older);
		// Even with nothing to read, the columns are checked before anything is.
		const missing = await syncOnce(older.url);
		expect(missing.errors).toHaveLength(1);
		expect(missing.errors[0]).toContain(`${shown(older.url)}: a tapes_v1 view lacks a column tapedeck reads (column "usage" does not exist)`);
		expect(missing.errors[0]).not.toContain(READER_PASSWORD);
	});

	it('a statement timeout, and the index stays as it was', async () => {
		const slow = await createTapesDb(server(), {schema: SCHEMA_SQL.replace(/(CREATE VIEW tapes_v1\.spans AS SELECT[\s\S]*?) FROM spans_20260615;/,
			'$1 FROM spans_20260615, LATERAL (SELECT pg_sleep(0.4)) AS slow;')});
		dbs.push(slow);
		await slow.write([sessionA(), sessionB()]);
		const index = path.join(tempDir(), 'index.sqlite');
		// A first sync from the good database, so there is something to keep.
		await syncOnce(good.url, index);
		const ws = open({index, postgres: slow.url});
		try {
			const s = ws.sources[0]!;
			const before = ws.store.db.prepare('SELECT id, total_tokens FROM sessions ORDER BY id').all();
			expect(before.length).toBeGreaterThan(0);
			const source = openPostgresSource({url: slow.url, statementTimeoutMs: 200});
			const sync = syncRemote({store: ws.store, source, sourceId: s.id, kind: 'tapes-postgres', pricing: ws.pricing, now: Date.now});
			await expect(sync).rejects.toThrow(new RegExp(`^${shown(slow.url).replace(/[.?]/g, '\\$&')}: a query was cancelled: statement timeout ` +
				'\\(canceling statement due to statement timeout\\)$'));
			await source.close();
			expect(ws.store.db.prepare('SELECT id, total_tokens FROM sessions ORDER BY id').all()).toEqual(before);
		} finally {
			ws.close();
		}
	});

	it('a span with a malformed JSON column is one warning naming it; the rest is read', async () => {
		const odd = await createTapesDb(server());
		dbs.push(odd);
		await odd.write([sessionA()]);
		await odd.admin.query(`UPDATE spans_20260615 SET output = '{"not": "a list"}' WHERE span_id = 'toolu_1'`);
		const index = path.join(tempDir(), 'index.sqlite');
		const ws = open({index, postgres: odd.url});
		try {
			const synced = await syncWorkspace(ws);
			expect(synced.errors).toEqual([]);
			expect(synced.summaries[0]!.warnings).toEqual([{where: shown(odd.url), count: 1,
				message: expect.stringMatching(/^tapes_v1\.spans trace trc_req1 span toolu_1: output: not a list of content blocks .*; read as empty$/)}]);
			expect(ws.store.sources.list()[0]!.warnings).toHaveLength(1);
			expect(ws.store.sessions.find(A).session?.messageCount).toBeGreaterThan(5);
		} finally {
			ws.close();
		}
	});

	it('a server that goes away in the middle of a sync', async () => {
		const own = await startPostgres();
		try {
			const db = await createTapesDb(own, {schema: SCHEMA_SQL.replace(/(CREATE VIEW tapes_v1\.spans AS SELECT[\s\S]*?) FROM spans_20260615;/,
				'$1 FROM spans_20260615, LATERAL (SELECT pg_sleep(0.05)) AS slow;')});
			await db.write([sessionA()]);
			await db.admin.end();
			const index = path.join(tempDir(), 'index.sqlite');
			const ws = open({index, postgres: db.url});
			try {
				const sync = syncWorkspace(ws);
				setTimeout(() => void own.stop(), 300);
				const synced = await sync;
				expect(synced.errors).toHaveLength(1);
				expect(synced.errors[0]).toMatch(new RegExp(`^postgres://tapes_reader@127\\.0\\.0\\.1:${own.port}/\\w+: the server closed the connection`));
				expect(ws.store.db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(0);
			} finally {
				ws.close();
			}
		} finally {
			await own.stop();
		}
	}, 30_000);
});
