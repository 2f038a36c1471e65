// A fuzzed copy of a format's fixture tree: garbage lines spliced between the fixture files' lines (with
// LF, CRLF or mixed line ends and an optional BOM), and new transcript files mixing garbage, mutated
// records and valid "anchor" lines that must come through. Records what each line of each file is, so a
// test can tell which line numbers a warning may name and how many problems a file must report.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type {FileSourceAdapter} from '../../source/sources/jsonl/file-source.js';
import {claudeAdapter} from '../../source/sources/claude-code/discover.js';
import {codexAdapter} from '../../source/sources/codex/discover.js';
import {promptkitAdapter} from '../../source/sources/promptkit/discover.js';
import {copyFixture, FIXTURES} from './transcripts.js';
import {escapeText, garbage, serialize, shaped, templates, type Expect, type Format, type GenLine} from './jsonl-fuzz-lines.js';

type Eol = 'lf' | 'crlf' | 'mixed' | 'cr';
/** What a line of a written file is: a fixture line (bad or good in the clean fixture), generated, or an anchor. */
export type LineRole = Expect | 'good' | 'bad' | 'anchor';

interface Spliced {
	inserts: Array<{slot: number; line: GenLine}>;
	eol: Eol;
	bom: boolean;
}
interface Added {
	lines: GenLine[];
	eol: Eol;
	bom: boolean;
	/** A last line without a newline (a line still being written). */
	tail: GenLine | null;
	place: boolean;
	/** PromptKit only: the new conversation's state.json. */
	state: GenLine | null;
	escapes: string;
	badUtf8: boolean;
}
export interface FuzzCase {
	spliced: Spliced[];
	added: Added[];
}

/** The fixture's transcript files, relative to its copy's root. */
export function fixtureFiles(format: Format): string[] {
	const dir = path.join(FIXTURES, format);
	return fs.readdirSync(dir, {recursive: true, encoding: 'utf8'}).filter((f) => f.endsWith('.jsonl')).sort();
}

const TAG = '@@TAG@@';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const ID_KEYS = new Set(['sessionId', 'uuid', 'parentUuid', 'leafUuid', 'agentId', 'requestId', 'id', 'tool_use_id']);

/** Identities of a fixture record rewritten to ones of the new file (TAG), so no fixture session gains a line. */
function rename(format: Format, record: unknown, salt: number): unknown {
	const out = structuredClone(record) as Record<string, unknown>;
	if (format === 'codex' && out['type'] === 'session_meta') (out['payload'] as Record<string, unknown>)['id'] = `fz${TAG}-codex-${salt % 3}`;
	if (format !== 'claude-code') return out;
	const visit = (o: unknown) => {
		if (typeof o !== 'object' || o === null) return;
		for (const [k, v] of Object.entries(o)) {
			if (typeof v === 'string' && ID_KEYS.has(k)) (o as Record<string, unknown>)[k] = k === 'sessionId' ? `fz${TAG}-s${salt % 3}` : `fz${TAG}-${k}-${salt}`;
			else visit(v);
		}
	};
	visit(out);
	return out;
}

const eol = fc.constantFrom<Eol>('lf', 'crlf', 'mixed', 'cr');
const rarely = fc.oneof({arbitrary: fc.constant(false), weight: 4}, {arbitrary: fc.constant(true), weight: 1});

export function fuzzCase(format: Format): fc.Arbitrary<FuzzCase> {
	const shapes = templates(format);
	const junk = garbage(format, shapes);
	const records = shaped(shapes, (r, salt) => rename(format, r, salt));
	const states = fc.oneof(junk, shaped([{id: 'x', metadata: {title: 'Fuzzed title'}}, {id: 'y'}], (r) => r));
	const added = fc.record({
		lines: fc.array(fc.oneof(junk, records), {maxLength: 12}), eol, bom: rarely, tail: fc.option(junk, {freq: 3}), place: fc.boolean(),
		state: format === 'promptkit' ? fc.option(states) : fc.constant(null), escapes: escapeText, badUtf8: fc.boolean(),
	});
	return fc.record({
		spliced: fc.tuple(...fixtureFiles(format).map(() => fc.record({inserts: fc.array(fc.record({slot: fc.nat(), line: junk}), {maxLength: 4}), eol, bom: rarely}))),
		added: fc.array(added, {minLength: 1, maxLength: 2}),
	});
}

let anchors = 0;

/** A line that must be read: the anchor's token, escapes, and (optionally) invalid UTF-8 inside its text. */
function anchor(format: Format, tag: number, k: number, a: Added): {bytes: Buffer; token: string} {
	const token = `[ANCHOR ${format} ${tag}.${k} #${++anchors}]`;
	const text = `${token} ${a.escapes}`;
	const ts = `2026-0${format === 'claude-code' ? 5 : format === 'codex' ? 6 : 7}-19T00:00:0${k}.000Z`;
	const record = format === 'claude-code'
		? {type: 'user', sessionId: `fz${tag}-anchor`, uuid: `anchor-${tag}-${k}`, timestamp: ts, cwd: '/fuzz/project', message: {role: 'user', content: text}}
		: format === 'codex'
			? {timestamp: ts, type: 'response_item', payload: {type: 'message', role: 'user', content: [{type: 'input_text', text}]}}
			: {role: 'user', content: text, timestamp: ts};
	const json = Buffer.from(serialize(record));
	if (!a.badUtf8) return {bytes: json, token};
	const at = json.indexOf(token) + token.length;
	return {bytes: Buffer.concat([json.subarray(0, at), Buffer.from([0xff, 0xc3, 0x20, 0xe2, 0x82]), json.subarray(at)]), token};
}

