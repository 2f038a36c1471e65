// The body JSON kept per transcript message: round trip, empty fields left out, long texts cut once.
import {describe, expect, it} from 'vitest';
import {BODY_TEXT_CAP, RESULT_TEXT_CAP, capText, decodeBody, encodeBody} from '../../source/store/message-body.js';

const empty = {text: '', toolCalls: [], toolResults: [], validations: [], latencyMs: null, recordedCost: null, meta: null};

describe('message body', () => {
	it('round-trips and leaves empty fields out', () => {
		const body = {...empty, text: 'hi', toolCalls: [{id: 't', name: 'Read', args: {a: 1}}], latencyMs: 0, meta: {compactBoundary: {trigger: 'auto'}}};
		expect(encodeBody(empty)).toBe('{}');
		expect(decodeBody(encodeBody(body))).toEqual(body);
		expect(decodeBody(null)).toEqual(empty);
	});

	it('cuts long texts and tool results, and never cuts a cut text again', () => {
		const long = 'x'.repeat(BODY_TEXT_CAP + 10);
		const cut = capText(long);
		expect(cut).toHaveLength(BODY_TEXT_CAP + '\n… [10 more characters not kept]'.length);
		expect(capText(cut)).toBe(cut);
		const result = {id: 'r', name: 'Read', content: 'y'.repeat(RESULT_TEXT_CAP * 2), error: '', isError: false, latencyMs: null};
		const stored = decodeBody(encodeBody({...empty, toolResults: [result]}));
		expect(stored.toolResults[0]!.content).toMatch(/^y{8000}\n… \[8,000 more characters not kept]$/);
		expect(encodeBody(stored)).toBe(encodeBody({...empty, toolResults: [result]}));
	});
});

describe('tool call arguments', () => {
	it('cut long string arguments (a Write of a whole file) and keep the rest', () => {
		const args = {file_path: 'a.ts', content: 'z'.repeat(10_000)};
		const [call] = decodeBody(encodeBody({...empty, toolCalls: [{id: 't', name: 'Write', args}]})).toolCalls;
		expect((call!.args as {file_path: string}).file_path).toBe('a.ts');
		expect((call!.args as {content: string}).content).toMatch(/^z{4000}\n… \[6,000 more characters not kept]$/);
		expect(args.content).toHaveLength(10_000);
	});
});
