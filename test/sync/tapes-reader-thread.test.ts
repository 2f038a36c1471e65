// The tapes reading thread: a bulk load whose rows are read and mapped on a thread of their own writes the same
// index as one that reads them on the sync's thread (messages, sessions, their models, tools and buckets, the
// cursor and the rows' problems), for bad rows, a dangling parent, a parent that comes later in the table, and a
// node that carries its parent's model; a file the thread cannot open fails the sync with its name, not a hang.
// The thread runs only from the build (`pretest` builds dist/), so this imports the built modules.
import fs from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {generateTapes} from '../../source/bench/generate-tapes.js';
import {buildTapesDb} from '../../fixtures/tapes-builder.js';
import {TAPES_BAD_ROWS, TAPES_CYCLE, TAPES_DANGLING} from '../../fixtures/tapes-cases.js';
import {tempDir} from '../helpers/workspace.js';

const dist = path.resolve(import.meta.dirname, '..', '..', 'dist');
const built = async <T>(file: string): Promise<T> => (await import(pathToFileURL(path.join(dist, file)).href)) as T;
const {syncTapes} = await built<typeof import('../../source/sync/tapes-sync.js')>('sync/tapes-sync.js');
const {tapesReaderProgram} = await built<typeof import('../../source/sync/tapes-reader-thread.js')>('sync/tapes-reader-thread.js');
const {openTapesSource} = await built<typeof import('../../source/sources/tapes/reader.js')>('sources/tapes/reader.js');
const {openIndex} = await built<typeof import('../../source/store/open-index.js')>('store/open-index.js');
const {createIndexStore} = await built<typeof import('../../source/store/index-store.js')>('store/index-store.js');
const {defaultPricing} = await built<typeof import('../../source/core/pricing.js')>('core/pricing.js');

const closers: Array<() => void> = [];
afterEach(() => {
	while (closers.length) closers.pop()!();
});

/** What a tapes load writes, as rows (updated_ms, the time of the write, left out). */
const TABLES = [
	`SELECT source_id, id, session_id, parent_id, seq, ts, model, facts, body FROM messages ORDER BY source_id, seq`,
	`SELECT id, label, project, model, status, start_ms, end_ms, message_count, tool_calls, tool_errors, input_tokens, output_tokens,
		cache_read_tokens, cache_write_tokens, total_cost, parent_id, leaf_id FROM sessions ORDER BY id`,
	`SELECT * FROM session_models ORDER BY 1, 2`,
	`SELECT * FROM session_tools ORDER BY 1, 2`,
	`SELECT * FROM usage_buckets ORDER BY 1, 2, 3`,
	`SELECT file, last_rowid, rows FROM cursors ORDER BY file`,
];

/** An index and the tapes file opened, and the deps of a bulk load from one into the other. */
function opening(tapes: string, index: string, readerThread: URL | null) {
	const opened = openIndex(index);
	if (!opened.ok) throw new Error(opened.error);
	closers.push(() => opened.db.close());
	const store = createIndexStore(opened.db);
	const source = openTapesSource(tapes);
	if (!source.ok) throw new Error(source.error);
	closers.push(() => source.source.close());
	return {store, source: source.source, sourceId: store.sources.ensure('tapes', tapes).id, pricing: defaultPricing(), now: () => 0, bulkFrom: 1, readerThread};
}

async function load(tapes: string, index: string, readerThread: URL | null) {
	const deps = opening(tapes, index, readerThread);
	const summary = await syncTapes(deps);
	return {summary, tables: TABLES.map((sql) => deps.store.db.prepare(sql).raw().all())};
}

describe('the tapes reading thread', () => {
	const dir = tempDir();
	const tapes = path.join(dir, 'tapes.sqlite');
	// Odd rows first, then enough generated sessions for several chunks (BULK_CHUNK_ROWS is 2,500).
	buildTapesDb(tapes, [...TAPES_BAD_ROWS, ...TAPES_DANGLING, ...TAPES_CYCLE,
		{id: 'asked', text: 'Which model am I?', model: 'mistral-large-2411'}, {id: 'unnamed', parent: 'asked', role: 'assistant', text: 'The one before me.', model: ''}]);
	generateTapes(tapes, {sessions: 120, nodesPerSession: 50, startMs: Date.UTC(2026, 0, 1)});
	const program = tapesReaderProgram();

	it('is built', () => {
		expect(program).not.toBeNull();
	});

	it('writes the same index as a load read on the sync\'s thread', async () => {
		const here = await load(tapes, path.join(dir, 'here.sqlite'), null);
		const there = await load(tapes, path.join(dir, 'thread.sqlite'), program);
		expect(there.summary.newMessages).toBe(here.summary.newMessages);
		expect(here.summary.newMessages).toBeGreaterThan(6000);
		expect(there.summary.warnings).toEqual(here.summary.warnings);
		expect(here.summary.warnings.length).toBeGreaterThan(0);
		there.tables.forEach((rows, i) => expect(rows, TABLES[i]).toEqual(here.tables[i]));
		// The node without a model carries its parent's, as it does when read here.
		const models = here.tables[0]!.map((r) => (r as unknown[])[6]);
		expect(models.filter((m) => m === 'mistral-large-2411').length).toBe(2);
	});

	it('fails the load with the file\'s name when the thread cannot open it', async () => {
		const gone = path.join(dir, 'gone.sqlite');
		fs.copyFileSync(tapes, gone);
		const deps = opening(gone, path.join(dir, 'gone-index.sqlite'), program);
		// Open here, gone by the time the thread opens it.
		fs.rmSync(gone);
		await expect(syncTapes(deps)).rejects.toThrow(gone);
	});
});
