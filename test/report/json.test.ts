// Report JSON escapes what JSON.stringify leaves raw (DEL, C1 controls) and parses back to the same values.
import {describe, expect, it} from 'vitest';
import {toJson} from '../../source/report/json.js';

describe('toJson', () => {
	it('escapes DEL and C1 controls, and round-trips', () => {
		const value = {text: 'a\u009b2J b\u007f c\u0085 \u001b[31m é 漢字', n: 1};
		const text = toJson(value, 2);
		expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
		expect(text).toContain('\\u009b2J');
		expect(JSON.parse(text)).toEqual(value);
	});

	it('is JSON.stringify for text without such characters, every time it is called', () => {
		for (let i = 0; i < 3; i++) expect(toJson({a: 'x\u009b'})).toBe('{"a":"x\\u009b"}');
		expect(toJson([1, 'é'])).toBe(JSON.stringify([1, 'é']));
	});
});
