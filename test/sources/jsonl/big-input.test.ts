// Oversized input through the real sync: a 5 MB message text (with invalid UTF-8 in it) in each format is
// imported and readable in the session detail, cut to what the index keeps; a 100 MB line, above the
// line reader's 64 MB limit, is one warning naming its file and line, and the lines around it still import.
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {BODY_TEXT_CAP} from '../../../source/store/message-body.js';
import {loadSessionDetail} from '../../../source/workspace/session-detail.js';
import {syncWorkspace} from '../../../source/workspace/sync-workspace.js';
import type {Workspace} from '../../../source/workspace/open-workspace.js';
import {open, tempDir} from '../../helpers/workspace.js';

const FIVE_MB = 5 << 20;
/** Invalid UTF-8 (a stray byte, a byte never valid, a lead byte without its continuation), then é. */
const BAD_UTF8 = Buffer.from([0xff, 0xfe, 0xc3, 0xc3, 0xa9]);
const TEXT_HEAD = `START \ufffd\ufffd\ufffdé`;
const TEXT_LENGTH = 'START '.length + 4 + FIVE_MB;

const opened: Workspace[] = [];
const dirs: string[] = [];
afterEach(() => {
	while (opened.length) opened.pop()!.close();
	while (dirs.length) fs.rmSync(dirs.pop()!, {recursive: true, force: true});
});

/** One JSONL line of `record`, whose "@TEXT@" string becomes START, invalid UTF-8 and 5 MB of text. */
function bigLine(record: unknown): Buffer {
	const [before, after] = JSON.stringify(record).split('@TEXT@') as [string, string];
	return Buffer.concat([Buffer.from(`${before}START `), BAD_UTF8, Buffer.alloc(FIVE_MB, 'a'), Buffer.from(`${after}\n`)]);
}

const line = (record: unknown) => Buffer.from(`${JSON.stringify(record)}\n`);

function writeFile(file: string, parts: Buffer[]): void {
	fs.mkdirSync(path.dirname(file), {recursive: true});
	fs.writeFileSync(file, Buffer.concat(parts));
}

interface Format {
	name: string;
	session: string;
	/** Writes before / big / after lines under root; returns the open() option naming the root. */
	write(root: string): Record<string, string[]>;
}

const CLAUDE_SESSION = '6b1f0000-0000-4000-8000-00000000b16a';
const claudeLine = (uuid: string, second: number, type: 'user' | 'assistant', content: unknown) => ({
	type, sessionId: CLAUDE_SESSION, uuid, timestamp: `2026-05-20T10:00:0${second}.000Z`, cwd: '/Users/me/big',
	...(type === 'assistant' ? {requestId: `req_${uuid}`, message: {id: `msg_${uuid}`, model: 'claude-sonnet-4-5-20250929', content,
		stop_reason: 'end_turn', usage: {input_tokens: 10, output_tokens: 20}}} : {message: {role: 'user', content}}),
});

const FORMATS: Format[] = [
	{name: 'Claude Code', session: CLAUDE_SESSION, write: (root) => {
		writeFile(path.join(root, 'projects', '-Users-me-big', `${CLAUDE_SESSION}.jsonl`), [
			line(claudeLine('u1', 1, 'user', 'before')),
			bigLine(claudeLine('a1', 2, 'assistant', [{type: 'text', text: '@TEXT@'}])),
			line(claudeLine('u2', 3, 'user', 'after')),
		]);
		return {claude: [root]};
	}},
	{name: 'Codex', session: '019e0000-0000-7000-8000-00000000b16a', write: (root) => {
		const item = (second: number, role: string, text: string) =>
			({timestamp: `2026-06-20T10:00:0${second}.000Z`, type: 'response_item', payload: {type: 'message', role, content: [{type: 'output_text', text}]}});
		writeFile(path.join(root, 'sessions', '2026', '06', '20', 'rollout-2026-06-20T10-00-00-019e0000-0000-7000-8000-00000000b16a.jsonl'), [
			line({timestamp: '2026-06-20T10:00:00.000Z', type: 'session_meta', payload: {id: '019e0000-0000-7000-8000-00000000b16a', cwd: '/Users/me/big'}}),
			line(item(1, 'user', 'before')), bigLine(item(2, 'assistant', '@TEXT@')), line(item(3, 'user', 'after')),
		]);
		return {codex: [root]};
	}},
	{name: 'PromptKit', session: 'big-1', write: (root) => {
		const message = (second: number, role: string, content: string) => ({role, content, timestamp: `2026-07-20T10:00:0${second}Z`});
		writeFile(path.join(root, 'conv-big-1', 'messages.jsonl'), [line(message(1, 'user', 'before')), bigLine(message(2, 'assistant', '@TEXT@')), line(message(3, 'user', 'after'))]);
		return {promptkit: [root]};
	}},
];

