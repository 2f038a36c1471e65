// A tapes node's slim facts: the text packSlim writes is the JSON of its array, whatever the values, and reads
// back as a slim row (no facts here, its role and tools for a search hit).
import {describe, expect, it} from 'vitest';
import {packSlim, roleAndTools, unpack} from '../../source/store/messages-repo.js';

const usage = (over: Partial<Record<'input' | 'output' | 'cacheWrite' | 'cacheWrite1h' | 'cacheRead', number>> & {total?: number | null} = {}) =>
	({input: 1200, output: 345, cacheWrite: 0, cacheWrite1h: 0, cacheRead: 98_765, total: null, ...over});

describe('packSlim', () => {
	it('writes what JSON.stringify writes for the array, for odd roles, tools and numbers too', () => {
		const cases = [
			{role: 'assistant', usage: usage(), toolNames: []},
			{role: 'user', usage: usage({total: 4_000_000_000, input: 0.5}), toolNames: ['Bash', 'Read']},
			{role: 'to"ol\\\u0007é', usage: usage({output: Number.NaN, cacheRead: Number.POSITIVE_INFINITY, cacheWrite: -0}), toolNames: ['a"b', '\u2028', '']},
			{role: '', usage: usage({input: 1e21, output: 1e-7, total: 12}), toolNames: ['mcp__x__y']},
		];
		for (const f of cases) {
			const u = f.usage;
			const text = packSlim(f);
			expect(text).toBe(JSON.stringify([f.role, 0, 0, 0, u.input, u.output, u.cacheWrite, u.cacheWrite1h, u.cacheRead, u.total, 0, f.toolNames]));
			expect(roleAndTools(text)).toEqual({role: f.role, toolNames: f.toolNames});
			expect(() => unpack({id: 'n1', parent_id: null, ts: 0, model: '', facts: text})).toThrow('its facts are in its tapes file');
		}
	});
});
