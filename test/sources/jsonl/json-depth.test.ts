// The nesting check that keeps lines too deep to store (JSON.stringify would overflow the stack) out.
import {describe, expect, it} from 'vitest';
import {MAX_JSON_DEPTH, mayNestDeeper, nestedDeeper} from '../../../source/sources/jsonl/json-depth.js';

const arrays = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown;
const objects = (depth: number) => JSON.parse('{"a":'.repeat(depth) + '1' + '}'.repeat(depth)) as unknown;

describe('nestedDeeper', () => {
	it.each([
		[1, 0, false], ['x', 0, false], [[], 0, true], [[], 1, false], [[[]], 1, true], [{a: [1, {b: 2}]}, 3, false], [{a: [1, {b: {}}]}, 3, true],
	] as const)('%j deeper than %i: %s', (value, limit, deeper) => {
		expect(nestedDeeper(value, limit)).toBe(deeper);
	});

	it('tells a line of the limit from one a level deeper, in arrays and objects alike', () => {
		for (const build of [arrays, objects]) {
			expect(nestedDeeper(build(MAX_JSON_DEPTH))).toBe(false);
			expect(nestedDeeper(build(MAX_JSON_DEPTH + 1))).toBe(true);
		}
	});

	it('walks 100,000 levels without overflowing the stack (it stops at the limit)', () => {
		expect(nestedDeeper(arrays(100_000))).toBe(true);
	});

	it('only lines longer than twice the limit can nest deeper than it', () => {
		const text = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
		expect(mayNestDeeper(text)).toBe(true);
		expect(mayNestDeeper(text.slice(2, -2))).toBe(false);
	});
});
