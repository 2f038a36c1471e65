// The parsing thread: a sync that parses its transcript files on a thread of their own writes the same index as
// one that parses them on the sync's thread (messages, sessions, notes, stored rows, cursors, file states and
// problems), for files with bad lines, a long file handed over in parts, and subagent IDs scoped by what an
// earlier sync recorded; a thread that cannot start fails the sync with its message instead of hanging it.
// The thread runs only from the build (`pretest` builds dist/), so this imports the built modules.
import fs from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {generateClaudeTree} from '../../source/bench/sources-generate.js';
import {tempDir} from '../helpers/workspace.js';

const dist = path.resolve(import.meta.dirname, '..', '..', 'dist');
const built = async <T>(file: string): Promise<T> => (await import(pathToFileURL(path.join(dist, file)).href)) as T;
const {syncFileSource} = await built<typeof import('../../source/sync/file-sync.js')>('sync/file-sync.js');
const {threadPieces, parseThreadProgram} = await built<typeof import('../../source/sync/file-parse-thread.js')>('sync/file-parse-thread.js');
const {claudeAdapter} = await built<typeof import('../../source/sources/claude-code/discover.js')>('sources/claude-code/discover.js');
const {openIndex} = await built<typeof import('../../source/store/open-index.js')>('store/open-index.js');
const {createIndexStore} = await built<typeof import('../../source/store/index-store.js')>('store/index-store.js');
const {defaultPricing} = await built<typeof import('../../source/core/pricing.js')>('core/pricing.js');

const NOW = Date.UTC(2026, 5, 1);
const closers: Array<() => void> = [];
afterEach(() => {
	while (closers.length) closers.pop()!();
});

/** The tables a transcript sync writes, as rows (updated_ms, the time of the write, left out). */
const TABLES = [
	`SELECT source_id, id, session_id, parent_id, seq, ts, model, facts, body FROM messages ORDER BY source_id, id`,
	`SELECT id, label, project, model, status, start_ms, end_ms, message_count, tool_calls, tool_errors, input_tokens, output_tokens,
		cache_read_tokens, cache_write_tokens, total_cost, parent_id, sub_session_count, leaf_id FROM sessions ORDER BY id`,
	`SELECT * FROM session_meta ORDER BY session_id`,
	`SELECT session_id, model, input, output, cache_read, cost FROM session_models ORDER BY 1, 2`,
	`SELECT file, size, offset, rows FROM cursors ORDER BY file`,
	`SELECT * FROM file_state ORDER BY 1, 2`,
];

function openStore(index: string) {
	const opened = openIndex(index);
	if (!opened.ok) throw new Error(opened.error);
	const store = createIndexStore(opened.db);
	closers.push(() => opened.db.close());
	return store;
}

async function sync(index: string, root: string, parseThread: boolean, batchLines?: number) {
	const store = openStore(index);
	const source = store.sources.ensure('claude-code', root);
	const summary = await syncFileSource({store, sourceId: source.id, root, adapter: claudeAdapter, pricing: defaultPricing(), now: () => NOW,
		parseThread, ...(batchLines ? {batchLines} : {})});
	return {summary, tables: TABLES.map((sql) => store.db.prepare(sql).raw().all())};
}

const line = (o: object) => JSON.stringify({cwd: '/Users/me/app', ...o});
function subagentSession(project: string, sid: string, prompt: string, minute: number) {
	const at = (s: number) => new Date(Date.UTC(2026, 1, 1, 9, minute, s)).toISOString();
	fs.writeFileSync(path.join(project, `${sid}.jsonl`), line({sessionId: sid, type: 'user', uuid: `${sid}-u`, parentUuid: null, timestamp: at(0), message: {role: 'user', content: prompt}}) + '\n');
	fs.mkdirSync(path.join(project, sid, 'subagents'), {recursive: true});
	fs.writeFileSync(path.join(project, sid, 'subagents', 'agent-same.jsonl'), line({sessionId: sid, type: 'user', isSidechain: true, agentId: 'same',
		uuid: `${sid}-s1`, parentUuid: null, timestamp: at(1), message: {role: 'user', content: `sub of ${prompt}`}}) + '\n');
}

