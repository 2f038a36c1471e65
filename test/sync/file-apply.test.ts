// The transcript write path: a batch reads its source's search `done_to` once, and each new row is still
// indexed as it is stored exactly when its rowid is at or below it (a reused rowid), left to the fill otherwise.
import {afterEach, describe, expect, it} from 'vitest';
import {applyFileBatch, createFileSyncContext, emptyBatch} from '../../source/sync/file-apply.js';
import {parsedMessage} from '../../source/sync/file-parse.js';
import {open, tempDir} from '../helpers/workspace.js';
import {message} from '../core/build-message.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';
import path from 'node:path';

const opened: Workspace[] = [];
afterEach(() => {
	while (opened.length) opened.pop()!.close();
});

const matching = (ws: Workspace, word: string) =>
	ws.store.db.prepare(`SELECT count(*) FROM message_search WHERE message_search MATCH ?`).pluck().get(word) as number;

function batchOf(words: string[]) {
	const batch = emptyBatch();
	words.forEach((word, i) => batch.messages.push(parsedMessage({sessionId: 's1', seq: i + 1, merge: false,
		message: message({id: `m${i + 1}`, text: word, timestamp: Date.UTC(2026, 0, 1, 0, i)})})));
	return batch;
}

describe('applyFileBatch and the search index', () => {
	it('indexes on the write path the new rows at or below done_to, and only those', () => {
		const root = tempDir();
		const ws = open({index: path.join(tempDir(), 'index.sqlite'), claude: [root]});
		opened.push(ws);
		const source = ws.store.sources.ensure('claude-code', root);
		const ctx = createFileSyncContext(ws.store, source.id, 'claude-code', ws.pricing, () => 0);
		// The fill stands at rowid 2: rows 1 and 2 (reused rowids) are indexed as they come, 3 and 4 wait.
		ws.store.search.markDone(source.id, 2);
		const applied = applyFileBatch(ctx, batchOf(['aardvark', 'badger', 'caracal', 'dingo']));
		expect(applied.newMessages).toBe(4);
		expect(['aardvark', 'badger', 'caracal', 'dingo'].map((w) => matching(ws, w))).toEqual([1, 1, 0, 0]);
		expect(ws.store.search.status(source.id)).toEqual({on: true, waiting: 2});
	});

	it('a source with its search index off gets no rows on the write path', () => {
		const root = tempDir();
		const ws = open({index: path.join(tempDir(), 'index.sqlite'), claude: [root]});
		opened.push(ws);
		const source = ws.store.sources.ensure('claude-code', root);
		ws.store.search.setOn(source.id, false);
		const ctx = createFileSyncContext(ws.store, source.id, 'claude-code', ws.pricing, () => 0);
		applyFileBatch(ctx, batchOf(['aardvark', 'badger']));
		expect(matching(ws, 'aardvark') + matching(ws, 'badger')).toBe(0);
	});
});
