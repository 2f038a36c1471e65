// tapes rows stored before their parents (an import, a writer that flushes out of order): the children are
// placed in their parent's session once it is read, in the same sync or a later one, and only parents that
// never come are reported as dangling.
import path from 'node:path';
import Database from 'better-sqlite3';
import {describe, expect, it} from 'vitest';
import {buildTapesDb} from '../../fixtures/tapes-builder.js';
import {insertTapesNode, formatTapesTimestamp} from '../../source/sources/tapes/schema.js';
import {DEFAULT_FILTERS} from '../../source/core/types.js';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import {open, tempDir} from '../helpers/workspace.js';

const T0 = Date.UTC(2026, 1, 19, 6);
const list = (ws: ReturnType<typeof open>) => ws.queries.list({...DEFAULT_FILTERS, sort: 'date', sortDir: 'asc'});

describe('late parents', () => {
	it('children before their parents in the same sync join the parents\' session', async () => {
		const dir = tempDir();
		const sqlite = path.join(dir, 'tapes.sqlite');
		buildTapesDb(sqlite, [
			{id: 'c2', hash: 'h-c2', parentHash: 'h-c1', role: 'assistant', text: 'third', at: T0 + 2000, tokens: {in: 10, out: 1}},
			{id: 'c1', hash: 'h-c1', parentHash: 'h-root', text: 'second', at: T0 + 1000},
			{id: 'root', hash: 'h-root', text: 'first', at: T0},
			{id: 'lost', hash: 'h-lost', parentHash: 'h-never', text: 'orphan', at: T0 + 5000},
		]);
		const ws = open({sqlite, index: path.join(dir, 'index.sqlite')});
		const synced = await syncWorkspace(ws);
		const sessions = list(ws);
		expect(sessions.map((s) => s.messageCount).sort()).toEqual([1, 3]);
		expect(sessions.find((s) => s.messageCount === 3)!.label).toMatch(/^first/);
		const dangling = synced.summaries[0]!.warnings.filter((w) => /dangling/.test(w.message));
		expect(dangling.map((w) => w.count)).toEqual([1]);
		ws.close();
	});

	it('a parent written in a later sync takes its children in', async () => {
		const dir = tempDir();
		const sqlite = path.join(dir, 'tapes.sqlite');
		buildTapesDb(sqlite, [{id: 'c1', hash: 'h-c1', parentHash: 'h-root', text: 'second', at: T0 + 1000}]);
		const ws = open({sqlite, index: path.join(dir, 'index.sqlite')});
		await syncWorkspace(ws);
		expect(list(ws)).toHaveLength(1);
		const db = new Database(sqlite);
		insertTapesNode(db)({hash: 'h-root', parentHash: null, role: 'user', content: [{type: 'text', text: 'first'}], model: '', provider: 'anthropic', agentName: null,
			project: null, stopReason: '', promptTokens: null, completionTokens: null, totalTokens: null, cacheCreation: null, cacheRead: null,
			totalDurationNs: null, promptDurationNs: null, createdAt: formatTapesTimestamp(T0)});
		db.close();
		const synced = await syncWorkspace(ws);
		expect(list(ws).map((s) => [s.messageCount, s.label.split(' / ')[0]])).toEqual([[2, 'first']]);
		expect(synced.summaries[0]!.warnings.filter((w) => /dangling/.test(w.message))).toEqual([]);
		ws.close();
	});
});