describe('parsing on a thread of its own', () => {
	it('is there in the build', () => {
		expect(parseThreadProgram()).not.toBeNull();
	});

	it('writes the index the in-process parse writes, long files in parts and bad lines reported alike', async () => {
		const root = path.join(tempDir(), 'projects');
		generateClaudeTree(root, {sessions: 30, subagents: 8, projects: 3, startMs: Date.UTC(2026, 0, 1), turnsPerSession: 40});
		const project = path.join(root, fs.readdirSync(root)[0]!);
		const bad = path.join(project, 'bad-lines.jsonl');
		fs.writeFileSync(bad, ['\ufeff' + line({sessionId: 'bad-lines', type: 'user', uuid: 'b1', timestamp: '2026-01-05T10:00:00Z', message: {role: 'user', content: 'hi'}}),
			'{not json', '['.repeat(600) + ']'.repeat(600), line({sessionId: 'bad-lines', type: 'assistant', uuid: 'b2', timestamp: '2026-01-05T10:00:05Z',
				message: {id: 'msg_b2', role: 'assistant', model: 'claude-sonnet-4-5', content: [{type: 'text', text: 'hello'}], usage: {input_tokens: 10, output_tokens: 5}}})].join('\n') + '\n');
		fs.utimesSync(bad, new Date('2026-01-05T10:00:05Z'), new Date('2026-01-05T10:00:05Z'));
		// 50 lines a batch: every long file is handed over in several pieces, each committed with its cursor.
		const here = await sync(path.join(tempDir(), 'here.sqlite'), root, false, 50);
		const thread = await sync(path.join(tempDir(), 'thread.sqlite'), root, true, 50);
		expect(here.summary.newMessages).toBeGreaterThan(1000);
		expect(thread.summary).toEqual(here.summary);
		expect(thread.summary.warnings.filter((w) => w.where.includes('bad-lines')).map((w) => [path.basename(w.where), w.message])).toEqual([
			['bad-lines.jsonl:2', 'not valid JSON'], ['bad-lines.jsonl:3', 'nested deeper than 500 levels, not read']]);
		thread.tables.forEach((rows, i) => expect(rows, TABLES[i]).toEqual(here.tables[i]));
	});

	it('scopes a subagent ID that an earlier sync recorded under another parent, as the in-process parse does', async () => {
		const runs = [];
		for (const parseThread of [false, true]) {
			const root = tempDir();
			const project = path.join(root, '-Users-me-app');
			fs.mkdirSync(project);
			const index = path.join(tempDir(), 'index.sqlite');
			subagentSession(project, 'aaaaaaaa-1111', 'first', 0);
			await sync(index, root, false);
			closers.pop()!();
			subagentSession(project, 'bbbbbbbb-2222', 'second', 10);
			runs.push(await sync(index, root, parseThread));
		}
		const [here, thread] = runs;
		const subagents = (tables: unknown[][]) => (tables[2] as unknown[][]).filter((r) => r[6] !== null).map((r) => [r[0], r[6]]);
		expect(subagents(thread!.tables)).toEqual([['agent-same', 'aaaaaaaa-1111'], ['agent-same@bbbbbbbb', 'bbbbbbbb-2222']]);
		expect(thread!.tables[2]).toEqual(here!.tables[2]);
	});

	it('a thread that cannot start fails with its message instead of hanging the sync', async () => {
		const program = path.join(tempDir(), 'broken.mjs');
		fs.writeFileSync(program, `throw new Error('cannot load the parsers');\n`);
		const pieces = threadPieces({kind: 'claude-code', indexPath: ':memory:', cutMs: 1000}, [], pathToFileURL(program));
		// Before the thread has said anything the reader hears it is idle; then the failure.
		expect((await pieces.next()).value).toBe('idle');
		await expect(pieces.next()).rejects.toThrow('cannot load the parsers');
	});
});
