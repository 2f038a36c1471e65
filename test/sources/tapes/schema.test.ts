import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { parseTapesTimestamp } from '../../../source/core/tapes-time.js';
import { canonicalJson, goJson } from '../../../source/sources/tapes/canonical-json.js';
import {
	createTapesSchema,
	formatTapesTimestamp,
	insertTapesNode,
	nodeHash,
	tapesBucket,
} from '../../../source/sources/tapes/schema.js';

describe('createTapesSchema', () => {
	it('creates migration 001 and records version 1, idempotently', () => {
		const db = new Database(':memory:');
		createTapesSchema(db);
		createTapesSchema(db);
		expect(db.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual([1]);
		expect(db.prepare("SELECT name FROM pragma_table_info('nodes')").pluck().all()).toEqual([
			'hash', 'bucket', 'type', 'role', 'content', 'model', 'provider', 'agent_name', 'stop_reason',
			'prompt_tokens', 'completion_tokens', 'total_tokens', 'cache_creation_input_tokens',
			'cache_read_input_tokens', 'total_duration_ns', 'prompt_duration_ns', 'project', 'created_at', 'parent_hash',
		]);
		const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").pluck().all();
		expect(indexes).toHaveLength(9);
		expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'facets'").pluck().get()).toBe(1);
	});
});

describe('insertTapesNode', () => {
	it('writes bucket and content with sorted keys, empty strings and NULLs as tapes does', () => {
		const db = new Database(':memory:');
		createTapesSchema(db);
		const content = [
			{ type: 'text', text: 'Reviewing the auth implementation now.' },
			{ type: 'tool_use', tool_name: 'Read', tool_input: { path: 'auth/jwt.go' } },
		];
		insertTapesNode(db)({
			hash: 'h1', parentHash: null, role: 'assistant', content, model: 'claude-sonnet-4.5', provider: 'anthropic',
			agentName: '', project: null, stopReason: '', promptTokens: 3000, completionTokens: 1200, totalTokens: 4200,
			cacheCreation: null, cacheRead: null, totalDurationNs: 2e9, promptDurationNs: 5e8,
			createdAt: '2026-02-19 06:00:08.123456789+00:00',
		});
		const row = db.prepare('SELECT * FROM nodes').get() as Record<string, unknown>;
		expect(row.bucket).toBe(
			'{"content":[{"text":"Reviewing the auth implementation now.","type":"text"},{"tool_input":{"path":"auth/jwt.go"},"tool_name":"Read","type":"tool_use"}],"model":"claude-sonnet-4.5","provider":"anthropic","role":"assistant","type":"message"}',
		);
		expect(row.content).toBe(
			'[{"text":"Reviewing the auth implementation now.","type":"text"},{"tool_input":{"path":"auth/jwt.go"},"tool_name":"Read","type":"tool_use"}]',
		);
		expect(row).toMatchObject({ type: 'message', agent_name: null, project: null, stop_reason: '', total_duration_ns: 2e9 });
	});

	it('puts agent_name in the bucket only when set', () => {
		expect(tapesBucket({ role: 'user', content: [], model: '', provider: '', agentName: 'claude' })).toHaveProperty('agent_name', 'claude');
		expect(tapesBucket({ role: 'user', content: [], model: '', provider: '', agentName: null })).not.toHaveProperty('agent_name');
	});
});

describe('nodeHash', () => {
	const bucket = tapesBucket({ role: 'user', content: [{ type: 'text', text: 'hi' }], model: 'gpt-4o', provider: 'openai' });

	it('is sha256 of the JCS form of {content: bucket, parent}', () => {
		const jcs = '{"content":{"content":[{"text":"hi","type":"text"}],"model":"gpt-4o","provider":"openai","role":"user","type":"message"},"parent":""}';
		expect(nodeHash(null, bucket)).toBe(createHash('sha256').update(jcs).digest('hex'));
	});

	it('is stable and depends on the parent', () => {
		// Pinned: a change here changes every demo and fixture node id.
		expect(nodeHash(null, bucket)).toBe('a01558c54a6c031bcdec910715b1fb64b497d8b21bf974679ade348392adfe89');
		expect(nodeHash('', bucket)).toBe(nodeHash(null, bucket));
		expect(nodeHash('abc', bucket)).not.toBe(nodeHash(null, bucket));
	});
});

describe('canonicalJson (RFC 8785)', () => {
	it('sorts keys by UTF-16 code units', () => {
		const input = { '\u20ac': 'Euro', '\r': 'CR', '\ufb33': 'Hebrew', '1': 'One', '\ud83d\ude00': 'Smiley', '\u0080': 'Ctl', '\u00f6': 'o' };
		expect(canonicalJson(input)).toBe(
			'{"\\r":"CR","1":"One","\u0080":"Ctl","ö":"o","€":"Euro","😀":"Smiley","דּ":"Hebrew"}',
		);
	});

	it('formats numbers as ECMAScript does', () => {
		expect(canonicalJson([1e21, 1e-7, 0.000001, -0, 333333333.3333333, 4.5, 2e-3])).toBe('[1e+21,1e-7,0.000001,0,333333333.3333333,4.5,0.002]');
		expect(() => canonicalJson(Number.NaN)).toThrow();
	});

	it('drops undefined members and writes literals bare', () => {
		expect(canonicalJson({ b: undefined, a: [true, null, 'x'] })).toBe('{"a":[true,null,"x"]}');
	});
});

describe('goJson', () => {
	it('escapes HTML characters as Go does', () => {
		expect(goJson({ text: '<a> & \u2028' })).toBe('{"text":"\\u003ca\\u003e \\u0026 \\u2028"}');
	});
});

describe('formatTapesTimestamp', () => {
	const base = Date.UTC(2026, 1, 19, 6, 0, 8);
	it.each([
		[base, '2026-02-19 06:00:08+00:00'],
		[base + 250, '2026-02-19 06:00:08.25+00:00'],
		[base + 123.5, '2026-02-19 06:00:08.1235+00:00'],
		[Date.UTC(2026, 0, 1) - 1, '2025-12-31 23:59:59.999+00:00'],
	])('%d → %s', (ms, text) => {
		expect(formatTapesTimestamp(ms)).toBe(text);
	});

	it('round-trips through the parser to within a microsecond', () => {
		for (const ms of [base + 0.123456, base + 999.999, 1_600_000_000_000.5]) {
			expect(parseTapesTimestamp(formatTapesTimestamp(ms))).toBeCloseTo(ms, 3);
		}
	});
});
