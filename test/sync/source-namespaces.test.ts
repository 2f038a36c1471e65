// Two sources of different kinds with one session ID (a Claude Code sessionId equal to a Codex rollout's
// id): two sessions, not one merged. The source read first keeps the plain ID; the other's is namespaced
// with its kind, in this sync and the next.
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import {syncTranscripts} from '../helpers/transcripts.js';
import {tempDir} from '../helpers/workspace.js';

const ID = '019dec85-b760-71f2-bca7-b1c463f0d36e';

describe('session IDs across sources', () => {
	it('the same ID in a Claude Code and a Codex source gives two sessions', async () => {
		const claude = tempDir();
		fs.mkdirSync(path.join(claude, '-Users-me-app'));
		fs.writeFileSync(path.join(claude, '-Users-me-app', `${ID}.jsonl`), JSON.stringify({type: 'user', sessionId: ID, uuid: 'u1', parentUuid: null,
			timestamp: '2026-02-01T09:00:00Z', cwd: '/Users/me/app', message: {role: 'user', content: 'from claude'}}) + '\n');
		const codex = tempDir();
		const day = path.join(codex, 'sessions', '2026', '06', '18');
		fs.mkdirSync(day, {recursive: true});
		const file = path.join(day, `rollout-2026-06-18T01-00-00-${ID}.jsonl`);
		const rows = [
			{timestamp: '2026-06-18T01:00:00.000Z', type: 'session_meta', payload: {id: ID, timestamp: '2026-06-18T01:00:00.000Z', cwd: '/Users/me/api'}},
			{timestamp: '2026-06-18T01:00:02.000Z', type: 'response_item', payload: {type: 'message', role: 'user', content: [{type: 'input_text', text: 'from codex'}]}},
		];
		fs.writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
		const run = await syncTranscripts({claude: [claude], codex: [codex]});
		const ids = () => run.sessions().map((s) => [s.id, s.label]).sort();
		expect(ids()).toEqual([[ID, 'from claude'], [`${ID}@codex`, 'from codex']]);
		fs.appendFileSync(file, JSON.stringify({timestamp: '2026-06-18T01:00:05.000Z', type: 'response_item', payload: {type: 'message', role: 'user',
			content: [{type: 'input_text', text: 'more'}]}}) + '\n');
		await syncWorkspace(run.ws);
		expect(ids()).toEqual([[ID, 'from claude'], [`${ID}@codex`, 'from codex']]);
		expect(run.sessions().find((s) => s.id === `${ID}@codex`)!.messageCount).toBe(2);
	});
});

describe('tapes session IDs across sources', () => {
	it('a tapes session whose ID a transcript session already holds is namespaced, not merged', async () => {
		const {buildTapesDb} = await import('../../fixtures/tapes-builder.js');
		const {open} = await import('../helpers/workspace.js');
		const dir = tempDir();
		const sqlite = path.join(dir, 'tapes.sqlite');
		const hashes = buildTapesDb(sqlite, [{id: 'u1', text: 'from tapes'}, {id: 'a1', parent: 'u1', role: 'assistant', text: 'ok'}]);
		const sid = hashes['u1']!.slice(0, 16);
		const claude = path.join(dir, 'claude');
		fs.mkdirSync(path.join(claude, '-Users-me-app'), {recursive: true});
		fs.writeFileSync(path.join(claude, '-Users-me-app', `${sid}.jsonl`), JSON.stringify({type: 'user', sessionId: sid, uuid: 'u1', parentUuid: null,
			timestamp: '2026-02-01T09:00:00Z', cwd: '/Users/me/app', message: {role: 'user', content: 'from claude'}}) + '\n');
		const index = path.join(dir, 'index.sqlite');
		const first = open({claude: [claude], index});
		await syncWorkspace(first);
		first.close();
		const both = open({sqlite, claude: [claude], index});
		await syncWorkspace(both);
		const sessions = both.queries.list({fromMs: null, toMs: null, model: '', status: '', project: '', agent: '', source: '', search: '', sort: 'date', sortDir: 'asc'});
		expect(sessions.map((s) => [s.id, s.label, s.messageCount]).sort()).toEqual([[sid, 'from claude', 1], [`${sid}@tapes`, 'from tapes', 2]]);
		both.close();
	});
});
