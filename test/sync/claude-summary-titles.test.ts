// Claude Code summary lines whose leaf message is in another file or was read in another sync: a resumed
// session's new transcript opens with the summary of the one before it, a file grows between syncs, and
// the summary's file may be read before its leaf's. An unknown leaf changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';
import {dumpIndex, syncTranscripts} from '../helpers/transcripts.js';
import {tempDir} from '../helpers/workspace.js';

const OLD = '11111111-1111-4111-8111-111111111111';
const NEW = '22222222-2222-4222-8222-222222222222';
const TITLED = '33333333-3333-4333-8333-333333333333';

const opened: Workspace[] = [];
afterEach(() => {
	while (opened.length) opened.pop()!.close();
});

const line = (o: object) => JSON.stringify(o) + '\n';
const summary = (leafUuid: string, text: string) => line({type: 'summary', summary: text, leafUuid});

/** One exchange of a session: a prompt and its answer, the answer's uuid `<prefix>-a` being the session's last. */
function exchange(sessionId: string, prefix: string, prompt: string, at: string): string {
	const common = {sessionId, cwd: '/Users/me/app', isSidechain: false, timestamp: at};
	return line({...common, type: 'user', uuid: `${prefix}-u`, message: {role: 'user', content: prompt}}) +
		line({...common, type: 'assistant', uuid: `${prefix}-a`, parentUuid: `${prefix}-u`, requestId: `req-${prefix}`,
			message: {id: `msg-${prefix}`, model: 'claude-sonnet-4-5-20250929', content: [{type: 'text', text: 'Done.'}], stop_reason: 'end_turn',
				usage: {input_tokens: 10, output_tokens: 5}}});
}

/** A Claude Code projects tree in a temp directory; `write` sets a file's text and its mtime (seconds). */
function tree() {
	const root = path.join(tempDir(), 'projects');
	const project = path.join(root, '-Users-me-app');
	fs.mkdirSync(project, {recursive: true});
	const file = (sessionId: string) => path.join(project, `${sessionId}.jsonl`);
	const write = (sessionId: string, text: string, mtime: number, append = false) => {
		(append ? fs.appendFileSync : fs.writeFileSync)(file(sessionId), text);
		fs.utimesSync(file(sessionId), mtime, mtime);
	};
	return {root, write};
}

async function sync(root: string) {
	const run = await syncTranscripts({claude: [root]});
	opened.push(run.ws);
	return run;
}

const label = (ws: Workspace, id: string) => ws.store.db.prepare('SELECT label FROM sessions WHERE id = ?').pluck().get(id);

describe('Claude Code summary titles across files and syncs', () => {
	it('titles the older session from a summary at the top of a newer file, under an ai title', async () => {
		const t = tree();
		t.write(OLD, exchange(OLD, 'o1', 'Fix the login bug', '2026-05-12T09:00:00Z') + exchange(OLD, 'o2', 'And the test', '2026-05-12T09:01:00Z'), 1000);
		t.write(TITLED, exchange(TITLED, 't1', 'Refactor', '2026-05-12T09:02:00Z') + line({type: 'ai-title', aiTitle: 'Refactor the store', sessionId: TITLED}), 1100);
		t.write(NEW, summary('o2-a', 'Login bug fixed') + summary('t1-a', 'Store refactor') + exchange(NEW, 'n1', 'Carry on', '2026-05-12T10:00:00Z'), 2000);
		const {ws} = await sync(t.root);
		expect(label(ws, OLD)).toBe('Login bug fixed');
		expect(label(ws, NEW)).toBe('Carry on');
		// The summary is kept, but an ai (or custom) title still wins.
		expect(label(ws, TITLED)).toBe('Refactor the store');
		expect(ws.store.db.prepare('SELECT summary_title FROM session_meta WHERE session_id = ?').pluck().get(TITLED)).toBe('Store refactor');
		const before = dumpIndex(ws);
		await syncWorkspace(ws);
		expect(dumpIndex(ws)).toEqual(before);
	});

	it('titles a session whose summary line is appended in a later sync than its leaf', async () => {
		const t = tree();
		t.write(OLD, exchange(OLD, 'o1', 'Fix the login bug', '2026-05-12T09:00:00Z'), 1000);
		const {ws} = await sync(t.root);
		expect(label(ws, OLD)).toBe('Fix the login bug');
		t.write(OLD, summary('o1-a', 'Login bug fixed'), 1001, true);
		await syncWorkspace(ws);
		expect(label(ws, OLD)).toBe('Login bug fixed');
		const before = dumpIndex(ws);
		await syncWorkspace(ws);
		expect(dumpIndex(ws)).toEqual(before);
	});

	it('titles the session when the summary\'s file is read before the leaf\'s, in one sync or a later one', async () => {
		const t = tree();
		// Older mtime: read first.
		t.write(NEW, summary('o1-a', 'Login bug fixed') + exchange(NEW, 'n1', 'Carry on', '2026-05-12T10:00:00Z'), 1000);
		t.write(OLD, exchange(OLD, 'o1', 'Fix the login bug', '2026-05-12T09:00:00Z'), 2000);
		const {ws} = await sync(t.root);
		expect(label(ws, OLD)).toBe('Login bug fixed');
		expect(label(ws, NEW)).toBe('Carry on');

		const later = tree();
		later.write(NEW, summary('o1-a', 'Login bug fixed') + exchange(NEW, 'n1', 'Carry on', '2026-05-12T10:00:00Z'), 1000);
		const run = await sync(later.root);
		later.write(OLD, exchange(OLD, 'o1', 'Fix the login bug', '2026-05-12T09:00:00Z'), 2000);
		await syncWorkspace(run.ws);
		expect(label(run.ws, OLD)).toBe('Login bug fixed');
		const before = dumpIndex(run.ws);
		await syncWorkspace(run.ws);
		expect(dumpIndex(run.ws)).toEqual(before);
	});

	it('changes nothing for a summary whose leaf is never read', async () => {
		const t = tree();
		t.write(OLD, exchange(OLD, 'o1', 'Fix the login bug', '2026-05-12T09:00:00Z'), 1000);
		t.write(NEW, exchange(NEW, 'n1', 'Carry on', '2026-05-12T10:00:00Z'), 2000);
		const {ws} = await sync(t.root);
		const before = dumpIndex(ws);
		t.write(NEW, summary('nowhere', 'Lost'), 3000, true);
		await syncWorkspace(ws);
		expect(dumpIndex(ws)).toEqual(before);
		// It waits harmlessly while other leaves are read.
		t.write(NEW, exchange(NEW, 'n2', 'More', '2026-05-12T11:00:00Z'), 4000, true);
		await syncWorkspace(ws);
		expect(label(ws, OLD)).toBe('Fix the login bug');
		expect(label(ws, NEW)).toBe('Carry on');
	});
});
