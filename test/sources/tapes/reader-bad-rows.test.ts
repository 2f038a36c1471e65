import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { type FixtureNode, buildTapesDb, FIXTURE_BASE_MS } from '../../../fixtures/tapes-builder.js';
import {
	TAPES_BAD_ROWS,
	TAPES_BASIC,
	TAPES_BRANCH,
	TAPES_CYCLE,
	TAPES_DANGLING,
	TAPES_TIME_LAYOUTS,
} from '../../../fixtures/tapes-cases.js';
import type { CanonicalMessage } from '../../../source/core/types.js';
import { type TapesBatch, openTapesSource } from '../../../source/sources/tapes/reader.js';
import { useTempDir } from './temp-dir.js';

const temp = useTempDir();

function readAll(nodes: FixtureNode[]): { batch: TapesBatch; hashes: Record<string, string>; byId: (id: string) => CanonicalMessage | undefined } {
	const p = temp('fixture.db');
	const hashes = buildTapesDb(p, nodes);
	const result = openTapesSource(p);
	if (!result.ok) throw new Error(result.error);
	const batch = result.source.readAfter(0, 1000);
	result.source.close();
	const byId = (id: string) => batch.messages.find((m) => m.message.id === hashes[id])?.message;
	return { batch, hashes, byId };
}

describe('reader mapping', () => {
	it('maps a plain exchange to canonical messages', () => {
		const { batch, hashes, byId } = readAll(TAPES_BASIC);
		expect(batch.warnings).toEqual([]);
		expect(batch.messages.map((m) => m.rowid)).toEqual([1, 2, 3, 4]);
		expect(batch.lastRowid).toBe(4);
		expect(byId('a1')).toEqual({
			id: hashes.a1,
			parentId: hashes.u1,
			role: 'assistant',
			model: 'claude-sonnet-4-5-20250929',
			provider: 'anthropic',
			agent: 'claude',
			project: 'tapes',
			timestamp: FIXTURE_BASE_MS + 1000,
			text: 'Looking at the test.',
			toolCalls: [{ id: 'toolu_01', name: 'Read', args: { file_path: 'pkg/deck/query_test.go' } }],
			toolResults: [],
			usage: { input: 12000, output: 90, cacheWrite: 11000, cacheWrite1h: 0, cacheRead: 0, total: 12090 },
			stopReason: 'tool_use',
			latencyMs: 2500,
			recordedCost: null,
			validations: [],
			meta: null,
		});
		// A request node: NULL token and duration columns read as 0 / null.
		expect(byId('u1')).toMatchObject({
			parentId: null,
			stopReason: '',
			usage: { input: 0, output: 0, cacheWrite: 0, cacheRead: 0, total: null },
			latencyMs: null,
		});
		expect(byId('r1')?.toolResults).toEqual([
			{ id: 'toolu_01', name: '', content: 'no such file', error: 'no such file', isError: true, latencyMs: null },
		]);
	});

	it('reads every created_at layout', () => {
		const { batch, byId } = readAll(TAPES_TIME_LAYOUTS);
		expect(batch.warnings).toEqual([]);
		expect(byId('go-offset')?.timestamp).toBeCloseTo(Date.UTC(2026, 1, 19, 6, 0, 8) + 123.456789, 3);
		expect(byId('t-variant')?.timestamp).toBe(Date.UTC(2026, 1, 19, 6, 0, 9, 500));
		expect(byId('db-default')?.timestamp).toBe(Date.UTC(2026, 1, 19, 6, 0, 10));
		expect(byId('minutes')?.timestamp).toBe(Date.UTC(2026, 1, 19, 6, 1));
		expect(byId('date')?.timestamp).toBe(Date.UTC(2026, 1, 19));
	});
});

