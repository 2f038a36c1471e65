// The full-text index kept by sync: tapes and transcripts, incremental, never twice, built by the
// migration for an index made before it, and off for a source only when asked.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {afterEach, describe, expect, it} from 'vitest';
import {DEFAULT_FILTERS} from '../../source/core/types.js';
import {MIGRATIONS} from '../../source/store/migrations.js';
import {SEARCH_MIGRATION} from '../../source/store/migrations-search.js';
import {syncWorkspace, type WorkspaceProgress} from '../../source/workspace/sync-workspace.js';
import {createSearchResults} from '../../source/workspace/search-results.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';
import {TAPES_BASIC} from '../../fixtures/tapes-cases.js';
import {formatTapesTimestamp, insertTapesNode, nodeHash, tapesBucket} from '../../source/sources/tapes/schema.js';
import {FIXTURE_BASE_MS} from '../../fixtures/tapes-builder.js';
import {open, syncFixture, tempDir} from '../helpers/workspace.js';
import {copyFixture, syncTranscripts} from '../helpers/transcripts.js';

const opened: Workspace[] = [];
afterEach(() => {
	while (opened.length) opened.pop()!.close();
});
const keep = (ws: Workspace) => (opened.push(ws), ws);

const find = (ws: Workspace, query: string, order: 'rank' | 'time' = 'rank') => {
	const page = createSearchResults(ws).search(query, DEFAULT_FILTERS, {order, limit: 50, width: 80});
	if (!page.ok) throw new Error(page.error);
	return page.value.hits;
};
const indexedRows = (ws: Workspace) => ws.store.db.prepare('SELECT count(*) FROM message_search_docsize').pluck().get() as number;

function appendNode(sqlite: string, parentHash: string, role: string, text: string, atMs: number) {
	const db = new Database(sqlite);
	const fields = {role, content: [{type: 'text', text}], model: 'claude-sonnet-4-5-20250929', provider: 'anthropic', agentName: 'claude'};
	const hash = nodeHash(parentHash, tapesBucket(fields));
	insertTapesNode(db)({...fields, hash, parentHash, project: 'tapes', stopReason: '', promptTokens: null, completionTokens: null, totalTokens: null,
		cacheCreation: null, cacheRead: null, totalDurationNs: null, promptDurationNs: null, createdAt: formatTapesTimestamp(atMs)});
	db.close();
	return hash;
}

describe('search index, tapes', () => {
	it('finds text, tool arguments and tool results; snippets come from the tapes file', async () => {
		const {ws} = await syncFixture(TAPES_BASIC);
		keep(ws);
		expect(ws.store.db.prepare('SELECT count(*) FROM messages WHERE body IS NOT NULL').pluck().get()).toBe(0);
		const [flaky] = find(ws, 'flaky');
		expect(flaky).toMatchObject({role: 'user', sessionLabel: 'Fix the flaky test in pkg/deck.', source: 'tapes'});
		expect(flaky!.snippet.text.slice(...flaky!.snippet.marks[0]!)).toBe('flaky');
		expect(find(ws, 'query_test.go')[0]!.snippet).toMatchObject({column: 'tool'});
		expect(find(ws, '"no such file"')).toHaveLength(1);
		expect(find(ws, 'in:text "no such file"')).toHaveLength(0);
		expect(find(ws, 'tool:read')).toHaveLength(1);
		expect(find(ws, 'role:assistant fixed')).toHaveLength(1);
		expect(find(ws, 'fix*').length).toBe(2);
		expect(find(ws, 'fix* -flaky').map((h) => h.role)).toEqual(['assistant']);
	});

	it('indexes a message added to a session at the next sync, and nothing twice', async () => {
		const {ws, sqlite, hashes} = await syncFixture(TAPES_BASIC);
		keep(ws);
		const before = indexedRows(ws);
		expect(find(ws, 'TestSessionGrouping')).toHaveLength(0);
		appendNode(sqlite, hashes['a2']!, 'user', 'Now the TestSessionGrouping flake', FIXTURE_BASE_MS + 60_000);
		await syncWorkspace(ws);
		await syncWorkspace(ws);
		expect(indexedRows(ws)).toBe(before + 1);
		const [hit] = find(ws, 'SessionGrouping');
		expect(hit!.snippet.text.slice(...hit!.snippet.marks[0]!)).toBe('SessionGrouping');
	});

	it('every query form runs against the real index without an SQL error', async () => {
		const {ws} = await syncFixture(TAPES_BASIC);
		keep(ws);
		for (const q of [`it's; DROP TABLE messages;--`, 'a*b NEAR(x) OR AND', '"{text} : x" ^start', 'ab"', 'bad\ud800half', 'flaky %_\\', '東京 -"x y"',
			'tool:"x\'y" role:"--"', '-model:x flaky', Array.from({length: 1000}, (_, i) => `w${i}`).join(' ')]) {
			expect(() => find(ws, q), q.slice(0, 30)).not.toThrow();
		}
		expect(ws.queries.count({...DEFAULT_FILTERS, search: 'flaky'})).toBe(1);
		expect(ws.queries.count({...DEFAULT_FILTERS, search: '"no such file"'})).toBe(1);
		expect(ws.queries.count({...DEFAULT_FILTERS, search: '"unclosed'})).toBe(0);
	});
});

