// The three transcript readers and the file sync over fuzzed fixture trees (helpers/jsonl-fuzz-tree.ts):
// no exception escapes, every bad line is one problem naming its file and line, the fixture's sessions
// and every anchor line still come through, a second sync changes nothing, and no source byte is written.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {DEFAULT_FILTERS, type Warning} from '../../source/core/types.js';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';
import {copyFixture, dumpIndex} from '../helpers/transcripts.js';
import {open, tempDir} from '../helpers/workspace.js';
import type {Format} from '../helpers/jsonl-fuzz-lines.js';
import {ADAPTERS, buildCase, fuzzCase, type BuiltCase} from '../helpers/jsonl-fuzz-tree.js';

/**
 * Fuzzed trees per format, each synced twice: 3 × 100 = 300 generated cases in all, each with up to 4 generated
 * lines spliced into every fixture file and up to 13 (and two anchors) in each of up to two new files.
 * FUZZ_RUNS=1000 runs a longer hunt.
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 100);

const FLAG: Record<Format, 'claude' | 'codex' | 'promptkit'> = {'claude-code': 'claude', codex: 'codex', promptkit: 'promptkit'};

const openRoot = (format: Format, root: string, dir = tempDir()) => open({index: path.join(dir, 'index.sqlite'), [FLAG[format]]: [root]});
const sessionsOf = (ws: Workspace) => ws.queries.list({...DEFAULT_FILTERS, sort: 'date', sortDir: 'asc'});

/** The file a warning names and every line number it lists (`where` has the first, the message the rest). */
function placeOf(w: Warning): {file: string; lines: number[]} {
	const at = /^(.*):(\d+)$/.exec(w.where);
	const more = /\(lines ([\d, ]+)(?: and \d+ more)?\)$/.exec(w.message)?.[1]?.split(', ').map(Number) ?? [];
	return at ? {file: at[1]!, lines: [Number(at[2]), ...more]} : {file: w.where, lines: []};
}

function hashTree(root: string): Map<string, string> {
	const files = fs.readdirSync(root, {recursive: true, encoding: 'utf8'}).map((f) => path.join(root, f)).filter((f) => fs.statSync(f).isFile());
	return new Map(files.map((f) => [f, crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex')]));
}

/** What the clean fixture gives: its sessions, and the lines it already reports per file (relative). */
async function baseline(format: Format) {
	const root = copyFixture(format);
	const ws = openRoot(format, root);
	try {
		const synced = await syncWorkspace(ws);
		const bad = new Map<string, Set<number>>();
		for (const w of synced.summaries.flatMap((s) => s.warnings)) {
			const {file, lines} = placeOf(w);
			const rel = path.relative(root, file);
			bad.set(rel, new Set([...(bad.get(rel) ?? []), ...lines]));
		}
		return {bad, sessions: sessionsOf(ws)};
	} finally {
		ws.close();
	}
}

/** Every warning names a written file and only lines that may be reported; each file reports each bad line once. */
function checkWarnings(ws: Workspace, built: BuiltCase, warnings: Warning[]): void {
	const read = new Set(ws.sources.flatMap((s) => ADAPTERS[s.kind as Format].list(s.path)).map((e) => e.path));
	const reported = new Map<string, number>();
	for (const w of warnings) {
		const {file, lines} = placeOf(w);
		expect(file.startsWith(built.root + path.sep), w.where).toBe(true);
		expect(read.has(file), w.where).toBe(true);
		const roles = built.files.get(file)!;
		if (file.endsWith('.json')) expect(lines, w.where).toEqual([]);
		else expect(lines.length, w.where).toBeGreaterThan(0);
		for (const line of lines) expect([w.where, line, roles.get(line)]).toEqual([w.where, line, expect.stringMatching(/^(one|any|bad)$/)]);
		expect(w.message.length).toBeGreaterThan(0);
		reported.set(file, (reported.get(file) ?? 0) + w.count);
	}
	for (const [file, roles] of built.files) {
		if (!read.has(file) || file.endsWith('.json')) continue;
		const of = (role: string) => [...roles.values()].filter((r) => r === role).length;
		const must = of('one') + of('bad');
		expect(reported.get(file) ?? 0, file).toBeGreaterThanOrEqual(must);
		expect(reported.get(file) ?? 0, file).toBeLessThanOrEqual(must + of('any'));
	}
}

/** Token counts, costs and times stay finite numbers, whatever numbers the lines held. */
function checkNumbers(ws: Workspace): void {
	for (const s of sessionsOf(ws)) {
		for (const [k, v] of Object.entries(s)) if (typeof v === 'number') expect([s.id, k, Number.isFinite(v)]).toEqual([s.id, k, true]);
		for (const k of ['inputTokens', 'outputTokens', 'totalTokens', 'messageCount', 'durationMs'] as const) expect(s[k]).toBeGreaterThanOrEqual(0);
		for (const f of ws.store.messages.factsForSession(s.id)!) {
			for (const [k, v] of Object.entries(f.usage)) if (v !== null || k !== 'total') expect([f.id, k, Number.isFinite(v) && v >= 0]).toEqual([f.id, k, true]);
			expect(Number.isFinite(f.timestamp)).toBe(true);
		}
	}
}

describe.each<Format>(['claude-code', 'codex', 'promptkit'])('%s transcripts under fuzzed lines', (format) => {
	it(`never throws, reports each bad line once with its file and line, imports the rest, writes nothing (${RUNS} cases)`, async () => {
		const base = await baseline(format);
		let cases = 0;
		await fc.assert(fc.asyncProperty(fuzzCase(format), async (c) => {
			cases++;
			const built = buildCase(format, c, base.bad);
			const before = hashTree(built.root);
			const indexDir = tempDir();
			const ws = openRoot(format, built.root, indexDir);
			try {
				const first = await syncWorkspace(ws);
				expect(first.errors).toEqual([]);
				checkWarnings(ws, built, first.summaries.flatMap((s) => s.warnings));
				const sessions = sessionsOf(ws);
				for (const s of base.sessions) expect(sessions.find((x) => x.id === s.id)).toEqual(s);
				const withText = ws.store.db.prepare('SELECT count(*) FROM messages WHERE instr(body, ?) > 0').pluck();
				for (const token of built.tokens) expect([token, withText.get(token)]).toEqual([token, 1]);
				checkNumbers(ws);
				const dump = dumpIndex(ws);
				const stored = ws.store.sources.list().map((s) => s.warnings);
				const second = await syncWorkspace(ws);
				expect(second.errors).toEqual([]);
				expect(second.summaries.map((s) => s.newMessages)).toEqual([0]);
				expect(dumpIndex(ws)).toEqual(dump);
				expect(ws.store.sources.list().map((s) => s.warnings)).toEqual(stored);
			} finally {
				ws.close();
			}
			expect(hashTree(built.root)).toEqual(before);
			for (const dir of [path.dirname(built.root), indexDir]) fs.rmSync(dir, {recursive: true, force: true});
		}), {numRuns: RUNS});
		expect(cases).toBe(RUNS);
	}, 120_000);
});
