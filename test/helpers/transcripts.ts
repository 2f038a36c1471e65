// Transcript fixtures copied into a temp directory (sources are never written, so tests change copies),
// with each file's mtime set to its last record's time, as the agent that wrote it would have left it.
import fs from 'node:fs';
import path from 'node:path';
import {DEFAULT_FILTERS, type SessionSummary} from '../../source/core/types.js';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';
import {open, tempDir} from './workspace.js';

export const FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'fixtures');

function latestTimestamp(file: string): number | null {
	const stamps = [...fs.readFileSync(file, 'utf8').matchAll(/"timestamp":"([^"]+)"/g)].map((m) => Date.parse(m[1]!)).filter((t) => !Number.isNaN(t));
	return stamps.length ? Math.max(...stamps) : null;
}

/** Copies fixtures/<name> into a fresh temp directory; returns the copy's path. */
export function copyFixture(name: 'claude-code' | 'codex' | 'promptkit', dir = tempDir()): string {
	const dest = path.join(dir, name);
	fs.cpSync(path.join(FIXTURES, name), dest, {recursive: true});
	for (const file of fs.readdirSync(dest, {recursive: true, encoding: 'utf8'}).map((f) => path.join(dest, f))) {
		if (!file.endsWith('.jsonl')) continue;
		const at = latestTimestamp(file);
		if (at !== null) fs.utimesSync(file, at / 1000, at / 1000);
	}
	return dest;
}

export interface TranscriptRun {
	ws: Workspace;
	index: string;
	sessions: () => SessionSummary[];
	byId: (prefix: string) => SessionSummary;
}

/** Opens an index over the given transcript roots and syncs once. */
export async function syncTranscripts(roots: {claude?: string[]; codex?: string[]; promptkit?: string[]}, index = path.join(tempDir(), 'index.sqlite')) {
	const ws = open({index, ...roots});
	const synced = await syncWorkspace(ws);
	const sessions = () => ws.queries.list({...DEFAULT_FILTERS, sort: 'date', sortDir: 'asc'});
	const byId = (prefix: string) => {
		const s = sessions().find((x) => x.id.startsWith(prefix));
		if (!s) throw new Error(`no session ${prefix}`);
		return s;
	};
	return {ws, index, synced, sessions, byId};
}

/** Every row of the tables a sync writes, for "nothing changed" comparisons. */
export function dumpIndex(ws: Workspace) {
	const all = (sql: string) => ws.store.db.prepare(sql).all();
	return {
		sessions: all('SELECT * FROM sessions ORDER BY id').map((r) => ({...(r as object), updated_ms: 0})),
		messages: all('SELECT source_id, id, session_id, seq, ts, model, facts, body FROM messages ORDER BY source_id, id'),
		models: all('SELECT * FROM session_models ORDER BY session_id, model'),
		meta: all('SELECT * FROM session_meta ORDER BY session_id'),
	};
}
