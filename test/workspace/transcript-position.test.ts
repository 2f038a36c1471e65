// Finding a message's line in its Claude Code transcript: the file of a session or a subagent, the line
// of its ID (a match across a read chunk's edge, an ID that is a prefix of another), and null when gone.
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {codexPosition, lineOf, needleOf, transcriptFile, transcriptPosition} from '../../source/workspace/transcript-position.js';
import {tempDir} from '../helpers/workspace.js';

const dir = tempDir('tapedeck-position-');
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));

const write = (file: string, text: string) => {
	fs.mkdirSync(path.dirname(file), {recursive: true});
	fs.writeFileSync(file, text);
	return file;
};

describe('transcriptFile', () => {
	const projects = path.join(dir, 'config', 'projects');
	const top = write(path.join(projects, '-home-me-app', 'sess-1.jsonl'), '{}\n');
	const sub = write(path.join(projects, '-home-me-app', 'sess-1', 'subagents', 'agent-abc.jsonl'), '{}\n');

	it('finds a session under a projects directory or the config directory holding it', () => {
		expect(transcriptFile([projects], 'sess-1', null)).toBe(top);
		expect(transcriptFile([path.join(dir, 'config')], 'sess-1', null)).toBe(top);
	});

	it("finds a subagent under its parent's folder, scoped ID or not", () => {
		expect(transcriptFile([projects], 'agent-abc', 'sess-1')).toBe(sub);
		expect(transcriptFile([projects], 'agent-abc@sess-1', 'sess-1')).toBe(sub);
	});

	it('gives null for a session with no file, or an ID that is a path', () => {
		expect(transcriptFile([projects], 'sess-2', null)).toBeNull();
		expect(transcriptFile([projects], '../x', null)).toBeNull();
		expect(transcriptFile([path.join(dir, 'missing')], 'sess-1', null)).toBeNull();
	});
});

describe('lineOf', () => {
	it('finds the first line naming the ID, not one whose ID it starts', () => {
		const file = write(path.join(dir, 'a.jsonl'), ['{"uuid":"u10"}', '{"uuid":"u1"}', '{"parentUuid":"u1","uuid":"u2"}'].join('\n'));
		expect(lineOf(file, needleOf('u1'))).toBe(2);
		expect(lineOf(file, needleOf('u2'))).toBe(3);
		expect(lineOf(file, needleOf('u3'))).toBeNull();
	});

	it("finds an assistant reply by its API message ID (the index's ID adds the request)", () => {
		const file = write(path.join(dir, 'b.jsonl'), '{"uuid":"u1"}\n{"message":{"id":"msg_7"},"requestId":"req_1"}\n');
		expect(lineOf(file, needleOf('msg_7:req_1'))).toBe(2);
	});

	it('counts lines across read chunks, with the ID cut anywhere by a chunk edge', () => {
		// 10,484 lines of 100 bytes end 176 bytes before the first 1 MiB chunk does; a last line of 155–172 bytes
		// puts the quoted ID's first byte on each side of that edge in turn.
		const head = `${'x'.repeat(99)}\n`.repeat(10_484);
		for (let shift = 155; shift < 173; shift++) {
			const f = write(path.join(dir, `d${shift}.jsonl`), `${head}${'y'.repeat(shift)}\n{"uuid":"edge-id"}\n{"uuid":"after"}\n`);
			expect(lineOf(f, needleOf('edge-id'))).toBe(10_486);
			expect(lineOf(f, needleOf('after'))).toBe(10_487);
		}
	});

	it('gives null for a missing file', () => {
		expect(lineOf(path.join(dir, 'nope.jsonl'), '"x"')).toBeNull();
	});
});

describe('transcriptPosition', () => {
	it('is the file and line, or null when the file no longer holds the message', () => {
		const projects = path.join(dir, 'p2');
		const file = write(path.join(projects, 'proj', 's.jsonl'), '{"uuid":"a1"}\n{"uuid":"a2"}\n');
		expect(transcriptPosition([projects], {id: 's', parentId: null}, 'a2')).toEqual({file, line: 2});
		expect(transcriptPosition([projects], {id: 's', parentId: null}, 'gone')).toBeNull();
	});
});

describe('codexPosition', () => {
	const rollout = write(path.join(dir, 'codex', 'rollout-x.jsonl'), '{}\n{}\n{}\n');

	it('is the line the message ID ends in, in the file the session was read from', () => {
		expect(codexPosition(rollout, '019e-abc:3')).toEqual({file: rollout, line: 3});
	});

	it('gives null when the file is unknown or gone, or the ID names no line', () => {
		expect(codexPosition(undefined, 'x:3')).toBeNull();
		expect(codexPosition(path.join(dir, 'codex', 'gone.jsonl'), 'x:3')).toBeNull();
		expect(codexPosition(rollout, 'x:')).toBeNull();
		expect(codexPosition(rollout, 'x:0')).toBeNull();
		expect(codexPosition(rollout, 'x:two')).toBeNull();
	});
});