function addedPath(format: Format, root: string, tag: number, place: boolean): string {
	const id = `5e0f0000-0000-4000-8000-00000000000${tag}`;
	if (format === 'codex') return path.join(root, 'sessions', '2026', '06', '19', `rollout-2026-06-19T00-00-0${tag}-${id}.jsonl`);
	if (format === 'promptkit') return path.join(root, `conv-fuzz-${tag}`, 'messages.jsonl');
	if (!place) return path.join(root, 'projects', `-fuzz-${tag}`, `${id}.jsonl`);
	return path.join(root, 'projects', '-Users-me-app', '8f2c1a9e-4b7d-4c1e-9a53-0d6f2e7b9c11', 'subagents', `agent-fz${tag}.jsonl`);
}

export const ADAPTERS: Record<Format, FileSourceAdapter> = {'claude-code': claudeAdapter, codex: codexAdapter, promptkit: promptkitAdapter};

/**
 * A generated line's role once written. A line ends at LF, CRLF or a CR alone (generated lines hold none),
 * so a line is blank only when it is empty; it drops a BOM that opens the file, so line 1 may be read without its BOM;
 * and a reader's cheap type test passes some lines by unread (progress ticks, most Codex events), so
 * garbage that still starts like one of those is passed by in silence.
 */
function roleOf(format: Format, expect: Expect, bytes: Buffer, crlf: boolean, first: boolean): LineRole {
	const end = !crlf && bytes.at(-1) === 13 ? bytes.length - 1 : bytes.length;
	if (end === 0) return 'none';
	if (expect === 'none' && bytes.every((b) => b === 13)) return 'one';
	if (first && bytes.subarray(0, 3).equals(BOM)) return 'any';
	return expect === 'one' && ADAPTERS[format].skipLine?.(bytes, 0, end) ? 'none' : expect;
}

const withTag = (b: Buffer, tag: number) => (b.includes(TAG) ? Buffer.from(b.toString('latin1').replaceAll(TAG, String(tag)), 'latin1') : b);

type Written = {bytes: Buffer; role: LineRole} | {bytes: Buffer; expect: Expect};

/** Writes lines with the given ends; returns each line's role by line number (1-based). */
function write(format: Format, file: string, lines: Written[], end: Eol, bom: boolean, tail: Buffer | null): Map<number, LineRole> {
	const parts: Buffer[] = [];
	const roles = new Map<number, LineRole>();
	lines.forEach((l, i) => {
		const crlf = end === 'crlf' || (end === 'mixed' && i % 2 === 1);
		const nl = end === 'cr' ? '\r' : crlf ? '\r\n' : '\n';
		// A generated line 1 behind the file's BOM may be read as a record: it may go either way.
		roles.set(i + 1, 'role' in l ? l.role : bom && i === 0 ? 'any' : roleOf(format, l.expect, l.bytes, crlf, i === 0));
		parts.push(i === 0 && bom ? Buffer.concat([BOM, l.bytes]) : l.bytes, Buffer.from(nl));
	});
	if (tail) {
		parts.push(tail);
		roles.set(lines.length + 1, 'any');
	}
	fs.mkdirSync(path.dirname(file), {recursive: true});
	fs.writeFileSync(file, Buffer.concat(parts));
	return roles;
}

export interface BuiltCase {
	root: string;
	/** Every transcript file written, with its lines' roles (state.json: an empty map). */
	files: Map<string, Map<number, LineRole>>;
	tokens: string[];
}

/** `bad`: per fixture file (relative), the lines the clean fixture already reports. */
export function buildCase(format: Format, c: FuzzCase, bad: ReadonlyMap<string, ReadonlySet<number>>): BuiltCase {
	const root = copyFixture(format);
	const files = new Map<string, Map<number, LineRole>>();
	fixtureFiles(format).forEach((rel, i) => {
		const file = path.join(root, rel);
		const text = fs.readFileSync(file);
		const original: Written[] = text.toString('latin1').split('\n').slice(0, -1)
			.map((l, n) => ({bytes: Buffer.from(l, 'latin1'), role: bad.get(rel)?.has(n + 1) ? 'bad' : 'good'}));
		const s = c.spliced[i]!;
		const lines = [...original];
		// Line 1 is read without a BOM, so a BOM-prefixed record there would be a record, not garbage.
		for (const ins of s.inserts) lines.splice(ins.slot % (lines.length + 1) || (ins.line.bytes.subarray(0, 3).equals(BOM) ? 1 : 0), 0, ins.line);
		const stat = fs.statSync(file);
		files.set(file, write(format, file, lines, s.eol, s.bom, null));
		// Keep the copy's mtime (its last record's time): the sync orders files by it.
		fs.utimesSync(file, stat.atime, stat.mtime);
	});
	const tokens: string[] = [];
	c.added.forEach((a, tag) => {
		const first = anchor(format, tag, 1, a);
		const last = anchor(format, tag, 2, a);
		tokens.push(first.token, last.token);
		const lines: Written[] = [{bytes: first.bytes, role: 'anchor'}, ...a.lines.map((l) => ({bytes: withTag(l.bytes, tag), expect: l.expect})),
			{bytes: last.bytes, role: 'anchor'}];
		const file = addedPath(format, root, tag, a.place);
		files.set(file, write(format, file, lines, a.eol, a.bom, a.tail ? a.tail.bytes : null));
		if (a.state) {
			const state = path.join(path.dirname(file), 'state.json');
			fs.writeFileSync(state, a.state.bytes);
			files.set(state, new Map());
		}
	});
	return {root, files, tokens};
}
