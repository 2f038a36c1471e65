// `tapedeck sources` says per source whether its messages are in the search index and how many still wait
// for it; that and every other read of the index's search state works on a read-only connection.
import Database from 'better-sqlite3';
import {afterEach, describe, expect, it} from 'vitest';
import {DEFAULT_FILTERS} from '../../source/core/types.js';
import {sourceRows, sourcesReport} from '../../source/report/sources-report.js';
import {createIndexStore} from '../../source/store/index-store.js';
import {createSearchResults, searchIndexNotice, searchIndexStatus} from '../../source/workspace/search-results.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';
import {TAPES_BASIC} from '../../fixtures/tapes-cases.js';
import {syncFixture} from '../helpers/workspace.js';

const closing: Array<{close(): void}> = [];
afterEach(() => {
	while (closing.length) closing.pop()!.close();
});

async function synced() {
	const f = await syncFixture(TAPES_BASIC);
	closing.push(f.ws);
	return f;
}

/** The same workspace over a read-only connection: any write on a read path throws. */
function readOnly(ws: Workspace, index: string): Workspace {
	const db = new Database(index, {readonly: true, fileMustExist: true});
	closing.push(db);
	return {...ws, store: createIndexStore(db)};
}

const json = (ws: Workspace) => JSON.parse(sourcesReport(ws, 'json', 'UTC')) as {sources: Array<{search_index: string; search_index_waiting: number; messages: number}>};

describe('sources and the search index', () => {
	it('shows search_index on with nothing waiting after a sync, and off for a source left out', async () => {
		const {ws, sqlite} = await synced();
		expect(json(ws).sources).toEqual([expect.objectContaining({search_index: 'on', search_index_waiting: 0})]);
		expect(sourcesReport(ws, 'table', 'UTC')).toMatch(/last sync\s+search\n.*\n.*\son\n/);
		ws.store.search.setOn(ws.sources[0]!.id, false);
		expect(json(ws).sources).toEqual([expect.objectContaining({search_index: 'off', search_index_waiting: 0})]);
		const table = sourcesReport(ws, 'table', 'UTC');
		expect(table).toMatch(/\soff\n/);
		expect(table).toContain(`note: ${sqlite} is not in the search index (--no-search-index)`);
	});

	it('counts the messages the fill has not reached, on a read-only connection', async () => {
		const {ws, index} = await synced();
		ws.store.db.prepare('DELETE FROM message_search').run();
		ws.store.db.prepare('UPDATE search_sources SET done_to = 0').run();
		const ro = readOnly(ws, index);
		const [row] = json(ro).sources;
		expect(row!.search_index_waiting).toBe(row!.messages);
		expect(row!.messages).toBeGreaterThan(0);
		expect(sourcesReport(ro, 'table', 'UTC')).toContain(`filling, ${row!.messages} left`);
		expect(searchIndexNotice(searchIndexStatus(ro))).toBe(`search still filling: ${row!.messages} messages left`);
	});

	it('every read of the search state is read-only, also for a source the index has no search row for', async () => {
		const {ws, index} = await synced();
		ws.store.db.prepare('DELETE FROM search_sources').run();
		const ro = readOnly(ws, index);
		expect(() => ro.store.search.state(ws.sources[0]!.id)).toThrow(/readonly/);
		expect(sourceRows(ro)).toEqual([expect.objectContaining({searchIndex: true, searchWaiting: 0})]);
		expect(searchIndexStatus(ro)).toEqual({off: [], waiting: 0});
		const page = createSearchResults(ro).search('flaky', DEFAULT_FILTERS, {order: 'rank', limit: 5, width: 80});
		expect(page.ok && page.value.hits.length).toBe(1);
	});
});
