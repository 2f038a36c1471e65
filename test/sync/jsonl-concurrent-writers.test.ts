// Agents keep writing transcripts while tapedeck syncs: new sessions, lines appended to sessions already
// read, last lines left without their newline for a while, state.json rewritten. Once the writing stops and
// one more sync runs, every session is there once, with exactly the messages and tokens that were written.
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import {open, tempDir} from '../helpers/workspace.js';

const WRITER = path.resolve(import.meta.dirname, '..', 'helpers', 'transcript-writer.mjs');

interface Manifest {
	stats: {lines: number; splitLines: number; stateRewrites: number; splitStates: number};
	sessions: Array<{kind: string; id: string; messageIds: string[]; output: number; title?: string}>;
}

interface SessionRow {
	id: string;
	source: string;
	label: string;
	message_count: number;
	output_tokens: number;
}

describe('transcript sync while agents write', () => {
	it('loses and duplicates nothing across repeated syncs of Claude Code, Codex and PromptKit files', async () => {
		const dir = tempDir();
		const roots = {claude: path.join(dir, 'claude', 'projects'), codex: path.join(dir, 'codex', 'sessions'), promptkit: path.join(dir, 'promptkit')};
		for (const root of Object.values(roots)) fs.mkdirSync(root, {recursive: true});
		const manifestFile = path.join(dir, 'manifest.json');
		const writer = spawn(process.execPath, [WRITER, dir, manifestFile, '150', '7'], {stdio: 'inherit'});
		let exited = false;
		const done = new Promise<number | null>((resolve) => writer.on('exit', resolve));
		void done.then(() => (exited = true));

		const ws = open({index: path.join(dir, 'index.sqlite'), claude: [roots.claude], codex: [path.join(dir, 'codex')], promptkit: [roots.promptkit]});
		const db = ws.store.db;
		// A cursor short of its file's size: that sync found a last line still being written and left it.
		const halfLines = db.prepare("SELECT count(*) FROM cursors WHERE offset < size AND file LIKE '%.jsonl'").pluck();
		const halfStates = db.prepare("SELECT count(*) FROM file_state WHERE file LIKE '%state.json' AND problems != '[]'").pluck();
		let syncs = 0;
		let sawHalfLine = 0;
		let sawHalfState = 0;
		while (!exited) {
			const r = await syncWorkspace(ws);
			expect(r.errors).toEqual([]);
			syncs++;
			if ((halfLines.get() as number) > 0) sawHalfLine++;
			if ((halfStates.get() as number) > 0) sawHalfState++;
			await new Promise((resolve) => setTimeout(resolve, 3));
		}
		expect(await done).toBe(0);
		await syncWorkspace(ws);

		const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
		const rows = new Map((db.prepare('SELECT id, source, label, message_count, output_tokens FROM sessions').all() as SessionRow[]).map((r) => [r.id, r]));
		const idsOf = db.prepare('SELECT id FROM messages WHERE session_id = ? ORDER BY id').pluck();
		let written = 0;
		let lost = 0;
		let duplicated = 0;
		for (const s of manifest.sessions) {
			written += s.messageIds.length;
			const stored = idsOf.all(s.id) as string[];
			const expected = new Set(s.messageIds);
			lost += s.messageIds.filter((id) => !stored.includes(id)).length;
			duplicated += stored.filter((id) => !expected.has(id)).length;
			expect({id: s.id, stored: [...stored].sort()}).toEqual({id: s.id, stored: [...s.messageIds].sort()});
			expect(rows.get(s.id)).toMatchObject({source: s.kind, message_count: s.messageIds.length, output_tokens: s.output, ...(s.title ? {label: s.title} : {})});
		}
		const total = db.prepare('SELECT count(*) AS n, count(DISTINCT id) AS ids FROM messages').get();
		console.info(`concurrent transcripts: ${manifest.sessions.length} sessions, ${written} messages written (${manifest.stats.splitLines} lines and ` +
			`${manifest.stats.splitStates} state.json files written in two parts); ${syncs} syncs, ${sawHalfLine} saw a half-written line, ` +
			`${sawHalfState} a half-written state.json; lost ${lost}, duplicated ${duplicated}`);
		expect({lost, duplicated}).toEqual({lost: 0, duplicated: 0});
		expect(total).toEqual({n: written, ids: written});
		expect(rows.size).toBe(manifest.sessions.length);
		for (const kind of ['claude-code', 'codex', 'promptkit']) expect(manifest.sessions.filter((s) => s.kind === kind).length).toBeGreaterThan(3);
		// Nothing the writer left half-written is remembered as a problem once it is whole.
		expect(db.prepare("SELECT file, problems FROM file_state WHERE problems != '[]'").all()).toEqual([]);
		expect(syncs).toBeGreaterThan(10);
		expect(sawHalfLine).toBeGreaterThan(0);
		ws.close();
	}, 60_000);
});