describe('oversized transcript input', () => {
	it.each(FORMATS)('$name: a 5 MB text with invalid UTF-8 imports, cut to the kept length, with replacement characters', async (format) => {
		const dir = tempDir();
		dirs.push(dir);
		const ws = open({index: path.join(dir, 'index.sqlite'), ...format.write(path.join(dir, 'root'))});
		opened.push(ws);
		const synced = await syncWorkspace(ws);
		expect(synced.errors).toEqual([]);
		expect(synced.summaries.flatMap((s) => s.warnings)).toEqual([]);
		const detail = loadSessionDetail(ws, format.session);
		if (!detail.ok) throw new Error(detail.error);
		expect(detail.value.messages.map((m) => m.blockText.slice(0, 20))).toEqual(['before', `${TEXT_HEAD}${'a'.repeat(20 - TEXT_HEAD.length)}`, 'after']);
		const big = detail.value.messages[1]!;
		expect(big.text).toBe(big.blockText);
		expect(big.blockText.startsWith(`${TEXT_HEAD}${'a'.repeat(BODY_TEXT_CAP - TEXT_HEAD.length)}\n`)).toBe(true);
		expect(big.blockText.endsWith(`[${(TEXT_LENGTH - BODY_TEXT_CAP).toLocaleString('en-US')} more characters not kept]`)).toBe(true);
		expect(detail.value.summary.messageCount).toBe(3);
	}, 60_000);

	it('Claude Code: a 100 MB line is one warning with its file and line; the lines around it import', async () => {
		const dir = tempDir();
		dirs.push(dir);
		const file = path.join(dir, 'root', 'projects', '-Users-me-big', `${CLAUDE_SESSION}.jsonl`);
		fs.mkdirSync(path.dirname(file), {recursive: true});
		// Streamed to disk a megabyte at a time: the line never exists as one string or buffer here.
		const fd = fs.openSync(file, 'w');
		const [head, tail] = JSON.stringify(claudeLine('big', 2, 'user', '@TEXT@')).split('@TEXT@') as [string, string];
		fs.writeSync(fd, `${JSON.stringify(claudeLine('u1', 1, 'user', 'before'))}\n${head}`);
		const chunk = Buffer.alloc(1 << 20, 'x');
		for (let i = 0; i < 100; i++) fs.writeSync(fd, chunk);
		fs.writeSync(fd, `${tail}\n${JSON.stringify(claudeLine('u2', 3, 'user', 'after'))}\n`);
		fs.closeSync(fd);
		expect(fs.statSync(file).size).toBeGreaterThan(100 << 20);

		const ws = open({index: path.join(dir, 'index.sqlite'), claude: [path.join(dir, 'root')]});
		opened.push(ws);
		const synced = await syncWorkspace(ws);
		expect(synced.errors).toEqual([]);
		const warnings = synced.summaries.flatMap((s) => s.warnings);
		const bytes = (head.length + (100 << 20) + tail.length).toLocaleString('en-US');
		expect(warnings).toEqual([{where: `${file}:2`, message: `line of ${bytes} bytes is longer than the limit, not read`, count: 1}]);
		const detail = loadSessionDetail(ws, CLAUDE_SESSION);
		if (!detail.ok) throw new Error(detail.error);
		expect(detail.value.messages.map((m) => m.blockText)).toEqual(['before', 'after']);
		// Nothing changed, so the next sync reads nothing and still remembers the warning.
		expect((await syncWorkspace(ws)).summaries.map((s) => s.newMessages)).toEqual([0]);
		expect(ws.store.sources.list().flatMap((s) => s.warnings)).toEqual(warnings);
	}, 120_000);
});
