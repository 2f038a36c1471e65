// The transcript sync gives the same index however its work is cut into transactions: a flush in the
// middle of a file (a 1 GB transcript is read in many) defers summaries, and streamed copies of one
// response split across flushes are merged in the index instead of in memory.
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {syncFileSource} from '../../source/sync/file-sync.js';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import {claudeAdapter} from '../../source/sources/claude-code/discover.js';
import {codexAdapter} from '../../source/sources/codex/discover.js';
import type {FileSourceAdapter} from '../../source/sources/jsonl/file-source.js';
import {copyFixture, dumpIndex} from '../helpers/transcripts.js';
import {open, tempDir} from '../helpers/workspace.js';

async function importWith(kind: 'claude' | 'codex', root: string, adapter: FileSourceAdapter, batchLines: number) {
	const ws = open({index: path.join(tempDir(), 'index.sqlite'), [kind]: [root]});
	const source = ws.sources[0]!;
	const progress: number[] = [];
	const summary = await syncFileSource({store: ws.store, sourceId: source.id, root: source.path, adapter, pricing: ws.pricing, now: () => 0, batchLines}, (p) => progress.push(p.read));
	const dump = dumpIndex(ws);
	ws.close();
	return {dump, summary, flushes: progress.length};
}

describe('transcript sync in batches', () => {
	for (const [kind, name, adapter] of [['claude', 'claude-code', claudeAdapter], ['codex', 'codex', codexAdapter]] as const) {
		it(`${name}: one line per transaction gives the same index as one transaction`, async () => {
			const root = copyFixture(name);
			const whole = await importWith(kind, root, adapter, 100_000);
			for (const size of [1, 2, 7]) {
				const cut = await importWith(kind, root, adapter, size);
				expect(cut.flushes).toBeGreaterThan(whole.flushes);
				expect(cut.dump).toEqual(whole.dump);
				expect(cut.summary.newMessages).toBe(whole.summary.newMessages);
			}
		});
	}
});

/** Writes the first `keep` lines of each file (all when absent from `cut`), keeping each file's mtime. */
function truncateTo(files: Record<string, number>) {
	const saved = new Map<string, {text: string; mtime: Date}>();
	for (const [file, keep] of Object.entries(files)) {
		const text = fs.readFileSync(file, 'utf8');
		saved.set(file, {text, mtime: fs.statSync(file).mtime});
		fs.writeFileSync(file, text.split('\n').slice(0, keep).join('\n') + '\n');
	}
	return () => {
		for (const [file, {text, mtime}] of saved) {
			fs.writeFileSync(file, text);
			fs.utimesSync(file, mtime, mtime);
		}
	};
}

describe('transcripts read over several syncs', () => {
	it('give the same index as one sync: Claude Code (a resumed session added last), Codex and PromptKit', async () => {
		const dir = tempDir();
		const roots = {claude: [copyFixture('claude-code', dir)], codex: [copyFixture('codex', dir)], promptkit: [copyFixture('promptkit', dir)]};
		const once = open({index: path.join(tempDir(), 'once.sqlite'), ...roots});
		await syncWorkspace(once);
		const expected = dumpIndex(once);
		once.close();

		const project = path.join(roots.claude[0]!, 'projects', '-Users-me-app');
		const resumed = path.join(project, '2d7e5b10-0c3a-4f55-8e21-6a9b3c4d5e6f.jsonl');
		const resumedText = fs.readFileSync(resumed, 'utf8');
		const resumedTime = fs.statSync(resumed).mtime;
		fs.rmSync(resumed);
		const s1 = path.join(project, '8f2c1a9e-4b7d-4c1e-9a53-0d6f2e7b9c11.jsonl');
		const restore = truncateTo({
			[s1]: 4, // the middle of a streamed response
			[path.join(project, '8f2c1a9e-4b7d-4c1e-9a53-0d6f2e7b9c11', 'subagents', 'agent-a1b2c3d4.jsonl')]: 4,
			[path.join(roots.codex[0]!, 'sessions', '2026', '06', '18', 'rollout-2026-06-18T01-00-00-019dec85-b760-71f2-bca7-b1c463f0d36e.jsonl')]: 7, // a call before its token count
			[path.join(roots.promptkit[0]!, 'conv-support-42', 'messages.jsonl')]: 3,
		});
		const ws = open({index: path.join(tempDir(), 'steps.sqlite'), ...roots});
		await syncWorkspace(ws);
		restore();
		await syncWorkspace(ws);
		fs.writeFileSync(resumed, resumedText);
		fs.utimesSync(resumed, resumedTime, resumedTime);
		await syncWorkspace(ws);
		expect(dumpIndex(ws)).toEqual(expected);
		ws.close();
	});
});