describe('search index, transcripts', () => {
	it('re-reading a replaced file indexes its messages once', async () => {
		const root = copyFixture('claude-code');
		const {ws} = await syncTranscripts({claude: [root]});
		keep(ws);
		const rows = indexedRows(ws);
		expect(rows).toBeGreaterThan(0);
		expect(find(ws, 'milliseconds').length).toBeGreaterThan(0);
		const file = path.join(root, 'projects', '-Users-me-app', '8f2c1a9e-4b7d-4c1e-9a53-0d6f2e7b9c11.jsonl');
		// A new inode and an earlier mtime: the file is read again from the start.
		const copy = `${file}.tmp`;
		fs.copyFileSync(file, copy);
		fs.renameSync(copy, file);
		await syncWorkspace(ws);
		expect(indexedRows(ws)).toBe(rows);
	});
	it('a file rewritten in place keeps its messages findable, by their new words', async () => {
		const root = copyFixture('claude-code');
		const {ws} = await syncTranscripts({claude: [root]});
		keep(ws);
		const file = path.join(root, 'projects', '-Users-me-app', '8f2c1a9e-4b7d-4c1e-9a53-0d6f2e7b9c11.jsonl');
		const before = find(ws, 'milliseconds').length;
		expect(before).toBeGreaterThan(0);
		// Same inode, same length, other bytes before the cursor: read again, each message overwrites its copy.
		fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replaceAll('milliseconds', 'zeptoseconds'));
		await syncWorkspace(ws);
		expect(find(ws, 'zeptoseconds').length).toBeGreaterThan(0);
		expect(find(ws, 'milliseconds').length).toBeLessThan(before);
	});
});

describe('search index migration and opt-out', () => {
	it('builds the index for an index made before it, with progress, and resumes nothing twice', async () => {
		const dir = tempDir();
		const {ws, index, sqlite} = await syncFixture(TAPES_BASIC, dir);
		const rows = indexedRows(ws);
		// The index as an older tapedeck left it: no search tables, the schema before them (later steps run again, idempotent).
		ws.store.db.exec(`DROP TABLE message_search; DROP TABLE search_sources; PRAGMA user_version = ${MIGRATIONS.indexOf(SEARCH_MIGRATION)};`);
		ws.close();
		const again = keep(open({index, sqlite}));
		expect(again.store.db.pragma('user_version', {simple: true})).toBe(MIGRATIONS.length);
		expect(find(again, 'flaky')).toHaveLength(0);
		const progress: WorkspaceProgress[] = [];
		await syncWorkspace(again, (p) => progress.push(p));
		expect(progress).toContainEqual({source: `${sqlite} (search index)`, read: 4, total: 4, unit: 'messages'});
		expect(indexedRows(again)).toBe(rows);
		expect(find(again, 'flaky')).toHaveLength(1);
		await syncWorkspace(again);
		expect(indexedRows(again)).toBe(rows);
	});

	it('--no-search-index drops a source\'s rows and says so; --search-index builds them again', async () => {
		const dir = tempDir();
		const {ws, index, sqlite} = await syncFixture(TAPES_BASIC, dir);
		ws.close();
		const off = open({index, sqlite, searchIndex: false});
		expect(indexedRows(off)).toBe(0);
		const page = createSearchResults(off).search('flaky', DEFAULT_FILTERS, {order: 'rank', limit: 5, width: 80});
		expect(page.ok && page.value).toMatchObject({hits: [], unindexed: [sqlite]});
		off.close();
		const remembered = keep(open({index, sqlite}));
		await syncWorkspace(remembered);
		expect(indexedRows(remembered)).toBe(0);
		remembered.close();
		opened.pop();
		const on = keep(open({index, sqlite, searchIndex: true}));
		await syncWorkspace(on);
		expect(find(on, 'flaky')).toHaveLength(1);
	});
});
