// Generated transcript lines for the JSONL fuzz tests: garbage no reader can take (each must cost exactly
// one problem, or none for a blank line), and records shaped like a format's real lines (its fixture
// lines) with fields mutated to wrong types, nulls, extreme numbers, escape-laden or huge strings, deep
// nesting. Whether a mutated record is still valid is not predicted: it is taken or reported, never fatal.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {FIXTURES} from './transcripts.js';

export type Format = 'claude-code' | 'codex' | 'promptkit';
/** What a line must cost: exactly one problem, none (passed by in silence), or either. */
export type Expect = 'one' | 'none' | 'any';
export interface GenLine {
	bytes: Buffer;
	expect: Expect;
}

/** Text spliced into a line as it is, for numbers and nesting JSON.stringify cannot write (1e400, 10,000 levels). */
class Raw {
	constructor(readonly text: string) {}
}

/** JSON text of a value that may hold Raw pieces. */
export function serialize(value: unknown): string {
	const raws: string[] = [];
	const text = JSON.stringify(value, (_k, v: unknown) => (v instanceof Raw ? `@@RAW${raws.push(v.text) - 1}@@` : v)) ?? 'null';
	return text.replace(/"@@RAW(\d+)@@"/g, (_m, i: string) => raws[Number(i)]!);
}

// Terminal escapes a transcript may carry: SGR, OSC 8 hyperlinks and titles, BEL, C1 controls (CSI, NEL,
// DCS), line and paragraph separators, bidi override, BOM, NUL, lone surrogates.
const ESCAPES = ['\x1b[31m', '\x1b[0m', '\x1b]8;;https://example.com\x07link\x1b]8;;\x07', '\x07', '\x9b31m', '\x85', '\x90q\x1b\\',
	'\x1b]0;title\x1b\\', '\u2028', '\u2029', '\u202e', '\ufeff', '\x00', '\r', '\n', '\t', '\ud800', '\udfff', '\x7f', '\x1bc', '\x1b[2J'];
export const escapeText = fc.array(fc.oneof(fc.constantFrom(...ESCAPES), fc.string({maxLength: 6}), fc.string({unit: 'binary', maxLength: 4})), {maxLength: 16})
	.map((parts) => parts.join(''));
const longText = fc.tuple(fc.integer({min: 5_000, max: 120_000}), fc.constantFrom('x', 'é', '\x1b[1m', '😀', '\\"'))
	.map(([n, s]) => s.repeat(Math.ceil(n / s.length)));
const deep = fc.tuple(fc.integer({min: 600, max: 12_000}), fc.boolean())
	.map(([d, arrays]) => new Raw(arrays ? '['.repeat(d) + ']'.repeat(d) : '{"a":'.repeat(d) + '1' + '}'.repeat(d)));
const rawNumber = fc.constantFrom('1e400', '-1e400', '1E999', '-0', '123456789012345678901234567890', '1e-400', '0.1e1').map((t) => new Raw(t));

/** A value to put where a field was; `undefined` removes the field. */
const weird: fc.Arbitrary<unknown> = fc.oneof(
	fc.constant(undefined), fc.constant(null), fc.boolean(), fc.constantFrom([], {}, [null], {'': ''}),
	fc.integer(), fc.double(), fc.constantFrom(-1, -0.5, 2 ** 53 + 2, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324),
	fc.constantFrom('NaN', 'Infinity', '-Infinity', '-1', '1e999', '', ' ', 'null', 'true', '0x1F', '2026-13-45T25:61:61Z',
		'+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '0001-01-01T00:00:00Z', '__proto__', 'constructor'),
	escapeText, longText, fc.jsonValue({maxDepth: 2}), rawNumber, deep,
);

type Key = string | number;
function pathsOf(v: unknown, at: Key[] = [], out: Key[][] = []): Key[][] {
	out.push(at);
	// A Raw piece is one value: mutating its text could put a newline in the line.
	if (typeof v === 'object' && v !== null && !(v instanceof Raw)) for (const [k, x] of Object.entries(v)) pathsOf(x, [...at, Array.isArray(v) ? Number(k) : k], out);
	return out;
}

/** Sets (or with `undefined`, removes) the value at a path; an own `__proto__` key is defined, not assigned. */
function setAt(root: unknown, at: Key[], value: unknown): unknown {
	if (at.length === 0) return value;
	const parent = at.slice(0, -1).reduce<unknown>((o, k) => (o as Record<Key, unknown>)[k], root) as Record<Key, unknown>;
	const key = at.at(-1)!;
	if (value === undefined && !Array.isArray(parent)) delete parent[key];
	else Object.defineProperty(parent, key, {value, enumerable: true, writable: true, configurable: true});
	return root;
}

export interface Mutation {
	pick: number;
	value: unknown;
	/** Add a new key under the picked object instead of replacing the picked value. */
	extraKey: string | null;
}
export const mutation: fc.Arbitrary<Mutation> = fc.record({
	pick: fc.nat(), value: weird, extraKey: fc.option(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'type', ''), fc.string({maxLength: 8})), {freq: 4}),
});

