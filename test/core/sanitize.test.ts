import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {sanitize, sanitizeLine} from '../../source/core/sanitize.js';

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
