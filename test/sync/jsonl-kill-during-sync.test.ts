// kill -9 a real `tapedeck sync` over Claude Code, Codex and PromptKit transcripts at several points: the
// index opens every time, what was committed is whole (no orphan or duplicate message, no session whose
// count disagrees with its rows), and a sync after the last kill gives exactly what a clean sync gives.
import {spawn} from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import {describe, expect, it} from 'vitest';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';
import {syncFileSource} from '../../source/sync/file-sync.js';
import {loadDue} from '../../source/sync/summaries-due.js';
import {claudeAdapter} from '../../source/sources/claude-code/discover.js';
import {codexAdapter} from '../../source/sources/codex/discover.js';
import {promptkitAdapter} from '../../source/sources/promptkit/discover.js';
import {copyFixture, dumpIndex} from '../helpers/transcripts.js';
import {generateVolume, type Volume} from '../helpers/transcript-volume.js';
import {open, tempDir} from '../helpers/workspace.js';
import {CLI} from '../cli/run-cli.js';

const flags = (v: Volume, index: string) => ['--claude', v.claude, '--codex', v.codex, '--promptkit', v.promptkit, '--index', index];
const roots = (v: Volume, index: string) => ({index, claude: [v.claude], codex: [v.codex], promptkit: [v.promptkit]});

/** Files with a committed cursor in an index, read by another connection while a sync writes it. */
function committedFiles(index: string): number {
	try {
		const db = new Database(index, {readonly: true, fileMustExist: true});
		try {
			return db.prepare('SELECT count(*) FROM cursors').pluck().get() as number;
		} finally {
			db.close();
		}
	} catch {
		return 0; // not created yet
	}
}

/**
 * Runs `tapedeck sync`; with `killAt`, sends SIGKILL once that many files are committed (0: at once), so
 * the kill lands inside the sync however fast the machine is. Resolves the signal and the time it ran.
 */
function sync(v: Volume, index: string, killAt?: number): Promise<{signal: string | null; code: number | null; ms: number}> {
	return new Promise((resolve) => {
		const started = Date.now();
		const child = spawn(process.execPath, [CLI, 'sync', ...flags(v, index)], {stdio: 'ignore', env: {PATH: process.env['PATH'] ?? '', TZ: 'UTC'}});
		const poll = killAt === undefined ? undefined : setInterval(() => {
			if (committedFiles(index) >= killAt) child.kill('SIGKILL');
		}, 10);
		child.on('exit', (code, signal) => {
			clearInterval(poll);
			resolve({signal, code, ms: Date.now() - started});
		});
	});
}

/** Sessions with messages but no summary, or a summary whose count disagrees with their messages. */
const UNSUMMARIZED = `SELECT DISTINCT m.session_id FROM messages m LEFT JOIN sessions s ON s.id = m.session_id
	WHERE s.id IS NULL OR s.message_count != (SELECT count(*) FROM messages x WHERE x.session_id = s.id) ORDER BY 1`;

/** What is wrong with an index left by a killed sync: each entry names the broken rule. */
function inconsistencies(ws: Workspace): string[] {
	const one = (sql: string) => ws.store.db.prepare(sql).pluck().get() as number;
	const found: string[] = [];
	const orphans = one('SELECT count(*) FROM messages m WHERE NOT EXISTS (SELECT 1 FROM sessions s WHERE s.id = m.session_id)');
	if (orphans) found.push(`${orphans} messages without their session`);
	const duplicates = one('SELECT count(*) - count(DISTINCT id) FROM messages');
	if (duplicates) found.push(`${duplicates} duplicate message IDs`);
	const miscounted = one('SELECT count(*) FROM sessions s WHERE s.message_count != (SELECT count(*) FROM messages m WHERE m.session_id = s.id)');
	if (miscounted) found.push(`${miscounted} sessions whose message_count disagrees with their messages`);
	return found;
}

const ADAPTERS = {'claude-code': claudeAdapter, codex: codexAdapter, promptkit: promptkitAdapter} as const;