export function mutate(record: unknown, mutations: readonly Mutation[]): unknown {
	let out = structuredClone(record);
	for (const m of mutations) {
		// A fresh copy each time: generated values may be shared constants, and must never end up inside themselves.
		const value = m.value instanceof Raw ? m.value : structuredClone(m.value);
		const paths = pathsOf(out);
		const at = paths[m.pick % paths.length]!;
		const target = at.reduce<unknown>((o, k) => (o as Record<Key, unknown>)[k], out);
		if (m.extraKey !== null && typeof target === 'object' && target !== null && !Array.isArray(target)) out = setAt(out, [...at, m.extraKey], value ?? null);
		else out = setAt(out, at, value);
	}
	return out;
}

/** Lines the fixtures of a format hold that parse (the shapes to mutate), plus shapes the fixtures lack. */
export function templates(format: Format): unknown[] {
	const dir = format === 'codex' ? path.join(FIXTURES, 'codex', 'sessions') : path.join(FIXTURES, format);
	const files = fs.readdirSync(dir, {recursive: true, encoding: 'utf8'}).filter((f) => f.endsWith('.jsonl')).map((f) => path.join(dir, f));
	const parsed = files.flatMap((f) => fs.readFileSync(f, 'utf8').split('\n')).flatMap((line) => {
		try {
			return [JSON.parse(line) as unknown];
		} catch {
			return [];
		}
	});
	return [...parsed, ...EXTRA[format]];
}

const EXTRA: Record<Format, unknown[]> = {
	'claude-code': [],
	codex: [
		{timestamp: '2026-06-18T02:00:00.000Z', type: 'compacted', payload: {message: 'summary'}},
		{timestamp: '2026-06-18T02:00:01.000Z', type: 'response_item', payload: {type: 'custom_tool_call', name: 'apply_patch', input: '*** Begin Patch', call_id: 'c9'}},
		{timestamp: '2026-06-18T02:00:02.000Z', type: 'response_item', payload: {type: 'local_shell_call', action: {command: ['ls']}, call_id: 'c10'}},
		{timestamp: '2026-06-18T02:00:03.000Z', type: 'response_item', payload: {type: 'custom_tool_call_output', call_id: 'c9', output: '{"output":"ok","metadata":{"exit_code":0,"duration_seconds":0.5}}'}},
	],
	promptkit: [
		{role: 'assistant', parts: [{type: 'text', text: 'part one'}, {type: 'image', text: null}], timestamp: '2026-07-01T12:00:20Z', meta: {model: 'gpt-4o', project: 'shop'}},
	],
};

const bytes = (s: string | Buffer) => (typeof s === 'string' ? Buffer.from(s, 'utf8') : s);

/**
 * Garbage lines of every kind, none holding a line end (LF, or CR, which ends a line too). `objectNoType` is a JSON object without the
 * key that says what it is: Claude Code and Codex pass such lines by, PromptKit reports them.
 */
export function garbage(format: Format, shapes: readonly unknown[]): fc.Arbitrary<GenLine> {
	const shapeText = fc.constantFrom(...shapes).map((s) => JSON.stringify(s));
	const one = (a: fc.Arbitrary<string | Buffer>) => a.map((s): GenLine => ({bytes: bytes(s), expect: 'one'}));
	const noNewline = (b: Uint8Array) => Buffer.from(b.filter((x) => x !== 10 && x !== 13));
	return fc.oneof(
		one(fc.tuple(shapeText, fc.double({min: 0, max: 1, noNaN: true})).map(([t, f]) => t.slice(0, Math.max(1, Math.min(t.length - 1, Math.floor(t.length * f)))))),
		one(fc.uint8Array({maxLength: 60}).map((b) => Buffer.concat([Buffer.from([0xff]), noNewline(b)]))),
		one(fc.tuple(shapeText, fc.constantFrom('\x00', '\x1b[31m', '\x07', '\x1b]8;;x\x07')).map(([t, c]) => t.replace('":"', `":"${c}`) + (t.includes('":"') ? '' : c))),
		one(shapeText.map((t) => `\ufeff${t}`)),
		one(shapeText.map((t) => `\x00${t}`)),
		one(fc.tuple(shapeText, fc.constantFrom(',', '}', ' x', '{}', '\x00')).map(([t, tail]) => t + tail)),
		one(fc.oneof(fc.array(fc.jsonValue({maxDepth: 2}), {maxLength: 4}), fc.string(), fc.double(), fc.boolean(), fc.constant(null)).map((v) => JSON.stringify(v))),
		one(fc.constantFrom(' ', '\t', '  \t ', '\x0b', '\f', '\x00', 'undefined', 'NaN', "{'a':1}", '{a:1}', '[1,]')),
		one(fc.integer({min: 1_000, max: 200_000}).map((n) => 'x'.repeat(n))),
		fc.constantFrom('').map((s): GenLine => ({bytes: bytes(s), expect: 'none'})),
		fc.dictionary(fc.string({maxLength: 6}).filter((k) => k !== 'type' && k !== 'role'), fc.jsonValue({maxDepth: 2}), {maxKeys: 4})
			.map((o): GenLine => ({bytes: bytes(JSON.stringify(o)), expect: format === 'promptkit' ? 'one' : 'none'})),
	);
}

/** A format's record with identities rewritten (so it lands in sessions of its own file) and mutated. */
export function shaped(shapes: readonly unknown[], rename: (record: unknown, salt: number) => unknown): fc.Arbitrary<GenLine> {
	return fc.tuple(fc.constantFrom(...shapes), fc.array(mutation, {maxLength: 4}), fc.nat(7))
		.map(([shape, mutations, salt]): GenLine => ({bytes: bytes(serialize(mutate(rename(shape, salt), mutations))), expect: 'any'}));
}
