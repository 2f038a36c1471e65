import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {INVISIBLE as INVISIBLE_G, INVISIBLE_MARK, sanitize, sanitizeLine} from '../../source/core/sanitize.js';
import {csvField} from '../../source/report/csv.js';
import {toJson} from '../../source/report/json.js';

const INVISIBLE = new RegExp(INVISIBLE_G.source);

const ESC = '\u001b';

describe('sanitize', () => {
	it.each([
		['CSI colour', `${ESC}[31mred${ESC}[0m text`, 'red text'],
		['CSI cursor and erase', `a${ESC}[2J${ESC}[H${ESC}[?1049hb`, 'ab'],
		['8-bit CSI', `x\u009b31my`, 'xy'],
		['OSC title (BEL)', `${ESC}]0;pwned\u0007hello`, 'hello'],
		['OSC 8 hyperlink (ST)', `${ESC}]8;;http://evil${ESC}\\link${ESC}]8;;${ESC}\\`, 'link'],
		['DCS', `${ESC}Pq#0;2;0;0;0${ESC}\\after`, 'after'],
		['APC', `${ESC}_Gf=100;AAAA${ESC}\\img`, 'img'],
		['bare ESC and BEL', `a${ESC}b\u0007c`, 'ac'],
		['other C0 and DEL', 'a\u0000b\u0008c\u007fd', 'abcd'],
		['C1 controls', 'a\u0085b\u0090c', 'ab'],
		['carriage returns become newlines', 'one\r\ntwo\rthree', 'one\ntwo\nthree'],
		['tabs expand', 'a\tb', 'a    b'],
		['plain text is untouched', 'hello — 世界 🎉', 'hello — 世界 🎉'],
	])('%s', (_name, input, expected) => {
		expect(sanitize(input)).toBe(expected);
	});

	it('folds lines for table cells', () => {
		expect(sanitizeLine('first\n  second\n')).toBe('first second ');
	});

	it('never lets an ESC or BEL through, whatever the input', () => {
		fc.assert(fc.property(fc.string({unit: 'binary', maxLength: 200}), (s) => {
			const out = sanitize(s);
			expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
		}), {numRuns: 2000});
	});
});

describe('invisible format characters (Trojan Source)', () => {
	const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
	const HIDDEN = ['\u200b', '\u2060', '\u2062', '\ufeff', '\u180e', '\ufff9', '\u{e0041}'];
	it.each([...BIDI, ...HIDDEN].map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase()}`, c] as const))('%s is made visible', (_name, c) => {
		expect(sanitize(`admin${c}user`)).toBe(`admin${INVISIBLE_MARK}user`);
		expect(sanitizeLine(`a${c}b`)).toBe(`a${INVISIBLE_MARK}b`);
	});
	it('the joiners emoji and scripts need stay', () => {
		expect(sanitize('👩\u200d💻 می\u200cخواهم')).toBe('👩\u200d💻 می\u200cخواهم');
	});
	it('a Trojan Source line reads in logical order', () => {
		const line = 'if (isAdmin) {\u202e } \u2066// check\u2069 \u2066';
		expect(sanitize(line)).not.toMatch(INVISIBLE);
	});
	it('CSV fields and JSON carry no raw bidi control; the parsed JSON value is exact', () => {
		const value = `evil\u202e\u2066txt.exe`;
		expect(csvField(value)).toBe(`evil${INVISIBLE_MARK}${INVISIBLE_MARK}txt.exe`);
		const json = toJson({value});
		expect(json).not.toMatch(INVISIBLE);
		expect(json).toContain('\\u202e\\u2066');
		expect((JSON.parse(json) as {value: string}).value).toBe(value);
		expect(toJson({tag: '\u{e0041}'})).toBe('{"tag":"\\udb40\\udc41"}');
	});
});
