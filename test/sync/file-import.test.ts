// Reading transcript files into the index, at the edges the fuzz tests found: a file that opens with a
// byte-order mark is read from its first line, and a line nested too deep to store is one warning
// naming its file and line while the lines around it import.
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {MAX_JSON_DEPTH} from '../../source/sources/jsonl/json-depth.js';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import {loadSessionDetail} from '../../source/workspace/session-detail.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';
import {open, tempDir} from '../helpers/workspace.js';

const BOM = '\ufeff';
/** 10,000 levels: JSON.parse takes it; JSON.stringify and String() overflow the stack on it. */
const DEEP = '['.repeat(10_000) + ']'.repeat(10_000);
const TOO_DEEP = `nested deeper than ${MAX_JSON_DEPTH} levels, not read`;

const opened: Workspace[] = [];
afterEach(() => {
	while (opened.length) opened.pop()!.close();
});

function write(file: string, lines: string[]): string {
	fs.mkdirSync(path.dirname(file), {recursive: true});
	fs.writeFileSync(file, lines.map((l) => `${l}\n`).join(''));
	return file;
}

async function sync(roots: Record<string, string[]>) {
	const ws = open({index: path.join(tempDir(), 'index.sqlite'), ...roots});
	opened.push(ws);
	const synced = await syncWorkspace(ws);
	expect(synced.errors).toEqual([]);
	const texts = (id: string) => {
		const detail = loadSessionDetail(ws, id);
		if (!detail.ok) throw new Error(detail.error);
		return {summary: detail.value.summary, texts: detail.value.messages.map((m) => m.blockText)};
	};
	return {warnings: synced.summaries.flatMap((s) => s.warnings), texts};
}

describe('transcript file import', () => {
	it('Claude Code: reads line 1 after a BOM; a deeply nested tool input is one warning, not a failed sync', async () => {
		const root = tempDir();
		const id = '7c1e0000-0000-4000-8000-0000000000b0';
		const line = (uuid: string, s: number, type: string, message: string) =>
			`{"type":"${type}","sessionId":"${id}","uuid":"${uuid}","timestamp":"2026-05-20T10:00:0${s}.000Z","message":${message}}`;
		const file = write(path.join(root, 'projects', '-Users-me-app', `${id}.jsonl`), [
			BOM + line('u1', 1, 'user', '{"role":"user","content":"first"}'),
			line('a1', 2, 'assistant', `{"id":"m1","content":[{"type":"tool_use","id":"t1","name":"Bash","input":${DEEP}}]}`),
			line('u2', 3, 'user', '{"role":"user","content":"last"}'),
		]);
		const {warnings, texts} = await sync({claude: [root]});
		expect(warnings).toEqual([{where: `${file}:2`, message: TOO_DEEP, count: 1}]);
		expect(texts(id)).toMatchObject({summary: {label: 'first', messageCount: 2}, texts: ['first', 'last']});
	});

	it('Codex: reads session_meta after a BOM; a deeply nested timestamp is one warning', async () => {
		const root = tempDir();
		const id = '019e0000-0000-7000-8000-0000000000b0';
		const item = (ts: string, text: string) => `{"timestamp":${ts},"type":"response_item","payload":{"type":"message","role":"user","content":[{"type":"input_text","text":"${text}"}]}}`;
		const file = write(path.join(root, 'sessions', '2026', '06', '20', `rollout-2026-06-20T10-00-00-${id}.jsonl`), [
			`${BOM}{"timestamp":"2026-06-20T10:00:00.000Z","type":"session_meta","payload":{"id":"${id}","cwd":"/Users/me/bom-project"}}`,
			item('"2026-06-20T10:00:01.000Z"', 'first'), item(DEEP, 'deep'), item('"2026-06-20T10:00:03.000Z"', 'last'),
		]);
		const {warnings, texts} = await sync({codex: [root]});
		expect(warnings).toEqual([{where: `${file}:3`, message: TOO_DEEP, count: 1}]);
		expect(texts(id)).toMatchObject({summary: {project: 'bom-project', messageCount: 2}, texts: ['first', 'last']});
	});

	it('PromptKit: reads messages.jsonl and state.json after a BOM; deeply nested meta is one warning', async () => {
		const root = tempDir();
		const conv = path.join(root, 'conv-bom');
		const file = write(path.join(conv, 'messages.jsonl'), [
			`${BOM}{"role":"user","content":"first","timestamp":"2026-07-20T10:00:01Z"}`,
			`{"role":"assistant","content":"deep","meta":{"x":${DEEP}}}`,
			'{"role":"assistant","content":"last","timestamp":"2026-07-20T10:00:03Z"}',
		]);
		fs.writeFileSync(path.join(conv, 'state.json'), `${BOM}{"id":"bom","metadata":{"title":"Titled despite the BOM"}}`);
		const {warnings, texts} = await sync({promptkit: [root]});
		expect(warnings).toEqual([{where: `${file}:2`, message: TOO_DEEP, count: 1}]);
		expect(texts('bom')).toMatchObject({summary: {label: 'Titled despite the BOM', messageCount: 2}, texts: ['first', 'last']});
	});
});
