// The reader thread against a real PostgreSQL: what it prepares on its own thread equals what the sync's thread
// prepares in-process, in chunks; a read stopped midway leaves it ready for the next poll; a refused connection
// gives the same one line as in-process; a thread that cannot start fails the poll instead of hanging it. The
// thread runs only from the build (`pretest` builds dist/), so this imports the built module.
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createTapesDb, usePostgres, type TapesDb} from '../helpers/tapes-postgres.js';
import {sessionA, sessionB, sessionC} from '../helpers/tapes-v1-dataset.js';
import {sessionsSql, spansSql, tracesSql} from '../../source/bench/postgres-generate.js';
import {defaultPricing} from '../../source/core/pricing.js';
import {openPostgresSource} from '../../source/sources/tapes-postgres/reader.js';
import {CHUNK_MESSAGES, inProcessReader, type PreparedChange, type ServerReader} from '../../source/sync/remote-prepare.js';
import type {SourceInUse} from '../../source/workspace/open-workspace.js';
import {tempDir} from '../helpers/workspace.js';

type ThreadModule = typeof import('../../source/sync/server-reader-thread.js');
const built = (await import(pathToFileURL(path.resolve(import.meta.dirname, '..', '..', 'dist', 'sync', 'server-reader-thread.js')).href)) as ThreadModule;

const server = usePostgres();
let db: TapesDb;
/** Generated sessions beside the fixture's: more messages than a chunk holds. */
const GENERATED = 40;
beforeAll(async () => {
	db = await createTapesDb(server());
	await db.write([sessionA(), sessionB(), sessionC()]);
	await db.admin.query(`BEGIN; ${sessionsSql(GENERATED)}; ${tracesSql(GENERATED, 0, 9)}; ${spansSql(GENERATED, 0, 9)}; COMMIT`);
}, 60_000);
afterAll(async () => {
	await db?.drop();
});

const sourceOf = (url: string): SourceInUse => ({id: 1, kind: 'tapes-postgres', path: 'team server', url});
const thread = (url: string, program = built.readerThreadProgram()!) =>
	built.threadReader({source: sourceOf(url), pricing: {table: defaultPricing(), catalogFile: null}, indexPath: path.join(tempDir(), 'none.sqlite')}, program);
const inProcess = (url: string) => inProcessReader(openPostgresSource({url, where: 'team server'}), defaultPricing());

async function readAll(reader: ServerReader): Promise<{chunks: number; changes: PreparedChange[]; problems: string[]; total: number}> {
	const poll = await reader.poll(null, {signatureOf: () => undefined, thorough: true});
	const changes: PreparedChange[] = [];
	let chunks = 0;
	for await (const chunk of poll.chunks) {
		chunks++;
		changes.push(...chunk);
	}
	return {chunks, changes, problems: poll.problems, total: poll.total};
}

describe('the reader thread', () => {
	it('prepares on its own thread what the sync would prepare in-process, in chunks', async () => {
		expect(built.readerThreadProgram()).not.toBeNull();
		const [there, here] = [thread(db.url), inProcess(db.url)];
		try {
			const a = await readAll(there);
			const b = await readAll(here);
			expect(a.changes).toEqual(b.changes);
			expect(a.problems).toEqual(b.problems);
			expect(a.total).toBe(GENERATED + 3);
			const messages = a.changes.flatMap((c) => ('gone' in c ? [] : c.sessions.flatMap((s) => s.messages)));
			expect(messages.length).toBeGreaterThan(CHUNK_MESSAGES);
			expect(a.chunks).toBeGreaterThan(1);
			expect(await there.keys()).toEqual(await here.keys());
		} finally {
			await Promise.all([there.close(), here.close()]);
		}
	}, 60_000);

	it('stopped after its first chunk, ends that read, and reads everything at the next poll', async () => {
		const reader = thread(db.url);
		try {
			const poll = await reader.poll(null, {signatureOf: () => undefined, thorough: true});
			for await (const chunk of poll.chunks) {
				expect(chunk.length).toBeGreaterThan(0);
				break;
			}
			const again = await readAll(reader);
			expect(again.changes).toHaveLength(GENERATED + 3);
		} finally {
			await reader.close();
		}
	}, 60_000);

	it('says what the in-process reader says when the server refuses the connection', async () => {
		const refused = db.url.replace(/:\d+\//, ':1/');
		const there = thread(refused);
		const here = inProcess(refused);
		try {
			const expected = await readAll(here).then(() => 'read', (e: Error) => e.message);
			expect(expected).toMatch(/^team server: /);
			await expect(readAll(there)).rejects.toThrow(expected);
		} finally {
			await Promise.all([there.close(), here.close()]);
		}
	}, 60_000);

	it('fails the poll, naming the server, when its thread cannot run', async () => {
		const broken = thread(db.url, new URL('data:text/javascript,throw new Error("no driver here")'));
		await expect(readAll(broken)).rejects.toThrow(/no driver here|team server: the reader thread stopped/);
		await broken.close();
	}, 60_000);
});
