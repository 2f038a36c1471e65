// Real tapes databases and real indexes in a temp directory, opened the way the CLI opens them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {openWorkspaceWith, type Workspace, type WorkspaceOptions} from '../../source/workspace/open-workspace.js';
import {seedDemo} from '../../source/sources/demo/seed.js';
import {repriceIfChanged} from '../../source/sync/reprice.js';
import {syncWorkspace, type WorkspaceSync} from '../../source/workspace/sync-workspace.js';
import {buildTapesDb, type FixtureNode} from '../../fixtures/tapes-builder.js';
import {afterAll} from 'vitest';

/**
 * The directories tempDir made for this test file, removed when the file's tests are done: a full run made
 * thousands, a few of them hundreds of MB, and left them all in the system's temp directory. Best effort: a
 * program a test started may still be closing a file in one.
 */
const made: string[] = [];
afterAll(() => {
	for (const dir of made.splice(0)) {
		try {
			fs.rmSync(dir, {recursive: true, force: true, maxRetries: 10, retryDelay: 50});
		} catch {
			// Left for the system to clear.
		}
	}
});

export function tempDir(prefix = 'tapedeck-test-'): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	made.push(dir);
	return dir;
}

/** Opens as the CLI does (openWorkspace), synchronously: the seeder and the repricer are at hand from the start. */
export function open(opts: Partial<WorkspaceOptions> & {index: string}): Workspace {
	const opened = openWorkspaceWith({demo: false, overwrite: false, env: {}, home: tempDir(), cwd: tempDir(), now: Date.now, ...opts}, {seedDemo, reprice: repriceIfChanged});
	if (!opened.ok) throw new Error(opened.error);
	return opened.value.workspace;
}

export async function openAndSync(opts: Partial<WorkspaceOptions> & {index: string}): Promise<{ws: Workspace; synced: WorkspaceSync}> {
	const ws = open(opts);
	return {ws, synced: await syncWorkspace(ws)};
}

/** Builds a tapes DB from fixture nodes, syncs it into a fresh index and returns both. */
export async function syncFixture(nodes: FixtureNode[], dir = tempDir()) {
	const sqlite = path.join(dir, 'tapes.sqlite');
	const hashes = buildTapesDb(sqlite, nodes);
	const index = path.join(dir, 'index.sqlite');
	const {ws, synced} = await openAndSync({sqlite, index});
	return {ws, synced, sqlite, index, hashes, dir};
}
