// Which session a tapes node joins: its parent's within the hour after that session's last message, else one
// of its own (namespaced when another kind of source holds that ID); parents found in the recent map, by
// the key, or during a keyless load by their row in the source, which a transaction run again rewinds.
import {afterEach, describe, expect, it} from 'vitest';
import {TAPES_BASIC} from '../../fixtures/tapes-cases.js';
import {openTapesSource} from '../../source/sources/tapes/reader.js';
import {createNodePlaces, SESSION_GAP_MS, sessionIdFor} from '../../source/sync/tapes-node-places.js';
import {syncFixture} from '../helpers/workspace.js';

const opened: Array<{close(): void}> = [];
afterEach(() => {
	while (opened.length) opened.pop()!.close();
});

async function places(keyless: boolean, recentLimit = 10) {
	const {ws, sqlite, hashes} = await syncFixture(TAPES_BASIC);
	opened.push(ws);
	const source = openTapesSource(sqlite);
	if (!source.ok) throw new Error(source.error);
	opened.push(source.source);
	const sourceId = ws.sources[0]!.id;
	return {ws, hashes, sourceId, places: createNodePlaces({store: ws.store, source: source.source, sourceId, keyless, total: 10, recentLimit})};
}

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('createNodePlaces', () => {
	it('joins the parent\'s session within the gap after its last message, and starts one of its own past it', async () => {
		const {places: p} = await places(false);
		const parent = {sessionId: 's1', ts: 1_000, model: 'm'};
		p.add(A, 1, parent);
		p.add(B, 2, {sessionId: 's1', ts: 5_000, model: 'm'});
		expect(p.sessionFor('c'.repeat(64), 5_000 + SESSION_GAP_MS, parent)).toBe('s1');
		expect(p.sessionFor('c'.repeat(64), 5_001 + SESSION_GAP_MS, parent)).toBe(sessionIdFor('c'.repeat(64)));
		expect(p.sessionFor('d'.repeat(64), 0, undefined)).toBe('dddddddddddddddd');
	});

	it('finds stored parents by the key, and during a keyless load by their row (a rewind forgets what came after)', async () => {
		const keyed = await places(false, 0);
		const first = keyed.hashes['u1']!;
		expect(keyed.places.parentOf(first)?.sessionId).toBe(sessionIdFor(first));
		const keyless = await places(true, 0);
		// Nothing placed by row yet: the keyless load knows only what it stored itself.
		expect(keyless.places.parentOf(first)).toBeUndefined();
		const mark = keyless.places.mark();
		keyless.places.add(first, 1, {sessionId: 'x', ts: 1, model: 'm'});
		expect(keyless.places.parentOf(first)?.sessionId).toBe('x');
		keyless.places.rewind(mark);
		expect(keyless.places.parentOf(first)).toBeUndefined();
	});

	it('keeps the recent map until a chunk ends past its limit', async () => {
		const {places: p} = await places(false, 1);
		p.add(A, 100, {sessionId: 'r', ts: 1, model: ''});
		p.chunkDone();
		expect(p.parentOf(A)?.sessionId).toBe('r');
		p.add(B, 101, {sessionId: 'r', ts: 2, model: ''});
		p.chunkDone();
		expect(p.parentOf(A)).toBeUndefined();
	});

	it('namespaces its own session when another kind of source holds that ID', async () => {
		const {ws, places: p} = await places(false);
		const id = sessionIdFor(A);
		const claude = ws.store.sources.ensure('claude-code', '/elsewhere').id;
		// A copy of a stored session's row, as another kind of source's.
		ws.store.db.exec('CREATE TEMP TABLE copied AS SELECT * FROM sessions LIMIT 1');
		ws.store.db.prepare(`UPDATE copied SET id = ?, source = 'claude-code', source_id = ?`).run(id, claude);
		ws.store.db.exec('INSERT INTO sessions SELECT * FROM copied');
		expect(p.sessionFor(A, 0, undefined)).toBe(`${id}@tapes`);
	});
});