/** Syncs every source a few lines per transaction, dying (an exception) right after the `crashAt`-th commit. */
async function syncUntilCrash(ws: Workspace, crashAt: number): Promise<boolean> {
	let commits = 0;
	try {
		for (const s of ws.sources) {
			const adapter = ADAPTERS[s.kind as keyof typeof ADAPTERS];
			await syncFileSource({store: ws.store, sourceId: s.id, root: s.path, adapter, pricing: ws.pricing, now: () => 0, batchLines: 3}, () => {
				if (++commits === crashAt) throw new Error('crash');
			});
		}
		return false;
	} catch {
		return true;
	}
}

describe('crash safety of the transcript sync', () => {
	it('survives kill -9 at several points and converges on the clean result', async () => {
		const dir = tempDir();
		const volume = generateVolume(dir, 0.6);
		const clean = await sync(volume, path.join(dir, 'clean.sqlite'));
		expect(clean.code).toBe(0);
		const cleanWs = open(roots(volume, path.join(dir, 'clean.sqlite')));
		const expected = dumpIndex(cleanWs);
		const files = committedFiles(path.join(dir, 'clean.sqlite'));
		expect(inconsistencies(cleanWs)).toEqual([]);
		cleanWs.close();
		expect(expected.sessions.length).toBeGreaterThan(500);
		// No lower bound on the clean sync's time: the kills are keyed to committed files, not to the clock,
		// and `killed` below checks that they landed mid-sync (a fast machine failed a 1 s minimum here).

		const index = path.join(dir, 'index.sqlite');
		const found: string[] = [];
		let trials = 0;
		let killed = 0;
		// Kill points spread over the files (the first at once, in start-up), each in a sync resuming the last.
		for (const at of [0, 0.15, 0.3, 0.45, 0.6, 0.75, 0.9]) {
			trials++;
			const run = await sync(volume, index, Math.round(files * at));
			if (run.signal === 'SIGKILL') killed++;
			const ws = open(roots(volume, index));
			found.push(...inconsistencies(ws).map((p) => `after a kill at ${Math.round(at * 100)}% of the files: ${p}`));
			ws.close();
		}
		const resumed = open(roots(volume, index));
		const r = await syncWorkspace(resumed);
		expect(r.errors).toEqual([]);
		const dump = dumpIndex(resumed);
		resumed.close();
		console.info(`kill -9 during transcript sync: ${trials} trials, ${killed} landed mid-sync, ${found.length} inconsistencies; clean sync ${clean.ms} ms`);
		expect(found).toEqual([]);
		expect(killed).toBeGreaterThan(4);
		expect(dump.sessions).toEqual(expected.sessions);
		expect(dump).toEqual(expected);
	}, 120_000);

	it('after dying between any two batches, leaves only sessions it saved as due, and the next sync finishes them', async () => {
		const dir = tempDir();
		const roots = {claude: [copyFixture('claude-code', dir)], codex: [copyFixture('codex', dir)], promptkit: [copyFixture('promptkit', dir)]};
		const clean = open({index: path.join(dir, 'clean.sqlite'), ...roots});
		await syncWorkspace(clean);
		const expected = dumpIndex(clean);
		clean.close();
		let crashes = 0;
		for (let crashAt = 1; ; crashAt++) {
			const ws = open({index: path.join(dir, `crash-${crashAt}.sqlite`), ...roots});
			if (!(await syncUntilCrash(ws, crashAt))) {
				ws.close();
				break;
			}
			crashes++;
			const due = ws.sources.flatMap((s) => loadDue(ws.store, s.id));
			expect(ws.store.db.prepare(UNSUMMARIZED).pluck().all().filter((id) => !due.includes(id as string))).toEqual([]);
			await syncWorkspace(ws);
			expect(dumpIndex(ws)).toEqual(expected);
			expect(ws.sources.flatMap((s) => loadDue(ws.store, s.id))).toEqual([]);
			ws.close();
		}
		expect(crashes).toBeGreaterThan(10);
	}, 30_000); // one import per crash point, a few dozen: over 5 s on a loaded machine
});
