// Random rows of every kind thrown at the tapes reader and the sync: no exception may escape, every
// placeable row is indexed once, and the source is left byte-identical.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {createTapesSchema} from '../../source/sources/tapes/schema.js';
import {DEFAULT_FILTERS} from '../../source/core/types.js';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import {open, tempDir} from '../helpers/workspace.js';

const cell = fc.oneof(
	fc.constant(null), fc.string({maxLength: 40}), fc.integer(), fc.double(), fc.bigInt({min: -(2n ** 62n), max: 2n ** 62n}),
	fc.uint8Array({maxLength: 16}).map((a) => Buffer.from(a)),
);
const block = fc.oneof(
	fc.record({type: fc.constantFrom('text', 'tool_use', 'tool_result', 'image', 'thinking', ''), text: fc.option(fc.string(), {nil: undefined}),
		tool_name: fc.option(fc.oneof(fc.string(), fc.integer()), {nil: undefined}), tool_input: fc.option(fc.jsonValue(), {nil: undefined}),
		is_error: fc.option(fc.oneof(fc.boolean(), fc.string()), {nil: undefined}), tool_output: fc.option(fc.oneof(fc.string(), fc.jsonValue()), {nil: undefined})},
	{requiredKeys: []}),
	fc.jsonValue(),
);
const content = fc.oneof(
	fc.array(block, {maxLength: 4}).map((b) => JSON.stringify(b)),
	fc.string({maxLength: 60}),
	fc.jsonValue().map((v) => JSON.stringify(v)),
	cell,
);
const createdAt = fc.oneof(
	fc.date({min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true}).map((d) => d.toISOString().replace('T', ' ').replace('Z', '+00:00')),
	fc.constantFrom('2026-02-19', '2026-02-19 06:01', 'yesterday', ''),
	cell,
);
const row = fc.record({
	hash: fc.oneof(fc.string({unit: fc.constantFrom(...'0123456789abcdef'), minLength: 1, maxLength: 64}), cell),
	parent: fc.oneof(fc.constant(null), fc.nat(30), cell),
	role: fc.oneof(fc.constantFrom('user', 'assistant', 'tool', 'system'), cell),
	content, createdAt,
	model: fc.oneof(fc.constantFrom('gpt-4o', 'claude-sonnet-4-5-20250929', '', 'no-such-model'), cell),
	promptTokens: cell, completionTokens: cell, stop: cell,
});

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('tapes sync under random rows', () => {
	it('never throws, never writes the source, and a second sync adds nothing', async () => {
		let cases = 0;
		await fc.assert(fc.asyncProperty(fc.array(row, {minLength: 1, maxLength: 25}), async (rows) => {
			cases++;
			const dir = tempDir('tapedeck-fuzz-');
			const file = path.join(dir, 'tapes.sqlite');
			const db = new Database(file);
			db.pragma('foreign_keys = OFF');
			createTapesSchema(db);
			const insert = db.prepare(`INSERT OR IGNORE INTO nodes (hash, parent_hash, role, content, model, provider, stop_reason,
				prompt_tokens, completion_tokens, created_at) VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?)`);
			const hashes: unknown[] = [];
			for (const r of rows) {
				const parent = typeof r.parent === 'number' ? (hashes[r.parent % Math.max(1, hashes.length)] ?? null) : r.parent;
				insert.run(r.hash, parent, r.role, r.content, r.model, r.stop, r.promptTokens, r.completionTokens, r.createdAt);
				hashes.push(r.hash);
			}
			db.close();
			const before = sha(file);
			const ws = open({sqlite: file, index: path.join(dir, 'index.sqlite')});
			try {
				const first = await syncWorkspace(ws);
				expect(first.errors).toEqual([]);
				const second = await syncWorkspace(ws);
				expect(second.summaries[0]!.newMessages).toBe(0);
				expect(ws.queries.count(DEFAULT_FILTERS)).toBeGreaterThanOrEqual(0);
			} finally {
				ws.close();
			}
			expect(sha(file)).toBe(before);
		}), {numRuns: 60});
		expect(cases).toBe(60);
	}, 120_000);
});