describe('bad rows never throw', () => {
	it('reads what it can and counts each kind of problem once per kind', () => {
		const { batch, byId } = readAll(TAPES_BAD_ROWS);
		const where = batch.warnings[0]?.where ?? '';
		expect(where).toMatch(/fixture\.db: nodes$/);
		expect(Object.fromEntries(batch.warnings.map((w) => [w.message, w.count]))).toEqual({
			'content is not JSON': 1,
			'content is not a JSON array': 1,
			'created_at is not a timestamp (row skipped)': 1,
			'completion_tokens has an unreadable value (read as 0)': 1,
			'content block has fields of the wrong type (coerced)': 1,
			'content block is not an object (skipped)': 1,
			'model is not text (coerced)': 1,
		});
		// 8 rows, one skipped for its timestamp; rowids still advance past it.
		expect(batch.messages).toHaveLength(7);
		expect(batch.lastRowid).toBe(8);
		expect(byId('bad-time')).toBeUndefined();

		expect(byId('nulls')).toMatchObject({ role: '', model: '', provider: '', stopReason: '', text: '', toolCalls: [] });
		expect(byId('not-json')).toMatchObject({ text: '', toolCalls: [], toolResults: [] });
		expect(byId('object')?.text).toBe('');
		// SQLite's INTEGER affinity already turned '1200' into a number; 'lots' cannot be read.
		expect(byId('text-tokens')?.usage).toMatchObject({ input: 1200, output: 0 });
		expect(byId('odd-blocks')).toMatchObject({
			text: '42',
			toolCalls: [{ id: '', name: 'Bash', args: { command: 'ls' } }],
		});
		expect(byId('blob-model')?.model).toBe('gpt-4o');
	});

	it('skips a row with no hash and a row whose created_at is a number', () => {
		const p = temp('holes.db');
		buildTapesDb(p, [{ id: 'a', text: 'a', raw: { created_at: 1771480800 } }, { id: 'b', text: 'b', raw: { hash: '' } }]);
		const result = openTapesSource(p);
		if (!result.ok) throw new Error(result.error);
		const batch = result.source.readAfter(0, 10);
		result.source.close();
		expect(batch.messages).toEqual([]);
		expect(batch.lastRowid).toBe(2);
		expect(batch.warnings.map((w) => w.message).sort()).toEqual([
			'created_at is not a timestamp (row skipped)',
			'row has no hash (skipped)',
		]);
	});

	it('passes a dangling parent through', () => {
		const { batch, hashes, byId } = readAll(TAPES_DANGLING);
		expect(batch.warnings).toEqual([]);
		expect(byId('orphan')?.parentId).toBe('f'.repeat(64));
		expect(byId('child')?.parentId).toBe(hashes.orphan);
	});

	it('passes a parent cycle through', () => {
		const { batch, byId } = readAll(TAPES_CYCLE);
		expect(batch.warnings).toEqual([]);
		expect(byId('a')?.parentId).toBe('b'.repeat(64));
		expect(byId('b')?.parentId).toBe('a'.repeat(64));
	});

	it('keeps both leaves of a retried answer', () => {
		const { byId, hashes } = readAll(TAPES_BRANCH);
		expect(byId('cut')?.parentId).toBe(hashes.q);
		expect(byId('retry')?.parentId).toBe(hashes.q);
	});
});

describe('TapesSource paging', () => {
	it('reads in rowid order across batches, by id, by rowid, and lists ids', () => {
		const p = temp('paging.db');
		const hashes = buildTapesDb(p, TAPES_BASIC);
		const result = openTapesSource(p);
		if (!result.ok) throw new Error(result.error);
		const { source } = result;
		expect(source.stats()).toEqual({ rows: 4, maxRowid: 4 });
		const first = source.readAfter(0, 3);
		expect(first.messages.map((m) => m.rowid)).toEqual([1, 2, 3]);
		const second = source.readAfter(first.lastRowid, 3);
		expect(second.messages.map((m) => m.message.id)).toEqual([hashes.a2]);
		expect(source.readAfter(second.lastRowid, 3)).toEqual({ messages: [], lastRowid: 4, warnings: [] });
		const byIds = source.readByIds([hashes.a2 as string, 'unknown', hashes.u1 as string]);
		expect(byIds.messages.map((m) => m.rowid)).toEqual([1, 4]);
		// By rowid: in rowid order, a rowid with no row left out, none asked none read.
		const byRowids = source.readRowids([4, 99, 2]);
		expect(byRowids.messages.map((m) => [m.rowid, m.message.id])).toEqual([[2, hashes.a1], [4, hashes.a2]]);
		expect(source.readRowids([]).messages).toEqual([]);
		expect([...source.allIds()]).toEqual(['u1', 'a1', 'r1', 'a2'].map((id, i) => ({ rowid: i + 1, hash: hashes[id] })));
		source.close();
	});

	it('sees a VACUUM that renumbers rowids', () => {
		const p = temp('vacuum.db');
		const hashes = buildTapesDb(p, TAPES_BASIC);
		const db = new Database(p);
		db.prepare('DELETE FROM nodes WHERE hash = ?').run(hashes.u1);
		db.exec('VACUUM');
		db.close();
		const result = openTapesSource(p);
		if (!result.ok) throw new Error(result.error);
		const ids = [...result.source.allIds()];
		result.source.close();
		expect(ids.map((r) => r.hash)).toEqual([hashes.a1, hashes.r1, hashes.a2]);
	});
});

describe('readContents (what the search index reads)', () => {
	it('says of each row what the full mapping says of its content, and leaves out rows it cannot read as text', () => {
		const p = temp('contents.db');
		const hashes = buildTapesDb(p, [...TAPES_BASIC, ...TAPES_BAD_ROWS]);
		const db = new Database(p);
		const blob = db.prepare("SELECT rowid FROM nodes WHERE hash = ?").pluck().get(hashes.a1) as number;
		db.prepare('UPDATE nodes SET content = ? WHERE rowid = ?').run(Buffer.from('[]'), blob);
		db.close();
		const result = openTapesSource(p);
		if (!result.ok) throw new Error(result.error);
		const full = result.source.readAfter(0, 1000).messages;
		const max = full.at(-1)!.rowid;
		const lean = result.source.readContents(1, max);
		result.source.close();
		expect(lean.has(hashes.a1!)).toBe(false);
		let compared = 0;
		for (const { message } of full) {
			if (message.id === hashes.a1) continue;
			expect(lean.get(message.id), message.id).toEqual({ text: message.text, toolCalls: message.toolCalls, toolResults: message.toolResults });
			compared++;
		}
		expect(compared).toBeGreaterThan(5);
		expect(full.some((m) => m.message.toolCalls.length > 0 && lean.get(m.message.id)?.toolCalls.length)).toBe(true);
	});
});
